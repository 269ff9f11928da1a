import type { z } from 'zod';
import { requestProblems, type RequestProblem } from '../domain/request-rules';
import {
  EXCHANGE_VERSION,
  REQUEST_FILE_FORMAT,
  STAFFING_SUMMARY_FORMAT,
  requestFileSchema,
  staffingSummarySchema,
  type RequestFile,
  type StaffingSummaryFile,
} from './request-file';
import { requestFromFile, type DecimalProblem, type ExchangeRequest } from './request-model';

/** Why nothing from a file can be imported; worded by shared/format (exchangeProblemText). */
export type ExchangeProblem =
  | { rule: 'not-json' }
  | { rule: 'not-tm-planner'; format: string | null }
  | { rule: 'newer-version'; version: number }
  | { rule: 'other-currency'; file: string; plan: string }
  | { rule: 'schema'; issues: { path: string; message: string }[] }
  | { rule: 'decimal'; problem: DecimalProblem }
  | { rule: 'request'; problems: RequestProblem[] };

export type ExchangeRead =
  | { ok: true; kind: 'request'; file: RequestFile; request: ExchangeRequest }
  | { ok: true; kind: 'summary'; file: StaffingSummaryFile; text: string }
  | { ok: false; problem: ExchangeProblem };

/**
 * Reads a request file or a staffing summary, checking in the order that says most about
 * a bad file: is it whole JSON, is it ours, is it a version we know, is it in the plan's
 * currency, then every field. Anything wrong refuses the whole file: an import never
 * applies part of one.
 */
export function readExchangeFile(rawText: string, plan: { currency: string; minorDigits: number }): ExchangeRead {
  // Editors on Windows save UTF-8 with a byte order mark; it is not part of the JSON.
  const text = rawText.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail({ rule: 'not-json' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail({ rule: 'not-tm-planner', format: null });
  const top = json as Record<string, unknown>;
  const format = Object.hasOwn(top, 'format') ? top.format : undefined;
  if (format !== REQUEST_FILE_FORMAT && format !== STAFFING_SUMMARY_FORMAT) {
    return fail({ rule: 'not-tm-planner', format: typeof format === 'string' ? format : null });
  }
  const version = top.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXCHANGE_VERSION) {
    return fail({ rule: 'newer-version', version });
  }
  const currency = top.plan_currency;
  if (typeof currency === 'string' && currency !== plan.currency)
    return fail({ rule: 'other-currency', file: currency, plan: plan.currency });

  if (format === STAFFING_SUMMARY_FORMAT) {
    const parsed = staffingSummarySchema.safeParse(json);
    if (!parsed.success) return fail(schemaProblem(parsed.error));
    return { ok: true, kind: 'summary', file: parsed.data, text };
  }
  const parsed = requestFileSchema.safeParse(json);
  if (!parsed.success) return fail(schemaProblem(parsed.error));
  const read = requestFromFile(parsed.data, plan.minorDigits);
  if (!read.ok) return fail({ rule: 'decimal', problem: read.problem });
  const problems = requestProblems(read.request);
  if (problems.length > 0) return fail({ rule: 'request', problems });
  return { ok: true, kind: 'request', file: parsed.data, request: read.request };
}

const fail = (problem: ExchangeProblem): ExchangeRead => ({ ok: false, problem });

/** JSON paths as people write them: request.start_week, demand[0].hours_per_week. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(the file)';
}

function schemaProblem(error: z.ZodError): ExchangeProblem {
  return { rule: 'schema', issues: error.issues.slice(0, 20).map((i) => ({ path: jsonPath(i.path), message: i.message })) };
}
