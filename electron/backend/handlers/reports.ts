import type { AllocationSortKey, AllocationsPage, ApiParsedInput, ReportRange, ReportsViewData } from '../../../shared/api';
import {
  STAGES,
  allocationCost,
  allocationRows,
  cmpText,
  costRows,
  inDepartments,
  inStages,
  planWeekSpan,
  reportFacts,
  skillRows,
  skillTotals,
  sortByName,
  stageRows,
  stageTotals,
  utilizationHeatmap,
  utilizationRows,
  weekRange,
  type AllocationRow,
  type EngineAllocation,
  type IsoWeek,
  type PlanSnapshot,
  type ReportFilter,
} from '../../../shared/domain';
import { thisWeek } from '../clock';
import type { PlanSession } from '../plan-session';
import { requireSession, type BackendContext } from './context';

type FilterInput = ApiParsedInput<'reports-utilization'>;

/** Without --from/--to a report covers the weeks the plan spans (this week for an empty plan). */
export function reportFilter(s: PlanSession, input: FilterInput, today: IsoWeek): ReportFilter & ReportRange {
  const span = planWeekSpan(s.snapshot()) ?? { from: today, to: today };
  const from = input.from ?? (input.to !== undefined && input.to < span.from ? input.to : span.from);
  const to = input.to ?? (from > span.to ? from : span.to);
  return { from, to, departments: input.departments };
}

export function reportsUtilization(ctx: BackendContext, input: FilterInput) {
  const s = requireSession(ctx);
  const f = reportFilter(s, input, thisWeek(ctx.clock));
  return { from: f.from, to: f.to, rows: utilizationRows(s.snapshot(), f, s.index()) };
}

export function reportsCosts(ctx: BackendContext, input: FilterInput) {
  const s = requireSession(ctx);
  const f = reportFilter(s, input, thisWeek(ctx.clock));
  return {
    from: f.from,
    to: f.to,
    rows: costRows(s.snapshot(), f, thisWeek(ctx.clock), s.index()),
    minorDigits: s.meta.minorDigits,
    currency: s.meta.currency,
  };
}

export function reportsAllocations(ctx: BackendContext, input: FilterInput) {
  const s = requireSession(ctx);
  const f = reportFilter(s, input, thisWeek(ctx.clock));
  return {
    from: f.from,
    to: f.to,
    rows: allocationRows(s.snapshot(), f, s.index()),
    minorDigits: s.meta.minorDigits,
    currency: s.meta.currency,
  };
}

export function reportsSkills(ctx: BackendContext, input: FilterInput) {
  const s = requireSession(ctx);
  const f = reportFilter(s, input, thisWeek(ctx.clock));
  return { from: f.from, to: f.to, rows: skillRows(s.snapshot(), f, s.index()) };
}

export function reportsStages(ctx: BackendContext, input: FilterInput) {
  const s = requireSession(ctx);
  const week = thisWeek(ctx.clock);
  const f = reportFilter(s, input, week);
  return {
    from: f.from,
    to: f.to,
    rows: stageRows(s.snapshot(), f, week, s.index()),
    minorDigits: s.meta.minorDigits,
    currency: s.meta.currency,
  };
}

export function reportsView(ctx: BackendContext, input: ApiParsedInput<'reports-view'>): ReportsViewData {
  return reportsViewData(requireSession(ctx), input, thisWeek(ctx.clock));
}

export function reportsAllocationsPage(ctx: BackendContext, input: ApiParsedInput<'reports-allocations-page'>): AllocationsPage {
  return allocationsPage(requireSession(ctx), input);
}

type ViewFilter = ApiParsedInput<'reports-view'>;

/**
 * Everything the Reports view draws for one range. Departments restrict the heat map to
 * their people, skill supply and free time to their qualified people, and costs and stages
 * to the requests their people work on (at whole-request cost). Stages restrict costs,
 * stage rows, skill demand and the allocations; never the heat map.
 */
