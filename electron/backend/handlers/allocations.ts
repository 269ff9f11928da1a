import type { ApiParsedInput, ChangeResult } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import {
  computeFlagsInScope,
  formatHours,
  loadKey,
  mergeAllocationMinutes,
  qualifiedLine,
  weekLabel,
  type EngineRequest,
  type EngineSpecialist,
  type PlanIndex,
} from '../../../shared/domain';
import { allocationOverWeekText, weeksSpanText } from '../../../shared/format';
import { AllocationWriter, type AllocationChange, type AllocationImage } from '../db/allocation-rows';
import { historyState, recordHistory, stepHistory } from '../db/history';
import type { Db } from '../db/open';
import type { PlanSession } from '../plan-session';
import { auditEntries, recordAudit } from '../requests/audit';
import { thisWeek } from '../clock';
import { requestCards } from './board';
import { requireSession, type BackendContext } from './context';
import { specialistRows, timelineRows } from './specialists';

type View = { from: string; to: string };

/**
 * Runs one user action in one transaction, records it for undo in the same transaction,
 * patches the engine, and answers with what changed on screen.
 */
function act(ctx: BackendContext, view: View, fn: (w: AllocationWriter, ix: PlanIndex) => string): ChangeResult {
  const s = requireSession(ctx);
  const ix = s.index();
  const { label, changes } = s.writeAllocations((db: Db) => {
    const w = new AllocationWriter(db);
    const label = fn(w, ix);
    recordHistory(db, label, w.changes);
    return { label, changes: w.changes };
  });
  return changeResult(s, label, changes, view, thisWeek(ctx.clock));
}

export function changeResult(
  s: PlanSession,
  label: string,
  changes: readonly AllocationChange[],
  view: View,
  currentWeek: string,
): ChangeResult {
  const specialistWeeks = new Set<string>();
  const specialists = new Set<number>();
  const requests = new Set<number>();
  for (const c of changes) {
    for (const img of [c.before, c.after]) {
      if (!img) continue;
      specialistWeeks.add(loadKey(img.specialist_id, img.week));
      specialists.add(img.specialist_id);
      requests.add(img.request_id);
    }
  }
  const scope = { specialistWeeks, requestRefs: requests };
  return {
    label,
    history: historyState(s.db),
    specialists: specialistRows(s, specialists, view.from, view.to),
    cards: requestCards(s, requests, view.from, view.to),
    timeline: timelineRows(s, specialists, view.from, view.to),
    flags: {
      scope: { specialistWeeks: [...specialistWeeks], requestRefs: [...requests] },
      flags: computeFlagsInScope(s.index(), scope, { ...view, currentWeek }),
    },
  };
}

function specialistOf(ix: PlanIndex, ref: number) {
  const sp = ix.specialistByRef.get(ref);
  if (!sp) throw new ApiError('not-found', `There is no specialist with ref ${ref}.`);
  if (!sp.active) throw new ApiError('invalid-input', `${sp.name} is archived and cannot be allocated.`);
  return sp;
}

function requestOf(ix: PlanIndex, ref: number) {
  const r = ix.requestByRef.get(ref);
  if (!r) throw new ApiError('not-found', `There is no request with ref ${ref}.`);
  return r;
}

function allocationOf(w: AllocationWriter, ref: number): AllocationImage {
  const a = w.get(ref);
  if (!a) throw new ApiError('not-found', `Allocation ${ref} no longer exists (it may have been deleted or undone).`);
  return a;
}

/** The line an allocation serves in a week: the named one where it covers the week, else the default. */
function lineFor(ix: PlanIndex, requestRef: number, specialistRef: number, week: string, named: number | null | undefined): number | null {
  const lines = ix.demandLinesByRequest.get(requestRef) ?? [];
  if (named !== undefined && named !== null) {
    const line = lines.find((l) => l.ref === named);
    if (!line) throw new ApiError('invalid-input', `Demand line ${named} is not a line of request ${ix.requestByRef.get(requestRef)?.id}.`);
    return week >= line.startWeek && week <= line.endWeek ? line.ref : null;
  }
  if (named === null) return null;
  return qualifiedLine(lines, ix.specialistByRef.get(specialistRef)?.skills, week)?.ref ?? null;
}

/** The hours of an allocation that `added` joins, refused when they would not fit in a week. */
function joinedMinutes(sp: EngineSpecialist | undefined, r: EngineRequest, existing: AllocationImage, added: number): number {
  const merged = mergeAllocationMinutes(existing.minutes, added);
  if (merged.ok) return merged.minutes;
  const specialist = sp?.name ?? `Specialist ${existing.specialist_id}`;
  throw new ApiError(
    'invalid-input',
    allocationOverWeekText({ specialist, requestId: r.id, week: existing.week, existing: existing.minutes, added, max: merged.max }),
  );
}

export function allocationsAssign(ctx: BackendContext, input: ApiParsedInput<'allocations-assign'>): ChangeResult {
  return act(ctx, input.view, (w, ix) => {
    const sp = specialistOf(ix, input.specialistRef);
    const r = requestOf(ix, input.requestRef);
    const weeks = [...new Set(input.weeks)].sort();
    for (const week of weeks) {
      const line = lineFor(ix, r.ref, sp.ref, week, input.demandLineRef);
      const existing = w.find(sp.ref, r.ref, week);
      // At most one allocation per specialist, request and week: assigning again adds hours.
      if (existing) {
        w.update(existing, {
          minutes: joinedMinutes(sp, r, existing, input.minutesPerWeek),
          status: input.status,
          demand_line_id: line ?? existing.demand_line_id,
        });
      } else {
        w.insert({
          specialist_id: sp.ref,
          request_id: r.ref,
          week,
          minutes: input.minutesPerWeek,
          status: input.status,
          demand_line_id: line,
          note: null,
        });
      }
    }
    return `Assign ${sp.name} to ${r.id}, ${formatHours(input.minutesPerWeek)} h in ${weeksSpanText(weeks)}`;
  });
}

