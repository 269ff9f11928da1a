import { ENDED_WITHOUT_WORK, OPEN_DEMAND_STATUSES, type EngineRequest } from './model';
import { indexPlan, loadKey, type PlanIndex } from './plan-index';
import { percent } from './rounding';
import { formatClock, formatMoneyGrouped } from './units';
import { weekRange, type IsoWeek } from './weeks';
import type { PlanSnapshot } from './model';

export const FLAG_KINDS = [
  'over_allocation',
  'cost_overrun',
  'cost_at_risk',
  'skill_mismatch',
  'outside_window',
  'unfilled_demand',
  'leave_conflict',
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
  const flags: Flag[] = [];
  const digits = snapshot.minorDigits;

  // Over-allocation, one flag per specialist-week with load above capacity.
  for (const [key, allocated] of ix.load) {
    const bar = key.indexOf('|');
    const week = key.slice(bar + 1);
    if (!inWindow(week, window)) continue;
    const ref = Number(key.slice(0, bar));
    const cap = ix.capacity(ref, week).minutes;
    if (allocated > cap) {
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
    }
  }

  // Cost, for requests whose window touches the asked weeks.
  for (const r of snapshot.requests) {
    if (r.budgetMinor === null || ENDED_WITHOUT_WORK.includes(r.status)) continue;
    if (!overlapsWindow(r.startWeek, r.endWeek, window)) continue;
    const cost = ix.requestCost.get(r.ref) ?? 0;
    const state = budgetState(cost, r.budgetMinor);
    if (state === 'overrun' || state === 'at_risk') {
      const pct = percent(cost, r.budgetMinor);
      const over = state === 'overrun' ? `, ${formatMoneyGrouped(cost - r.budgetMinor, digits)} over` : '';
      flags.push({
        kind: state === 'overrun' ? 'cost_overrun' : 'cost_at_risk',
        week: null,
        specialistId: null,
        requestId: r.id,
        specialistRef: null,
        requestRef: r.ref,
        detail: `${r.title}: cost ${formatMoneyGrouped(cost, digits)} of budget ${formatMoneyGrouped(r.budgetMinor, digits)}, ${pct}%${over}`,
      });
    }
  }

  // Per-allocation flags.
  for (const a of snapshot.allocations) {
    if (!inWindow(a.week, window)) continue;
    const s = ix.specialistByRef.get(a.specialistRef)!;
    const r = ix.requestByRef.get(a.requestRef)!;
    const base = {
      week: a.week,
      specialistId: s.id,
      requestId: r.id,
      specialistRef: s.ref,
      requestRef: r.ref,
    };
    if (a.demandLineRef !== null) {
      const line = ix.demandLineByRef.get(a.demandLineRef);
      if (line) {
        const held = s.skills.get(line.skillRef);
        if (held === undefined || held < line.minLevel) {
          const holds = held === undefined ? `lacks ${line.skillName}` : `holds ${line.skillName} L${held}`;
          flags.push({
            kind: 'skill_mismatch',
            ...base,
            detail: `${s.name} on ${r.id}: line needs ${line.skillName} L${line.minLevel}+, ${holds}`,
          });
        }
      }
    }
    if (a.week < r.startWeek || a.week > r.endWeek) {
      flags.push({
        kind: 'outside_window',
        ...base,
        detail: `${s.name} on ${r.id}: ${formatClock(a.minutes)} h in ${a.week}, outside ${r.startWeek}..${r.endWeek}`,
      });
    }
    const cap = ix.capacity(s.ref, a.week);
    if (cap.minutes === 0 && a.minutes > 0) {
      flags.push({
        kind: 'leave_conflict',
        ...base,
        detail: `${s.name} on ${r.id}: ${formatClock(a.minutes)} h in ${a.week}, ${noCapacityReason(cap)}`,
      });
    }
  }

  // Unfilled demand, per line and week of its range.
  for (const line of snapshot.demandLines) {
    const r = ix.requestByRef.get(line.requestRef);
    if (!r || !OPEN_DEMAND_STATUSES.includes(r.status)) continue;
    if (!overlapsWindow(line.startWeek, line.endWeek, window)) continue;
    const from = window.from !== undefined && window.from > line.startWeek ? window.from : line.startWeek;
    const to = window.to !== undefined && window.to < line.endWeek ? window.to : line.endWeek;
    for (const week of weekRange(from, to)) {
      const got = ix.served.get(loadKey(line.ref, week)) ?? 0;
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

  return sortFlags(flags);
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
      cmp(a.week ?? '', b.week ?? '') ||
      cmp(a.specialistId ?? '', b.specialistId ?? '') ||
      cmp(a.requestId ?? '', b.requestId ?? ''),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function countFlagsByKind(flags: readonly Flag[]): Record<FlagKind, number> {
  const counts = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;
  for (const f of flags) counts[f.kind]++;
  return counts;
}

export type { EngineRequest };