export function reportsViewData(s: PlanSession, f: ViewFilter, currentWeek: IsoWeek): ReportsViewData {
  const snapshot = s.snapshot();
  const ix = s.index();
  const costs = costRows(snapshot, f, currentWeek, ix);
  return {
    from: f.from,
    to: f.to,
    currentWeek,
    currency: s.meta.currency,
    minorDigits: s.meta.minorDigits,
    planName: s.meta.name,
    allDepartments: s.db.prepare('SELECT name FROM departments ORDER BY name COLLATE NOCASE').pluck().all() as string[],
    heatmap: utilizationHeatmap(utilizationRows(snapshot, f, ix), weekRange(f.from, f.to)),
    stages: stageTotals(costs, f),
    costs,
    plannedAfterMinor: costs.reduce((sum, c) => sum + c.plannedAfterMinor, 0),
    skills: skillTotals(skillRows(snapshot, f, ix)),
    allocationCount: filteredAllocations(s, f).positions.length,
  };
}

interface Filtered {
  positions: Int32Array;
  totalMinutes: number;
  totalCostMinor: number;
}

/**
 * Sorted allocation orders kept per session for the plan as it is: the snapshot object is
 * replaced on every change (allocation patches and full reloads alike), so a cache keyed
 * by it can never answer for an older plan. A few filter+sort orders are kept, so moving
 * between two sorts or two ranges does not sort again.
 */
const pageCache = new WeakMap<PlanSession, { snapshot: PlanSnapshot; entries: Map<string, Filtered>; filtered: Map<string, Filtered> }>();
const KEPT_ORDERS = 4;

function cacheOf(s: PlanSession) {
  const snapshot = s.snapshot();
  let c = pageCache.get(s);
  if (!c || c.snapshot !== snapshot) pageCache.set(s, (c = { snapshot, entries: new Map(), filtered: new Map() }));
  return c;
}

function keep<V>(m: Map<string, V>, key: string, value: V): V {
  if (m.size >= KEPT_ORDERS) m.delete(m.keys().next().value!);
  m.set(key, value);
  return value;
}

const filterKey = (f: ViewFilter): string =>
  JSON.stringify([f.from, f.to, [...(f.departments ?? [])].map((d) => d.toLowerCase()).sort(), [...(f.stages ?? [])].sort()]);

/** Positions (into the snapshot's allocations) of those in the range, departments and stages. */
function filteredAllocations(s: PlanSession, f: ViewFilter): Filtered {
  const c = cacheOf(s);
  const key = filterKey(f);
  const hit = c.filtered.get(key);
  if (hit) return hit;
  const facts = reportFacts(s.index());
  const specialistIn = new Map<number, boolean>();
  for (const sp of c.snapshot.specialists) specialistIn.set(sp.ref, inDepartments(sp.department, f));
  const requestIn = new Map<number, boolean>();
  for (const r of c.snapshot.requests) requestIn.set(r.ref, inStages(r.stage, f));
  const all = c.snapshot.allocations;
  const out: number[] = [];
  let totalMinutes = 0;
  let totalCostMinor = 0;
  for (const week of weekRange(f.from, f.to)) {
    for (const i of facts.positionsByWeek.get(week) ?? []) {
      const a = all[i]!;
      if (!specialistIn.get(a.specialistRef) || !requestIn.get(a.requestRef)) continue;
      out.push(i);
      totalMinutes += a.minutes;
      totalCostMinor += facts.costs[i]!;
    }
  }
  return keep(c.filtered, key, { positions: Int32Array.from(out), totalMinutes, totalCostMinor });
}

/** Rank of each ref when its entities are put in `cmp` order: sorts of 250,000 rows compare numbers. */
function ranks<T extends { ref: number }>(items: readonly T[], cmp: (a: T, b: T) => number): Map<number, number> {
  return new Map([...items].sort(cmp).map((x, i) => [x.ref, i]));
}

/**
 * The allocations table behind the Reports view, one page of a sorted order. The chosen
 * key sorts in the chosen direction; ties always fall back to week, specialist id and
 * request id ascending (the allocations report's order), so paging is stable.
 */
