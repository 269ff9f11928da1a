import type { z } from 'zod';
import { allocationsApi } from './allocations';
import { boardApi } from './board';
import { flagsApi } from './flags';
import { importsApi } from './imports';
import type { Operation } from './operation';
import { plansApi } from './plans';
import { reportsApi } from './reports';
import { requestsApi } from './requests';
import { specialistsApi } from './specialists';

export * from './errors';
export type * from './board';
export type * from './plans';
export type * from './specialists';
export type * from './allocations';
export type * from './requests';
export type { ImportKind, ImportResult } from './imports';
export { IMPORT_KINDS } from './imports';
export type * from './reports';
export { REPORT_NAMES, EXPORT_REPORTS, EXPORT_FORMATS, ALLOCATION_SORT_KEYS } from './reports';

const areas = [plansApi, boardApi, specialistsApi, flagsApi, reportsApi, importsApi, allocationsApi, requestsApi] as const;

/** The whole contract: operation name -> input schema (and result type). */
export const api = Object.freeze(joinAreas()) as typeof plansApi &
  typeof boardApi &
  typeof specialistsApi &
  typeof flagsApi &
  typeof reportsApi &
  typeof importsApi &
  typeof allocationsApi &
  typeof requestsApi;

function joinAreas(): Record<string, Operation<z.ZodType, unknown>> {
  const all: Record<string, Operation<z.ZodType, unknown>> = Object.create(null);
  for (const area of areas) {
    for (const [name, operation] of Object.entries(area)) {
      // Two areas claiming one name would silently shadow each other.
      if (name in all) throw new Error(`API operation "${name}" is defined twice`);
      all[name] = operation;
    }
  }
  return all;
}

export type Api = typeof api;
export type ApiName = keyof Api;
export type ApiInput<K extends ApiName> = z.input<Api[K]['input']>;
export type ApiParsedInput<K extends ApiName> = z.output<Api[K]['input']>;
export type ApiResult<K extends ApiName> = Api[K] extends Operation<z.ZodType, infer R> ? R : never;

export const apiOperationNames: readonly ApiName[] = Object.freeze(Object.keys(api) as ApiName[]);

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}
