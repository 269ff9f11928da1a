import type { ApiParsedInput, ApiResult } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import type { BackendContext } from './context';

const todo = (): never => {
  throw new ApiError('invalid-input', 'Not built yet.');
};

export function requestsExport(_ctx: BackendContext, _input: ApiParsedInput<'requests-export'>): ApiResult<'requests-export'> {
  return todo();
}
export function requestsSummary(_ctx: BackendContext, _input: ApiParsedInput<'requests-summary'>): ApiResult<'requests-summary'> {
  return todo();
}
export function requestsSummaryPdf(
  _ctx: BackendContext,
  _input: ApiParsedInput<'requests-summary-pdf'>,
): ApiResult<'requests-summary-pdf'> {
  return todo();
}
export function requestsSummaryHtml(
  _ctx: BackendContext,
  _input: ApiParsedInput<'requests-summary-html'>,
): ApiResult<'requests-summary-html'> {
  return todo();
}
export function requestsImportPreview(
  _ctx: BackendContext,
  _input: ApiParsedInput<'requests-import-preview'>,
): ApiResult<'requests-import-preview'> {
  return todo();
}
export function requestsImportApply(
  _ctx: BackendContext,
  _input: ApiParsedInput<'requests-import-apply'>,
): ApiResult<'requests-import-apply'> {
  return todo();
}