export function allocationsPage(s: PlanSession, input: ApiParsedInput<'reports-allocations-page'>): AllocationsPage {
  const c = cacheOf(s);
  const key = `${filterKey(input.filter)}|${input.sort.key}|${input.sort.dir}`;
  const sorted =
    c.entries.get(key) ?? keep(c.entries, key, sortAllocations(s, filteredAllocations(s, input.filter), input.sort.key, input.sort.dir));
  const ix = s.index();
  const all = c.snapshot.allocations;
  const rows: AllocationRow[] = [];
  const end = Math.min(sorted.positions.length, input.offset + input.limit);
  for (let p = input.offset; p < end; p++) rows.push(allocationRow(all[sorted.positions[p]!]!, ix));
  return {
    total: sorted.positions.length,
    offset: input.offset,
    rows,
    totalMinutes: sorted.totalMinutes,
    totalCostMinor: sorted.totalCostMinor,
  };
}

function allocationRow(a: EngineAllocation, ix: ReturnType<PlanSession['index']>): AllocationRow {
  const sp = ix.specialistByRef.get(a.specialistRef)!;
  const r = ix.requestByRef.get(a.requestRef)!;
  return {
    week: a.week,
    specialistId: sp.id,
    specialist: sp.name,
    department: sp.department,
    requestId: r.id,
    request: r.title,
    stage: r.stage,
    minutes: a.minutes,
    status: a.status,
    costMinor: allocationCost(a.minutes, sp.hourlyRateMinor),
  };
}

function sortAllocations(s: PlanSession, filtered: Filtered, sortKey: AllocationSortKey, dir: 'asc' | 'desc'): Filtered {
  const snapshot = s.snapshot();
  const ix = s.index();
  const all = snapshot.allocations;
  const { positions } = filtered;
  const n = positions.length;
  const weekRank = new Map([...reportFacts(ix).positionsByWeek.keys()].sort(cmpText).map((w, i) => [w, i]));
  const specialistIdRank = ranks(snapshot.specialists, (a, b) => cmpText(a.id, b.id));
  const requestIdRank = ranks(snapshot.requests, (a, b) => cmpText(a.id, b.id));
  const nSpecialists = snapshot.specialists.length;
  const nRequests = snapshot.requests.length;
  const primaryOf = primaryKey(snapshot, ix, sortKey, weekRank, requestIdRank, reportFacts(ix).costs);
  // Ties by (week, specialist id, request id), unique per allocation, as one exact integer.
  const primary = new Float64Array(n);
  const tie = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = all[positions[k]!]!;
    primary[k] = primaryOf(a, positions[k]!);
    tie[k] = (weekRank.get(a.week)! * nSpecialists + specialistIdRank.get(a.specialistRef)!) * nRequests + requestIdRank.get(a.requestRef)!;
  }
  const sign = dir === 'asc' ? 1 : -1;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((x, y) => sign * (primary[x]! - primary[y]!) || tie[x]! - tie[y]!);
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = positions[order[k]!]!;
  return { ...filtered, positions: out };
}

function primaryKey(
  snapshot: PlanSnapshot,
  ix: ReturnType<PlanSession['index']>,
  sortKey: AllocationSortKey,
  weekRank: Map<IsoWeek, number>,
  requestIdRank: Map<number, number>,
  costs: Float64Array,
): (a: EngineAllocation, position: number) => number {
  switch (sortKey) {
    case 'week':
      return (a) => weekRank.get(a.week)!;
    case 'specialist': {
      const rank = new Map(
        sortByName(
          snapshot.specialists,
          (sp) => sp.name,
          (a, b) => cmpText(a.id, b.id),
        ).map((sp, i) => [sp.ref, i]),
      );
      return (a) => rank.get(a.specialistRef)!;
    }
    case 'department': {
      const names = sortByName(
        [...new Set(snapshot.specialists.map((sp) => sp.department))],
        (d) => d,
        () => 0,
      );
      const byName = new Map(names.map((d, i) => [d, i]));
      return (a) => byName.get(ix.specialistByRef.get(a.specialistRef)!.department)!;
    }
    case 'request':
      return (a) => requestIdRank.get(a.requestRef)!;
    case 'stage':
      return (a) => STAGES.indexOf(ix.requestByRef.get(a.requestRef)!.stage);
    case 'hours':
      return (a) => a.minutes;
    case 'status':
      return (a) => (a.status === 'confirmed' ? 0 : 1);
    case 'cost':
      return (_a, position) => costs[position]!;
  }
}
