import { budgetState, type BudgetState } from './flags';
import type { AllocationStatus, RequestStatus, Stage } from './model';
import { indexPlan, type PlanIndex } from './plan-index';
import { percent } from './rounding';
import { allocationCost } from './units';
import { cmpText } from './order';
import type { PlanSnapshot } from './model';
import { weekRange, type IsoWeek } from './weeks';

/** Report rows keep integers (minutes, minor units); writers format them. */
export interface UtilizationRow {
  specialistId: string;
  specialist: string;
  department: string;
  week: IsoWeek;
  capacityMinutes: number;
  allocatedMinutes: number;
  /** null when capacity is 0 */
  utilizationPct: number | null;
  overAllocated: boolean;
}

export interface CostRow {
  requestId: string;
  title: string;
  stage: Stage;
  status: RequestStatus;
  budgetMinor: number | null;
  costMinor: number;
  /** budget - cost; null without budget */
  varianceMinor: number | null;
  overrun: boolean;
  atRisk: boolean;
  /** Cost of the request's allocations after the current week (0 when none). */
  plannedAfterMinor: number;
}

export interface AllocationRow {
  week: IsoWeek;
  specialistId: string;
  specialist: string;
  department: string;
  requestId: string;
  request: string;
  stage: Stage;
  minutes: number;
  status: AllocationStatus;
  costMinor: number;
}

export interface ReportFilter {
  from: IsoWeek;
  to: IsoWeek;
  /** Department names; empty or absent = all. */
  departments?: readonly string[] | undefined;
}

/** Department names match as the plan file matches them: ignoring case. */
const inDepartments = (dept: string, f: ReportFilter): boolean =>
  !f.departments || f.departments.length === 0 || f.departments.some((d) => d.toLowerCase() === dept.toLowerCase());

/** Every active specialist for every week of the range, also weeks without allocations. */
export function utilizationRows(snapshot: PlanSnapshot, f: ReportFilter, ix: PlanIndex = indexPlan(snapshot)): UtilizationRow[] {
  const weeks = weekRange(f.from, f.to);
  const specialists = snapshot.specialists.filter((s) => s.active && inDepartments(s.department, f)).sort((a, b) => cmpText(a.id, b.id));
  const rows: UtilizationRow[] = [];
  for (const s of specialists) {
    for (const week of weeks) {
      const cap = ix.capacity(s.ref, week).minutes;
      const allocated = ix.loadOf(s.ref, week);
      rows.push({
        specialistId: s.id,
        specialist: s.name,
        department: s.department,
        week,
        capacityMinutes: cap,
        allocatedMinutes: allocated,
        utilizationPct: percent(allocated, cap),
        overAllocated: allocated > cap,
      });
    }
  }
  return rows;
}

/**
 * Cost of each request against its budget, whole-request cost as the flags use it. With
 * departments given, the requests their specialists work on are listed; the range lists
 * requests whose weeks touch it.
 */
export function costRows(snapshot: PlanSnapshot, f: ReportFilter, ix: PlanIndex = indexPlan(snapshot)): CostRow[] {
  let worked: Set<number> | null = null;
  if (f.departments && f.departments.length > 0) {
    worked = new Set();
    for (const a of ix.snapshot.allocations) {
      if (inDepartments(ix.specialistByRef.get(a.specialistRef)!.department, f)) worked.add(a.requestRef);
    }
  }
  return ix.snapshot.requests
    .filter((r) => r.endWeek >= f.from && r.startWeek <= f.to)
    .filter((r) => !worked || worked.has(r.ref))
    .sort((a, b) => cmpText(a.id, b.id))
    .map((r) => {
      const cost = ix.requestCost.get(r.ref) ?? 0;
      const state: BudgetState = budgetState(cost, r.budgetMinor);
      return {
        requestId: r.id,
        title: r.title,
        stage: r.stage,
        status: r.status,
        budgetMinor: r.budgetMinor,
        costMinor: cost,
        varianceMinor: r.budgetMinor === null ? null : r.budgetMinor - cost,
        overrun: state === 'overrun',
        atRisk: state === 'at_risk',
        plannedAfterMinor: 0,
      };
    });
}

export function allocationRows(snapshot: PlanSnapshot, f: ReportFilter, ix: PlanIndex = indexPlan(snapshot)): AllocationRow[] {
  const rows: AllocationRow[] = [];
  for (const a of snapshot.allocations) {
    if (a.week < f.from || a.week > f.to) continue;
    const s = ix.specialistByRef.get(a.specialistRef)!;
    if (!inDepartments(s.department, f)) continue;
    const r = ix.requestByRef.get(a.requestRef)!;
    rows.push({
      week: a.week,
      specialistId: s.id,
      specialist: s.name,
      department: s.department,
      requestId: r.id,
      request: r.title,
      stage: r.stage,
      minutes: a.minutes,
      status: a.status,
      costMinor: allocationCost(a.minutes, s.hourlyRateMinor),
    });
  }
  return sortByRank(rows, [(r) => r.week, (r) => r.specialistId, (r) => r.requestId]);
}

