import type { AllocationSortKey, AllocationsPage, ApiParsedInput, ReportRange, ReportsViewData } from '../../../shared/api';
import {
  STAGES,
  allocationCost,
  allocationRows,
  cmpText,
  costRows,
  heatmapOf,
  inDepartments,
  inStages,
  planWeekSpan,
  reportFacts,
  skillRows,
  skillTotals,
  sortByName,
  stageRows,
  stageTotals,
  utilizationRows,
  weekRange,
  type AllocationRow,
  type EngineAllocation,
  type IsoWeek,
  type PlanSnapshot,
  type ReportFacts,
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
  // Going back to a range, or exporting the one on screen, answers from the last few.
  const c = cacheOf(s);
  const key = `${filterKey(f)}|${currentWeek}`;
  return onlyExpanded(c.views.get(key) ?? keep(c.views, key, viewData(s, f, currentWeek)), f.expanded);
}

/** The view with specialist rows only for the departments asked for (names ignore case, as filters do). */
function onlyExpanded(view: ReportsViewData, expanded: readonly string[] | undefined): ReportsViewData {
  if (expanded === undefined) return view;
  const open = new Set(expanded.map((d) => d.toLowerCase()));
  const departments = view.heatmap.departments.map((d) => (open.has(d.row.department.toLowerCase()) ? d : { ...d, specialists: [] }));
  return { ...view, heatmap: { ...view.heatmap, departments } };
}

function viewData(s: PlanSession, f: ViewFilter, currentWeek: IsoWeek): ReportsViewData {
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
    heatmap: heatmapOf(snapshot, f, ix),
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
 * Filtered and sorted allocation orders, kept for the plan as it is: keyed by the session's
 * snapshot object, which its index replaces on every change (an allocation patch as much
 * as a full reload), so an order can never answer for an older plan and none keeps an
 * older plan in memory. A few filter+sort orders are kept, so going back and forth between
 * two sorts or two ranges does not sort again.
 */
interface PlanStateCache {
  snapshot: PlanSnapshot;
  entries: Map<string, Filtered>;
  filtered: Map<string, Filtered>;
  views: Map<string, ReportsViewData>;
}
const pageCache = new WeakMap<PlanSnapshot, PlanStateCache>();
const KEPT_ORDERS = 4;

function cacheOf(s: PlanSession): PlanStateCache {
  const snapshot = s.snapshot();
  let c = pageCache.get(snapshot);
  if (!c) pageCache.set(snapshot, (c = { snapshot, entries: new Map(), filtered: new Map(), views: new Map() }));
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
  const specialistIn = Uint8Array.from(c.snapshot.specialists, (sp) => (inDepartments(sp.department, f) ? 1 : 0));
  const requestIn = Uint8Array.from(c.snapshot.requests, (r) => (inStages(r.stage, f) ? 1 : 0));
  const out: number[] = [];
  let totalMinutes = 0;
  let totalCostMinor = 0;
  for (const week of weekRange(f.from, f.to)) {
    const positions = facts.positionsByWeek.get(week);
    if (!positions) continue;
    for (let k = 0; k < positions.length; k++) {
      const i = positions[k]!;
      if (specialistIn[facts.specialistAt[i]!] === 0 || requestIn[facts.requestAt[i]!] === 0) continue;
      out.push(i);
      totalMinutes += facts.minutes[i]!;
      totalCostMinor += facts.costs[i]!;
    }
  }
  return keep(c.filtered, key, { positions: Int32Array.from(out), totalMinutes, totalCostMinor });
}

/** Rank of each item (by its index) when the items are put in `cmp` order. */
function ranks<T>(items: readonly T[], cmp: (a: T, b: T) => number): Int32Array {
  const rank = new Int32Array(items.length);
  items
    .map((x, i) => ({ x, i }))
    .sort((a, b) => cmp(a.x, b.x))
    .forEach((e, r) => (rank[e.i] = r));
  return rank;
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
  const facts = reportFacts(s.index());
  const all = snapshot.allocations;
  const { positions } = filtered;
  const n = positions.length;
  const weekRank = new Map([...facts.positionsByWeek.keys()].sort(cmpText).map((w, i) => [w, i]));
  const specialistIdRank = ranks(snapshot.specialists, (a, b) => cmpText(a.id, b.id));
  const requestIdRank = ranks(snapshot.requests, (a, b) => cmpText(a.id, b.id));
  const nSpecialists = snapshot.specialists.length;
  const nRequests = snapshot.requests.length;
  const primaryOf = primaryKey(snapshot, facts, sortKey, weekRank, requestIdRank);
  // Ties by (week, specialist id, request id), unique per allocation, as one exact integer.
  const primary = new Float64Array(n);
  const tie = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = positions[k]!;
    primary[k] = primaryOf(i);
    tie[k] =
      (weekRank.get(all[i]!.week)! * nSpecialists + specialistIdRank[facts.specialistAt[i]!]!) * nRequests +
      requestIdRank[facts.requestAt[i]!]!;
  }
  const sign = dir === 'asc' ? 1 : -1;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((x, y) => sign * (primary[x]! - primary[y]!) || tie[x]! - tie[y]!);
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = positions[order[k]!]!;
  return { ...filtered, positions: out };
}

/** The sort key of the allocation at a position, as a number. */
function primaryKey(
  snapshot: PlanSnapshot,
  facts: ReportFacts,
  sortKey: AllocationSortKey,
  weekRank: Map<IsoWeek, number>,
  requestIdRank: Int32Array,
): (position: number) => number {
  const all = snapshot.allocations;
  switch (sortKey) {
    case 'week':
      return (i) => weekRank.get(all[i]!.week)!;
    case 'specialist': {
      const rank = ranks(snapshot.specialists, () => 0);
      sortByName(
        snapshot.specialists.map((sp, i) => ({ sp, i })),
        (e) => e.sp.name,
        (a, b) => cmpText(a.sp.id, b.sp.id),
      ).forEach((e, r) => (rank[e.i] = r));
      return (i) => rank[facts.specialistAt[i]!]!;
    }
    case 'department': {
      const names = sortByName(
        [...new Set(snapshot.specialists.map((sp) => sp.department))],
        (d) => d,
        () => 0,
      );
      const byName = new Map(names.map((d, r) => [d, r]));
      const rank = Int32Array.from(snapshot.specialists, (sp) => byName.get(sp.department)!);
      return (i) => rank[facts.specialistAt[i]!]!;
    }
    case 'request':
      return (i) => requestIdRank[facts.requestAt[i]!]!;
    case 'stage': {
      const rank = Int32Array.from(snapshot.requests, (r) => STAGES.indexOf(r.stage));
      return (i) => rank[facts.requestAt[i]!]!;
    }
    case 'hours':
      return (i) => facts.minutes[i]!;
    case 'status':
      return (i) => (all[i]!.status === 'confirmed' ? 0 : 1);
    case 'cost':
      return (i) => facts.costs[i]!;
  }
}
