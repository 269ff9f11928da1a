import { OPEN_DEMAND_STATUSES, type EngineAllocation, type EngineDemandLine, type EngineRequest, type EngineSpecialist } from './model';
import { indexPlan, loadKey, type PlanIndex } from './plan-index';
import { cmpText } from './order';
import { percent } from './rounding';
import { formatClock, formatMoneyGrouped } from './units';
import { addIsoWeeks, weekLabel, weekRange, type IsoWeek } from './weeks';
import { inactiveFromWeek } from './workflow';
import type { PlanSnapshot } from './model';

export const FLAG_KINDS = [
  'over_allocation',
  'cost_overrun',
  'cost_at_risk',
  'skill_mismatch',
  'outside_window',
  'unfilled_demand',
  'leave_conflict',
  'inactive_request',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface Flag {
  kind: FlagKind;
  week: IsoWeek | null;
  specialistId: string | null;
  requestId: string | null;
  /** Subject refs for screens that link to it. */
  specialistRef: number | null;
  requestRef: number | null;
  /** Names the subject and the numbers that raised it, e.g. "44:00 of 40:00 h, 110%". */
  detail: string;
}

export interface WeekWindow {
  from?: IsoWeek | undefined;
  to?: IsoWeek | undefined;
  /**
   * Today's week, for the rule that starts from it (inactive request). The backend always
   * gives it; the pure engine tests that leave it out raise no inactive-request flags.
   */
  currentWeek?: IsoWeek | undefined;
}

const inWindow = (week: IsoWeek, w: WeekWindow): boolean =>
  (w.from === undefined || week >= w.from) && (w.to === undefined || week <= w.to);

const overlapsWindow = (start: IsoWeek, end: IsoWeek, w: WeekWindow): boolean =>
  (w.from === undefined || end >= w.from) && (w.to === undefined || start <= w.to);

export type BudgetState = 'none' | 'ok' | 'at_risk' | 'overrun';

/** Overrun: cost > budget. At risk: not overrun and cost >= 90% of budget (exact, no floats). */
export function budgetState(costMinor: number, budgetMinor: number | null): BudgetState {
  if (budgetMinor === null) return 'none';
  if (costMinor > budgetMinor) return 'overrun';
  if (costMinor * 10 >= budgetMinor * 9) return 'at_risk';
  return 'ok';
}

/** Utilization as shown to people: "110%", or "no capacity" when capacity is 0. */
export function utilizationText(allocated: number, capacity: number): string {
  const p = percent(allocated, capacity);
  return p === null ? 'no capacity' : `${p}%`;
}

export function overAllocationDetail(allocated: number, capacity: number): string {
  return `${formatClock(allocated)} of ${formatClock(capacity)} h, ${utilizationText(allocated, capacity)}`;
}

/** All seven kinds of flag of domain.md, in a stable order (kind, week, specialist, request). */
export function computeFlags(snapshot: PlanSnapshot, window: WeekWindow = {}, prebuilt?: PlanIndex): Flag[] {
  const ix = prebuilt ?? indexPlan(snapshot);
  const plan = ix.snapshot;
  const flags: Flag[] = [];
  // Weeks without capacity, found while checking load, so the quarter of a million
  // allocations below need no capacity lookup of their own.
  const noCapacity = new Map<number, Set<IsoWeek>>();
  ix.forEachLoad((ref, week, allocated) => {
    if (!inWindow(week, window)) return;
    const cap = pushOverAllocation(ix, ref, week, allocated, flags);
    if (cap === 0) {
      const weeks = noCapacity.get(ref);
      if (weeks) weeks.add(week);
      else noCapacity.set(ref, new Set([week]));
    }
  });
  const hasNoCapacity = (ref: number, week: IsoWeek): boolean => noCapacity.get(ref)?.has(week) ?? false;
  for (const r of plan.requests) pushCostFlag(ix, r, window, flags);
  for (const a of plan.allocations) {
    if (inWindow(a.week, window)) pushAllocationFlags(ix, a, flags, hasNoCapacity, window.currentWeek);
  }
  for (const line of plan.demandLines) pushUnfilledDemand(ix, line, window, flags);
  return sortFlags(flags);
}

/**
 * What an allocation change can raise or clear: load, capacity conflicts, skill and window
 * flags of the specialist-weeks it touched, and cost and demand flags of its requests.
 */
export interface FlagScope {
  /** `${specialistRef}|${week}` */
  specialistWeeks: ReadonlySet<string>;
  requestRefs: ReadonlySet<number>;
}

const PER_SPECIALIST_WEEK: ReadonlySet<FlagKind> = new Set([
  'over_allocation',
  'skill_mismatch',
  'outside_window',
  'leave_conflict',
  'inactive_request',
]);

/** Whether a flag belongs to a scope: the screen drops these and puts the fresh ones in. */
export function flagInScope(f: Flag, scope: FlagScope): boolean {
  if (PER_SPECIALIST_WEEK.has(f.kind)) {
    return f.specialistRef !== null && f.week !== null && scope.specialistWeeks.has(loadKey(f.specialistRef, f.week));
  }
  return f.requestRef !== null && scope.requestRefs.has(f.requestRef);
}

/** The flags of one scope only: the incremental path after a drop, same rules as computeFlags. */
export function computeFlagsInScope(ix: PlanIndex, scope: FlagScope, window: WeekWindow = {}): Flag[] {
  const flags: Flag[] = [];
  for (const key of scope.specialistWeeks) {
    const bar = key.indexOf('|');
    const ref = Number(key.slice(0, bar));
    const week = key.slice(bar + 1);
    if (!inWindow(week, window) || !ix.specialistByRef.has(ref)) continue;
    pushOverAllocation(ix, ref, week, ix.loadOf(ref, week), flags);
    for (const a of ix.allocationsAt(ref, week)) {
      pushAllocationFlags(ix, a, flags, (r, w) => ix.capacity(r, w).minutes === 0, window.currentWeek);
    }
  }
  for (const ref of scope.requestRefs) {
    const r = ix.requestByRef.get(ref);
    if (!r) continue;
    pushCostFlag(ix, r, window, flags);
    for (const line of ix.demandLinesByRequest.get(ref) ?? []) pushUnfilledDemand(ix, line, window, flags);
  }
  return sortFlags(flags);
}

/** Flags load above capacity; returns the capacity it checked against. */
function pushOverAllocation(ix: PlanIndex, ref: number, week: IsoWeek, allocated: number, flags: Flag[]): number {
  const cap = ix.capacity(ref, week).minutes;
  if (allocated <= cap) return cap;
  const s = ix.specialistByRef.get(ref)!;
  flags.push({
    kind: 'over_allocation',
    week,
    specialistId: s.id,
    requestId: null,
    specialistRef: ref,
    requestRef: null,
    detail: `${s.name}: ${overAllocationDetail(allocated, cap)}`,
  });
  return cap;
}

/** Cost, for requests whose window touches the asked weeks. */
function pushCostFlag(ix: PlanIndex, r: EngineRequest, window: WeekWindow, flags: Flag[]): void {
  if (r.budgetMinor === null) return;
  if (!overlapsWindow(r.startWeek, r.endWeek, window)) return;
  const digits = ix.snapshot.minorDigits;
  const cost = ix.requestCost.get(r.ref) ?? 0;
  const state = budgetState(cost, r.budgetMinor);
  if (state !== 'overrun' && state !== 'at_risk') return;
  const pct = percent(cost, r.budgetMinor);
  const share = pct === null ? '' : `, ${pct}%`;
  const over = state === 'overrun' ? `, ${formatMoneyGrouped(cost - r.budgetMinor, digits)} over` : '';
  flags.push({
    kind: state === 'overrun' ? 'cost_overrun' : 'cost_at_risk',
    week: null,
    specialistId: null,
    requestId: r.id,
    specialistRef: null,
    requestRef: r.ref,
    detail: `${r.title}: cost ${formatMoneyGrouped(cost, digits)} of budget ${formatMoneyGrouped(r.budgetMinor, digits)}${share}${over}`,
  });
}

function allocationFlag(kind: FlagKind, a: EngineAllocation, s: EngineSpecialist, r: EngineRequest, detail: string): Flag {
  return { kind, week: a.week, specialistId: s.id, requestId: r.id, specialistRef: s.ref, requestRef: r.ref, detail };
}

function pushAllocationFlags(
  ix: PlanIndex,
  a: EngineAllocation,
  flags: Flag[],
  hasNoCapacity: (specialistRef: number, week: IsoWeek) => boolean,
  currentWeek: IsoWeek | undefined,
): void {
  const s = ix.specialistByRef.get(a.specialistRef)!;
  const r = ix.requestByRef.get(a.requestRef)!;
  if (a.demandLineRef !== null) {
    const line = ix.demandLineByRef.get(a.demandLineRef);
    if (line) {
      const held = s.skills.get(line.skillRef);
      if (held === undefined || held < line.minLevel) {
        const holds = held === undefined ? `lacks ${line.skillName}` : `holds ${line.skillName} L${held}`;
        flags.push(
          allocationFlag('skill_mismatch', a, s, r, `${s.name} on ${r.id}: line needs ${line.skillName} L${line.minLevel}+, ${holds}`),
        );
      }
    }
  }
  if (a.week < r.startWeek || a.week > r.endWeek) {
    flags.push(
      allocationFlag(
        'outside_window',
        a,
        s,
        r,
        `${s.name} on ${r.id}: ${formatClock(a.minutes)} h in ${a.week}, outside ${r.startWeek}..${r.endWeek}`,
      ),
    );
  }
  if (a.minutes > 0 && hasNoCapacity(s.ref, a.week)) {
    const cap = ix.capacity(s.ref, a.week);
    flags.push(
      allocationFlag('leave_conflict', a, s, r, `${s.name} on ${r.id}: ${formatClock(a.minutes)} h in ${a.week}, ${noCapacityReason(cap)}`),
    );
  }
  if (currentWeek !== undefined) pushInactive(a, s, r, currentWeek, flags);
}

/** Unfilled demand, per line and week of its range inside the window. */
function pushUnfilledDemand(ix: PlanIndex, line: EngineDemandLine, window: WeekWindow, flags: Flag[]): void {
  const r = ix.requestByRef.get(line.requestRef);
  if (!r || !OPEN_DEMAND_STATUSES.includes(r.status)) return;
  if (!overlapsWindow(line.startWeek, line.endWeek, window)) return;
  const from = window.from !== undefined && window.from > line.startWeek ? window.from : line.startWeek;
  const to = window.to !== undefined && window.to < line.endWeek ? window.to : line.endWeek;
  for (const week of weekRange(from, to)) {
    const got = ix.servedOf(line.ref, week);
    if (got < line.minutesPerWeek) {
      flags.push({
        kind: 'unfilled_demand',
        week,
        specialistId: null,
        requestId: r.id,
        specialistRef: null,
        requestRef: r.ref,
        detail: `${r.id} ${line.skillName} L${line.minLevel}+: ${formatClock(got)} of ${formatClock(line.minutesPerWeek)} h`,
      });
    }
  }
}

// Worked out once per request and week, not once per allocation: a quarter of a million
// allocations pass through here, and week arithmetic (date-fns) is the costly part.
const inactiveCache = new WeakMap<EngineRequest, { currentWeek: IsoWeek; from: IsoWeek | null }>();
function inactiveFrom(r: EngineRequest, currentWeek: IsoWeek): IsoWeek | null {
  const hit = inactiveCache.get(r);
  if (hit && hit.currentWeek === currentWeek) return hit.from;
  const from = inactiveFromWeek(r, currentWeek, (w) => addIsoWeeks(w, 1));
  inactiveCache.set(r, { currentWeek, from });
  return from;
}

/** An allocation on a request that has ended, from the week the workflow says it stopped counting. */
function pushInactive(a: EngineAllocation, s: EngineSpecialist, r: EngineRequest, currentWeek: IsoWeek, flags: Flag[]): void {
  const from = inactiveFrom(r, currentWeek);
  if (from === null || a.week < from) return;
  const closed = r.status === 'closed' && r.closedWeek ? ` (closed in ${weekLabel(r.closedWeek)})` : '';
  flags.push(
    allocationFlag(
      'inactive_request',
      a,
      s,
      r,
      `${weekLabel(a.week)}: ${s.name} ${formatClock(a.minutes)} h on ${r.status} request ${r.id}${closed}`,
    ),
  );
}

function noCapacityReason(cap: { holidayDays: number; timeOffDays: number }): string {
  const parts: string[] = [];
  if (cap.holidayDays > 0) parts.push(`${cap.holidayDays} holiday day${cap.holidayDays === 1 ? '' : 's'}`);
  if (cap.timeOffDays > 0) parts.push(`${cap.timeOffDays} day${cap.timeOffDays === 1 ? '' : 's'} off`);
  return parts.length > 0 ? `no capacity (${parts.join(', ')})` : 'no capacity';
}

const KIND_ORDER = new Map(FLAG_KINDS.map((k, i) => [k, i]));

export function sortFlags(flags: Flag[]): Flag[] {
  return flags.sort(
    (a, b) =>
      KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
      cmpText(a.week ?? '', b.week ?? '') ||
      cmpText(a.specialistId ?? '', b.specialistId ?? '') ||
      cmpText(a.requestId ?? '', b.requestId ?? ''),
  );
}

export function countFlagsByKind(flags: readonly Flag[]): Record<FlagKind, number> {
  const counts = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;
  for (const f of flags) counts[f.kind]++;
  return counts;
}

export type { EngineRequest };