/**
 * Sorts rows by text keys in cmpText order, as `cmpText(a.k1, b.k1) || ...` would, but
 * compares one number per pair: each key's distinct values are ranked once (a plan has a
 * few thousand ids and weeks against a quarter of a million rows), and the ranks are
 * combined into one exact integer while it stays below 2^53.
 */
function sortByRank<T>(rows: T[], keys: readonly ((row: T) => string)[]): T[] {
  const ranks = keys.map((key) => {
    const distinct = [...new Set(rows.map(key))].sort(cmpText);
    return { key, rank: new Map(distinct.map((v, i) => [v, i])), size: distinct.length };
  });
  if (ranks.reduce((n, r) => n * Math.max(1, r.size), 1) >= Number.MAX_SAFE_INTEGER) {
    return rows.sort((a, b) => {
      for (const { key } of ranks) {
        const c = cmpText(key(a), key(b));
        if (c !== 0) return c;
      }
      return 0;
    });
  }
  const order = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    let k = 0;
    for (const { key, rank, size } of ranks) k = k * size + rank.get(key(row))!;
    order[i] = k;
  });
  const index = Array.from(rows.keys()).sort((i, j) => order[i]! - order[j]!);
  return index.map((i) => rows[i]!);
}

/** The weeks a plan spans: its requests and allocations; null for an empty plan. */
export function planWeekSpan(snapshot: PlanSnapshot): { from: IsoWeek; to: IsoWeek } | null {
  let from: IsoWeek | null = null;
  let to: IsoWeek | null = null;
  const see = (a: IsoWeek, b: IsoWeek): void => {
    if (from === null || a < from) from = a;
    if (to === null || b > to) to = b;
  };
  for (const r of snapshot.requests) see(r.startWeek, r.endWeek);
  for (const a of snapshot.allocations) see(a.week, a.week);
  return from === null || to === null ? null : { from, to };
}

// ---- Issue 9: the department head's reports. Contract fixed by the lead; bodies by the figures helper.

/** domain.md "Skill demand versus capacity": one row per skill, level and week with demand. */
export interface SkillRow {
  skill: string;
  level: number;
  week: IsoWeek;
  demandMinutes: number;
  servedMinutes: number;
  unfilledMinutes: number;
  supplyMinutes: number;
  freeMinutes: number;
  gapMinutes: number;
}

/** The same figures summed over the range for one skill and level (gap = sum of weekly gaps). */
export type SkillTotal = Omit<SkillRow, 'week'> & { weeks: number };

/** Cost by lifecycle stage; budget and variance over the requests that have a budget. */
export interface StageRow {
  stage: Stage;
  requests: number;
  withBudget: number;
  budgetMinor: number;
  costMinor: number;
  /** Σ budget − Σ cost over the requests with a budget. */
  varianceMinor: number;
  overrunRequests: number;
  atRiskRequests: number;
  /** Cost of this stage's allocations after the current week. */
  plannedAfterMinor: number;
}

/** One heat-map cell: a specialist-week, or a department-week summed over its specialists. */
export interface HeatCell {
  capacityMinutes: number;
  allocatedMinutes: number;
  /** null when capacity is 0 */
  utilizationPct: number | null;
  /** Over-allocated specialist-weeks in this cell (0/1 for a specialist). */
  overAllocated: number;
}

export interface HeatRow {
  /** `d:<department>` or `s:<specialist id>`: stable keys for the screen. */
  key: string;
  label: string;
  department: string;
  specialistId: string | null;
  /** One per week of the range, in order. */
  cells: HeatCell[];
  /** The row over the whole range (its average utilization and over-allocated count). */
  total: HeatCell;
}

export interface HeatDepartment {
  row: HeatRow;
  specialists: HeatRow[];
}

export interface UtilizationHeatmap {
  weeks: IsoWeek[];
  departments: HeatDepartment[];
  /** Per week over every listed specialist (column averages). */
  columns: HeatCell[];
  total: HeatCell;
}

export function skillRows(_snapshot: PlanSnapshot, _f: ReportFilter, _ix?: PlanIndex): SkillRow[] {
  throw new Error('not implemented');
}

export function skillTotals(_rows: readonly SkillRow[]): SkillTotal[] {
  throw new Error('not implemented');
}

export function stageRows(_snapshot: PlanSnapshot, _f: ReportFilter, _currentWeek: IsoWeek, _ix?: PlanIndex): StageRow[] {
  throw new Error('not implemented');
}

export function utilizationHeatmap(_rows: readonly UtilizationRow[], _weeks: readonly IsoWeek[]): UtilizationHeatmap {
  throw new Error('not implemented');
}