export function allocationsUpdate(ctx: BackendContext, input: ApiParsedInput<'allocations-update'>): ChangeResult {
  return act(ctx, input.view, (w, ix) => {
    const a = allocationOf(w, input.ref);
    const patch: Partial<AllocationImage> = {};
    if (input.minutes !== undefined) patch.minutes = input.minutes;
    if (input.status !== undefined) patch.status = input.status;
    if (input.note !== undefined) patch.note = input.note;
    w.update(a, patch);
    const who = ix.specialistByRef.get(a.specialist_id)?.name ?? '?';
    const what = input.minutes !== undefined ? `${formatHours(input.minutes)} h` : (input.status ?? 'note');
    return `Set ${who} on ${ix.requestByRef.get(a.request_id)?.id} in ${weekLabel(a.week)} to ${what}`;
  });
}

export function allocationsMove(ctx: BackendContext, input: ApiParsedInput<'allocations-move'>): ChangeResult {
  return act(ctx, input.view, (w, ix) => {
    const a = allocationOf(w, input.ref);
    const toWeek = input.toWeek ?? a.week;
    const toRequest = requestOf(ix, input.toRequestRef ?? a.request_id);
    if (toWeek === a.week && toRequest.ref === a.request_id) throw new ApiError('invalid-input', 'The allocation is already there.');
    const minutes = input.minutes ?? a.minutes;
    if (minutes > a.minutes) {
      throw new ApiError('invalid-input', `Only ${formatHours(a.minutes)} h can be moved: the allocation has no more.`);
    }
    const sameRequest = toRequest.ref === a.request_id;
    const named = input.toDemandLineRef !== undefined ? input.toDemandLineRef : sameRequest ? a.demand_line_id : undefined;
    const line = lineFor(ix, toRequest.ref, a.specialist_id, toWeek, named);
    if (minutes === a.minutes) w.delete(a);
    else w.update(a, { minutes: a.minutes - minutes });
    const there = w.find(a.specialist_id, toRequest.ref, toWeek);
    if (there) w.update(there, { minutes: joinedMinutes(ix.specialistByRef.get(a.specialist_id), toRequest, there, minutes) });
    else
      w.insert({
        specialist_id: a.specialist_id,
        request_id: toRequest.ref,
        week: toWeek,
        minutes,
        status: a.status,
        demand_line_id: line,
        note: a.note,
      });
    const who = ix.specialistByRef.get(a.specialist_id)?.name ?? '?';
    const from = ix.requestByRef.get(a.request_id)!;
    const where = sameRequest
      ? `${weekLabel(a.week)} to ${weekLabel(toWeek)}`
      : `${from.id} ${weekLabel(a.week)} to ${toRequest.id} ${weekLabel(toWeek)}`;
    return `Move ${formatHours(minutes)} h of ${who} from ${where}`;
  });
}

export function allocationsSetStatus(ctx: BackendContext, input: ApiParsedInput<'allocations-set-status'>): ChangeResult {
  return act(ctx, input.view, (w) => {
    for (const ref of new Set(input.refs)) {
      const a = allocationOf(w, ref);
      if (a.status !== input.status) w.update(a, { status: input.status });
    }
    return `Mark ${input.refs.length === 1 ? 'allocation' : `${input.refs.length} allocations`} ${input.status}`;
  });
}

export function allocationsDelete(ctx: BackendContext, input: ApiParsedInput<'allocations-delete'>): ChangeResult {
  return act(ctx, input.view, (w, ix) => {
    const refs = [...new Set(input.refs)];
    for (const ref of refs) w.delete(allocationOf(w, ref));
    if (refs.length === 1) {
      const a = w.changes[0]!.before!;
      return `Delete ${formatHours(a.minutes)} h of ${ix.specialistByRef.get(a.specialist_id)?.name} on ${ix.requestByRef.get(a.request_id)?.id} in ${weekLabel(a.week)}`;
    }
    return `Delete ${refs.length} allocations`;
  });
}

function step(ctx: BackendContext, view: View, direction: 'undo' | 'redo'): ChangeResult {
  const s = requireSession(ctx);
  const minorDigits = s.meta.minorDigits;
  const { label, changes, requestChanges } = s.writeAllocations((db) => {
    const done = stepHistory(db, direction);
    // Undoing a request edit is itself a change of the request: its history says so.
    const reason = direction === 'undo' ? 'Undo' : 'Redo';
    recordAudit(db, auditEntries(db, done.requestChanges, minorDigits, reason), ctx.clock.now());
    return done;
  });
  // Requests changed: what the session derived from them (windows, lines, details) is stale.
  if (requestChanges.length > 0) s.invalidate();
  const result = changeResult(s, `${direction === 'undo' ? 'Undo' : 'Redo'}: ${label}`, changes, view, thisWeek(ctx.clock));
  return requestChanges.length > 0 ? { ...result, reload: true } : result;
}

export const historyUndo = (ctx: BackendContext, input: ApiParsedInput<'history-undo'>): ChangeResult => step(ctx, input.view, 'undo');
export const historyRedo = (ctx: BackendContext, input: ApiParsedInput<'history-redo'>): ChangeResult => step(ctx, input.view, 'redo');
export const historyStateHandler = (ctx: BackendContext) => historyState(requireSession(ctx).db);
