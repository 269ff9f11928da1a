import { api, isApiName, type ApiName, type ApiParsedInput, type ApiResult } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import {
  allocationsAssign,
  allocationsDelete,
  allocationsMove,
  allocationsSetStatus,
  allocationsUpdate,
  historyRedo,
  historyStateHandler,
  historyUndo,
} from './allocations';
import { boardGet } from './board';
import { systemClock, type Clock } from '../clock';
import type { BackendContext } from './context';
import type { PdfPrinter } from '../export/export-jobs';
import { flagsList } from './flags';
import { holidaysLoad, importCsvHandler } from './imports';
import { departmentsList, planCreate, planInfo, planOpen, planSaveCopy } from './plans';
import { exportsCancel, exportsStart, exportsStatus } from './exports';
import {
  reportsAllocations,
  reportsAllocationsPage,
  reportsCosts,
  reportsSkills,
  reportsStages,
  reportsUtilization,
  reportsView,
} from './reports';
import { specialistsList, timelineGet } from './specialists';
import { requestsGet, requestsList, requestsSave, requestsSetStatus, skillsList } from './requests';
import {
  requestsExport,
  requestsImportApply,
  requestsImportPreview,
  requestsSummary,
  requestsSummaryHtml,
  requestsSummaryPdf,
} from './request-files';

type Handler<K extends ApiName> = (ctx: BackendContext, input: ApiParsedInput<K>) => ApiResult<K> | Promise<ApiResult<K>>;
export type HandlerMap = { [K in ApiName]: Handler<K> };

/** The map only wires names to named handlers; each handler lives with its area. */
export const handlers: HandlerMap = {
  'plan-info': planInfo,
  'plan-open': planOpen,
  'plan-create': planCreate,
  'plan-save-copy': planSaveCopy,
  'departments-list': departmentsList,
  'board-get': boardGet,
  'specialists-list': specialistsList,
  'flags-list': flagsList,
  'reports-utilization': reportsUtilization,
  'reports-costs': reportsCosts,
  'reports-allocations': reportsAllocations,
  'reports-skills': reportsSkills,
  'reports-stages': reportsStages,
  'reports-view': reportsView,
  'reports-allocations-page': reportsAllocationsPage,
  'exports-start': exportsStart,
  'exports-status': exportsStatus,
  'exports-cancel': exportsCancel,
  'import-csv': importCsvHandler,
  'holidays-load': holidaysLoad,
  'allocations-assign': allocationsAssign,
  'allocations-update': allocationsUpdate,
  'allocations-move': allocationsMove,
  'allocations-set-status': allocationsSetStatus,
  'allocations-delete': allocationsDelete,
  'history-undo': historyUndo,
  'history-redo': historyRedo,
  'history-state': historyStateHandler,
  'timeline-get': timelineGet,
  'requests-list': requestsList,
  'requests-get': requestsGet,
  'requests-save': requestsSave,
  'requests-set-status': requestsSetStatus,
  'skills-list': skillsList,
  'requests-export': requestsExport,
  'requests-summary': requestsSummary,
  'requests-summary-pdf': requestsSummaryPdf,
  'requests-summary-html': requestsSummaryHtml,
  'requests-import-preview': requestsImportPreview,
  'requests-import-apply': requestsImportApply,
};

/** Validates a call against the contract and runs its handler: the one door to the plan. */
export async function dispatch(ctx: BackendContext, name: unknown, input: unknown): Promise<unknown> {
  if (!isApiName(name)) throw new ApiError('unknown-operation', `"${String(name).slice(0, 100)}" is not an operation of TM Planner.`);
  const parsed = api[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
    throw new ApiError('invalid-input', `${name}: ${problems.join('; ')}.`, problems);
  }
  const handler = handlers[name] as Handler<ApiName>;
  return handler(ctx, parsed.data as never);
}

export interface Backend {
  dispatch(name: string, input: unknown): Promise<unknown>;
  /** Typed form for callers inside Node (CLI, tests, web host). */
  call<K extends ApiName>(name: K, input: ApiParsedInput<K> | Record<string, unknown>): Promise<ApiResult<K>>;
  context: BackendContext;
  close(): void;
}

export interface BackendOptions {
  nativeBinding?: string | undefined;
  clock?: Clock | undefined;
  printPdf?: PdfPrinter | undefined;
}

export function createBackend(options: BackendOptions = {}): Backend {
  const context: BackendContext = {
    session: null,
    nativeBinding: options.nativeBinding,
    clock: options.clock ?? systemClock,
    printPdf: options.printPdf,
  };
  return {
    context,
    dispatch: (name, input) => dispatch(context, name, input),
    call: (name, input) => dispatch(context, name, input) as never,
    close: () => {
      context.session?.close();
      context.session = null;
      // Running exports stop and their part files are gone before close returns (hosts exit
      // right after it); a host that can wait for the workers awaits dispose() first.
      context.exports?.abortAll();
      context.exports = undefined;
    },
  };
}
