import type { RequestStatus } from '../domain/model';
import { allowedTransitions, canTransition, reasonRequired } from '../domain/workflow';
import { formatMoney } from '../domain/units';
import { lineKey, type ExchangeLine, type ExchangeRequest } from './request-model';

/** A request field as the file names it. */
export const REQUEST_FILE_FIELDS = [
  'title',
  'stage',
  'service',
  'requester',
  'priority',
  'start_week',
  'end_week',
  'budget',
  'notes',
] as const;
export type RequestFileField = (typeof REQUEST_FILE_FIELDS)[number] | 'status';

/** One change an import would make, before it is worded (shared/format/request-diff.ts). */
export type ExchangeChange =
  | { kind: 'new-request'; requestId: string; request: ExchangeRequest }
  | { kind: 'field'; requestId: string; field: RequestFileField; before: string | null; after: string | null }
  | { kind: 'line-added' | 'line-removed'; requestId: string; line: ExchangeLine }
  | { kind: 'line-changed'; requestId: string; before: ExchangeLine; after: ExchangeLine }
  | {
      kind: 'status-kept';
      requestId: string;
      here: RequestStatus;
      inFile: RequestStatus;
      why: 'not-allowed' | 'needs-reason' | 'new-request';
      allowed: readonly RequestStatus[];
    };

/** What an import changes of a request: new, or these field and line changes (none = nothing to do). */
export interface RequestDiff {
  changes: ExchangeChange[];
  /** The file's lines, each with the plan's line it replaces (null: a new line). */
  matched: { line: ExchangeLine; current: ExchangeLine | null }[];
  /** The status to move to after writing, when the file asks for one the workflow allows. */
  status: RequestStatus | null;
  /** A new request's status: the file's, but submitted for one that needs a reason (rejected). */
  createStatus: RequestStatus;
  fieldsChanged: boolean;
  linesChanged: boolean;
}

function fieldValue(r: ExchangeRequest, field: (typeof REQUEST_FILE_FIELDS)[number], minorDigits: number): string | null {
  switch (field) {
    case 'start_week':
      return r.startWeek;
    case 'end_week':
      return r.endWeek;
    case 'budget':
      return r.budgetMinor === null ? null : formatMoney(r.budgetMinor, minorDigits);
    default:
      return r[field];
  }
}

const sameLine = (a: ExchangeLine, b: ExchangeLine): boolean =>
  a.minLevel === b.minLevel && a.minutesPerWeek === b.minutesPerWeek && a.endWeek === b.endWeek;

/**
 * The differences between a request as the plan holds it (`current`, null when the plan
 * has no request with that id) and as a file brings it: field by field, then demand line
 * by demand line, lines matched by skill and first week. A status the file carries is a
 * change only where the workflow allows the step (and the step needs no reason, which a
 * file does not carry); otherwise the plan's status is kept and the difference says why.
 */
export function diffRequest(current: ExchangeRequest | null, incoming: ExchangeRequest, minorDigits: number): RequestDiff {
  const id = incoming.id;
  if (current === null) {
    // A file carries no reason, and a rejection must keep one: such a request comes in as
    // submitted, for this plan's manager to decide again.
    const createStatus: RequestStatus = reasonRequired(incoming.status) ? 'submitted' : incoming.status;
    const kept: ExchangeChange[] =
      createStatus === incoming.status
        ? []
        : [{ kind: 'status-kept', requestId: id, here: createStatus, inFile: incoming.status, why: 'new-request', allowed: [] }];
    return {
      createStatus,
      changes: [
        { kind: 'new-request', requestId: id, request: { ...incoming, status: createStatus } },
        ...kept,
        ...incoming.lines.map((line): ExchangeChange => ({ kind: 'line-added', requestId: id, line })),
      ],
      matched: incoming.lines.map((line) => ({ line, current: null })),
      status: null,
      fieldsChanged: true,
      linesChanged: incoming.lines.length > 0,
    };
  }
  const changes: ExchangeChange[] = [];
  for (const field of REQUEST_FILE_FIELDS) {
    const before = fieldValue(current, field, minorDigits);
    const after = fieldValue(incoming, field, minorDigits);
    if (before !== after) changes.push({ kind: 'field', requestId: id, field, before, after });
  }
  const fieldsChanged = changes.length > 0;

  let status: RequestStatus | null = null;
  if (incoming.status !== current.status) {
    const allowed = allowedTransitions(current.status);
    if (!canTransition(current.status, incoming.status)) {
      changes.push({ kind: 'status-kept', requestId: id, here: current.status, inFile: incoming.status, why: 'not-allowed', allowed });
    } else if (reasonRequired(incoming.status)) {
      changes.push({ kind: 'status-kept', requestId: id, here: current.status, inFile: incoming.status, why: 'needs-reason', allowed });
    } else {
      status = incoming.status;
      changes.push({ kind: 'field', requestId: id, field: 'status', before: current.status, after: incoming.status });
    }
  }

  const byKey = new Map(current.lines.map((l) => [lineKey(l), l]));
  const matched = incoming.lines.map((line) => ({ line, current: byKey.get(lineKey(line)) ?? null }));
  const kept = new Set<ExchangeLine>();
  const lineChanges: ExchangeChange[] = [];
  for (const { line, current: was } of matched) {
    if (was === null) lineChanges.push({ kind: 'line-added', requestId: id, line });
    else {
      kept.add(was);
      if (!sameLine(was, line)) lineChanges.push({ kind: 'line-changed', requestId: id, before: was, after: line });
    }
  }
  for (const l of current.lines) if (!kept.has(l)) lineChanges.push({ kind: 'line-removed', requestId: id, line: l });
  changes.push(...lineChanges);
  return { changes, matched, status, createStatus: current.status, fieldsChanged, linesChanged: lineChanges.length > 0 };
}

/** The changes an apply makes: every difference but a status the plan keeps. */
export const appliedCount = (changes: readonly ExchangeChange[]): number => changes.filter((c) => c.kind !== 'status-kept').length;
