import type { ApiParsedInput, RequestDetail, RequestsList, RequestWritten, SkillInfo, StatusChanged } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import type { BackendContext } from './context';

const todo = (): never => {
  throw new ApiError('invalid-input', 'Not built yet.');
};

export function requestsList(_ctx: BackendContext): RequestsList {
  return todo();
}
export function requestsGet(_ctx: BackendContext, _input: ApiParsedInput<'requests-get'>): RequestDetail {
  return todo();
}
export function requestsSave(_ctx: BackendContext, _input: ApiParsedInput<'requests-save'>): RequestWritten {
  return todo();
}
export function requestsSetStatus(_ctx: BackendContext, _input: ApiParsedInput<'requests-set-status'>): StatusChanged {
  return todo();
}
export function skillsList(_ctx: BackendContext): { skills: SkillInfo[] } {
  return todo();
}
