import { budgetState, type BudgetState } from './flags';
import { OPEN_DEMAND_STATUSES, STAGES, type AllocationStatus, type RequestStatus, type Stage } from './model';
import { indexPlan, type PlanIndex } from './plan-index';
import { percent } from './rounding';
import { allocationCost } from './units';
import { cmpText, foldText } from './order';
import type { EngineSpecialist, PlanSnapshot } from './model';
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
  /**
   * Lifecycle stages (the Reports view's filter); empty or absent = all. They restrict what
   * is about requests (costs, stages, skill demand, allocations), never utilization: a
   * person's week is full whatever stage the work is for.
   */
  stages?: readonly Stage[] | undefined;
}

/** Department names match as the plan file matches them: ignoring case. */
export const inDepartments = (dept: string, f: ReportFilter): boolean =>
  !f.departments || f.departments.length === 0 || f.departments.some((d) => d.toLowerCase() === dept.toLowerCase());

export const inStages = (stage: Stage, f: ReportFilter): boolean => !f.stages || f.stages.length === 0 || f.stages.includes(stage);

/** Every active specialist for every week of the range, also weeks without allocations. */
export function utilizationRows(snapshot: PlanSnapshot, f: ReportFilter, ix: PlanIndex = indexPlan(snapshot)): UtilizationRow[] {
  const { weeks, people } = peopleWeeks(ix, f);
  const rows: UtilizationRow[] = [];
  for (const { specialist: s, capacity, load } of people) {
    for (let i = 0; i < weeks.length; i++) {
      const cap = capacity[i]!;
      const allocated = load[i]!;
      rows.push({
        specialistId: s.id,
        specialist: s.name,
        department: s.department,
        week: weeks[i]!,
        capacityMinutes: cap,
        allocatedMinutes: allocated,
        utilizationPct: percent(allocated, cap),
        overAllocated: allocated > cap,
      });
    }
  }
  return rows;
}

/** Capacity and load per week of the range of each active specialist of the departments. */
export interface PeopleWeeks {
  weeks: IsoWeek[];
  /** By specialist id. */
  people: { specialist: EngineSpecialist; capacity: number[]; load: number[] }[];
}

/**
 * The grid the heat map, utilization and skill supply all read: each specialist-week is
 * looked up once per range, and kept for the plan as it is (a range seen again, as by a
 * view and then its export, is not worked out twice).
 */
export function peopleWeeks(ix: PlanIndex, f: ReportFilter): PeopleWeeks {
  const facts = reportFacts(ix);
  const key = `${f.from}|${f.to}|${departmentsKey(f)}`;
  const hit = facts.grids.get(key);
  if (hit) return hit;
  const weeks = weekRange(f.from, f.to);
  const people = ix.snapshot.specialists
    .filter((s) => s.active && inDepartments(s.department, f))
    .sort((a, b) => cmpText(a.id, b.id))
    .map((specialist) => ({
      specialist,
      capacity: weeks.map((w) => ix.capacity(specialist.ref, w).minutes),
      load: weeks.map((w) => ix.loadOf(specialist.ref, w)),
    }));
  if (facts.grids.size >= 4) facts.grids.delete(facts.grids.keys().next().value!);
  const grid = { weeks, people };
  facts.grids.set(key, grid);
  return grid;
}

const departmentsKey = (f: ReportFilter): string =>
  [...(f.departments ?? [])]
    .map((d) => d.toLowerCase())
    .sort()
    .join('\n');

/**
 * What every report of one plan state needs, worked out once: allocation costs, positions
 * by week, cost planned after a week, requests worked by departments. Kept per snapshot
 * object, which the index replaces on every change, so a figure is never from an older
 * plan; a range change then only reads the weeks it shows.
 */
export interface ReportFacts {
  /** Per position in `snapshot.allocations`: its cost in minor units. */
  costs: Float64Array;
  /** Per position: its minutes. */
  minutes: Int32Array;
  /** Per position: the index of its specialist in `snapshot.specialists`. */
  specialistAt: Int32Array;
  /** Per position: the index of its request in `snapshot.requests`. */
  requestAt: Int32Array;
  /** Positions of the allocations of each week. */
  positionsByWeek: ReadonlyMap<IsoWeek, Int32Array>;
  /** request ref -> cost of its allocations after `week` (absent when none). */
  plannedAfter(week: IsoWeek): ReadonlyMap<number, number>;
  /** Refs of the requests that the filter's departments' specialists work on. */
  requestsWorkedBy(f: ReportFilter): ReadonlySet<number>;
  /** peopleWeeks by range and departments, the last few. */
  grids: Map<string, PeopleWeeks>;
}

const factsMemo = new WeakMap<PlanSnapshot, ReportFacts>();

export function reportFacts(ix: PlanIndex): ReportFacts {
  const snapshot = ix.snapshot;
  const hit = factsMemo.get(snapshot);
  if (hit) return hit;
  const all = snapshot.allocations;
  const n = all.length;
  const specialistIndex = new Map(snapshot.specialists.map((s, i) => [s.ref, i]));
  const requestIndex = new Map(snapshot.requests.map((r, i) => [r.ref, i]));
  const costs = new Float64Array(n);
  const minutes = new Int32Array(n);
  const specialistAt = new Int32Array(n);
  const requestAt = new Int32Array(n);
  const byWeek = new Map<IsoWeek, number[]>();
  for (let i = 0; i < n; i++) {
    const a = all[i]!;
    const si = specialistIndex.get(a.specialistRef)!;
    specialistAt[i] = si;
    requestAt[i] = requestIndex.get(a.requestRef)!;
    minutes[i] = a.minutes;
    costs[i] = allocationCost(a.minutes, snapshot.specialists[si]!.hourlyRateMinor);
    const list = byWeek.get(a.week);
    if (list) list.push(i);
    else byWeek.set(a.week, [i]);
  }
  const positionsByWeek = new Map([...byWeek].map(([w, list]) => [w, Int32Array.from(list)]));
  const afterMemo = new Map<IsoWeek, Map<number, number>>();
  const workedMemo = new Map<string, Set<number>>();
  const facts: ReportFacts = {
    costs,
    minutes,
    specialistAt,
    requestAt,
    positionsByWeek,
    plannedAfter(week) {
      let m = afterMemo.get(week);
      if (!m) {
        m = new Map();
        for (const [w, positions] of positionsByWeek) {
          if (w <= week) continue;
          for (const i of positions) {
            const ref = snapshot.requests[requestAt[i]!]!.ref;
            m.set(ref, (m.get(ref) ?? 0) + costs[i]!);
          }
        }
        if (afterMemo.size >= 4) afterMemo.clear();
        afterMemo.set(week, m);
      }
      return m;
    },
    requestsWorkedBy(f) {
      const key = departmentsKey(f);
      let set = workedMemo.get(key);
      if (!set) {
        const inside = snapshot.specialists.map((s) => inDepartments(s.department, f));
        set = new Set();
        for (let i = 0; i < n; i++) if (inside[specialistAt[i]!]) set.add(snapshot.requests[requestAt[i]!]!.ref);
        if (workedMemo.size >= 16) workedMemo.clear();
        workedMemo.set(key, set);
      }
      return set;
    },
    grids: new Map(),
  };
  factsMemo.set(snapshot, facts);
  return facts;
}

/** Sorted by name as people expect (cmpName), each name folded once rather than per comparison. */
export function sortByName<T>(items: readonly T[], name: (x: T) => string, tie: (a: T, b: T) => number): T[] {
  return items
    .map((x) => ({ x, folded: foldText(name(x)), name: name(x) }))
    .sort((a, b) => cmpText(a.folded, b.folded) || cmpText(a.name, b.name) || tie(a.x, b.x))
    .map((e) => e.x);
}

/**
 * Cost of each request against its budget, whole-request cost as the flags use it, and
 * the part of it planned after `currentWeek`. With departments given, the requests their
 * specialists work on are listed; the range lists requests whose weeks touch it.
 */
export function costRows(snapshot: PlanSnapshot, f: ReportFilter, currentWeek: IsoWeek, ix: PlanIndex = indexPlan(snapshot)): CostRow[] {
  const facts = reportFacts(ix);
  const worked = f.departments !== undefined && f.departments.length > 0 ? facts.requestsWorkedBy(f) : null;
  const after = facts.plannedAfter(currentWeek);
  return ix.snapshot.requests
    .filter((r) => r.endWeek >= f.from && r.startWeek <= f.to && inStages(r.stage, f))
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
        plannedAfterMinor: after.get(r.ref) ?? 0,
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
    if (!inStages(r.stage, f)) continue;
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
  /** Empty when the department's rows were not asked for (see specialistCount). */
  specialists: HeatRow[];
  specialistCount: number;
}

export interface UtilizationHeatmap {
  weeks: IsoWeek[];
  departments: HeatDepartment[];
  /** Per week over every listed specialist (column averages). */
  columns: HeatCell[];
  total: HeatCell;
}

/**
 * domain.md "Skill demand versus capacity", per skill, exact minimum level and week of the
 * range. Demand and served come from the lines of the requests that ask (and, with stages
 * given, of those stages), whoever serves them. Departments restrict supply and free
 * only: the gap then says what those departments' qualified people could not absorb.
 */
export function skillRows(snapshot: PlanSnapshot, f: ReportFilter, ix: PlanIndex = indexPlan(snapshot)): SkillRow[] {
  const weeks = weekRange(f.from, f.to);
  const n = weeks.length;
  const at = new Map(weeks.map((w, i) => [w, i]));
  interface Asked {
    skillRef: number;
    skill: string;
    level: number;
    demand: number[];
    served: number[];
  }
  const asked = new Map<string, Asked>();
  const levelsBySkill = new Map<number, Set<number>>();
  for (const line of ix.snapshot.demandLines) {
    const r = ix.requestByRef.get(line.requestRef);
    if (!r || !OPEN_DEMAND_STATUSES.includes(r.status) || !inStages(r.stage, f)) continue;
    if (line.endWeek < f.from || line.startWeek > f.to) continue;
    const key = `${line.skillRef}|${line.minLevel}`;
    let acc = asked.get(key);
    if (!acc) {
      acc = { skillRef: line.skillRef, skill: line.skillName, level: line.minLevel, demand: zeros(n), served: zeros(n) };
      asked.set(key, acc);
      let levels = levelsBySkill.get(line.skillRef);
      if (!levels) levelsBySkill.set(line.skillRef, (levels = new Set()));
      levels.add(line.minLevel);
    }
    const first = at.get(line.startWeek > f.from ? line.startWeek : f.from)!;
    const last = at.get(line.endWeek < f.to ? line.endWeek : f.to)!;
    for (let i = first; i <= last; i++) {
      acc.demand[i]! += line.minutesPerWeek;
      acc.served[i]! += ix.servedOf(line.ref, weeks[i]!);
    }
  }

  // supply[skill][level held 1..5][week], then summed from the top level down so that
  // index L holds everyone at L or above: each specialist-week is worked out once.
  const supply = new Map<number, { cap: number[]; free: number[] }[]>();
  for (const skillRef of levelsBySkill.keys())
    supply.set(
      skillRef,
      [0, 1, 2, 3, 4, 5].map(() => ({ cap: zeros(n), free: zeros(n) })),
    );
  for (const { specialist: s, capacity, load } of peopleWeeks(ix, f).people) {
    let free: number[] | null = null;
    for (const [skillRef, level] of s.skills) {
      const bySkill = supply.get(skillRef);
      if (!bySkill) continue;
      free ??= capacity.map((c, i) => Math.max(0, c - load[i]!));
      const slot = bySkill[Math.min(5, Math.max(1, level))]!;
      for (let i = 0; i < n; i++) {
        slot.cap[i]! += capacity[i]!;
        slot.free[i]! += free[i]!;
      }
    }
  }
  for (const bySkill of supply.values()) {
    for (let l = 4; l >= 1; l--) {
      for (let i = 0; i < n; i++) {
        bySkill[l]!.cap[i]! += bySkill[l + 1]!.cap[i]!;
        bySkill[l]!.free[i]! += bySkill[l + 1]!.free[i]!;
      }
    }
  }

  const rows: SkillRow[] = [];
  for (const acc of sortByName(
    [...asked.values()],
    (a) => a.skill,
    (a, b) => a.level - b.level,
  )) {
    const qualified = supply.get(acc.skillRef)![acc.level]!;
    for (let i = 0; i < n; i++) {
      const demand = acc.demand[i]!;
      if (demand === 0) continue;
      const served = acc.served[i]!;
      const unfilled = Math.max(0, demand - served);
      const free = qualified.free[i]!;
      rows.push({
        skill: acc.skill,
        level: acc.level,
        week: weeks[i]!,
        demandMinutes: demand,
        servedMinutes: served,
        unfilledMinutes: unfilled,
        supplyMinutes: qualified.cap[i]!,
        freeMinutes: free,
        gapMinutes: Math.max(0, unfilled - free),
      });
    }
  }
  return rows;
}

/** A packed array of zeros (`new Array(n).fill(0)` is holey, and slower to sum into). */
function zeros(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}

/** skillRows summed per skill and level over the range, in the same order. */
export function skillTotals(rows: readonly SkillRow[]): SkillTotal[] {
  const totals = new Map<string, SkillTotal>();
  for (const r of rows) {
    const key = `${r.skill}|${r.level}`;
    const t = totals.get(key);
    if (!t) {
      totals.set(key, {
        skill: r.skill,
        level: r.level,
        weeks: 1,
        demandMinutes: r.demandMinutes,
        servedMinutes: r.servedMinutes,
        unfilledMinutes: r.unfilledMinutes,
        supplyMinutes: r.supplyMinutes,
        freeMinutes: r.freeMinutes,
        gapMinutes: r.gapMinutes,
      });
      continue;
    }
    t.weeks++;
    t.demandMinutes += r.demandMinutes;
    t.servedMinutes += r.servedMinutes;
    t.unfilledMinutes += r.unfilledMinutes;
    t.supplyMinutes += r.supplyMinutes;
    t.freeMinutes += r.freeMinutes;
    t.gapMinutes += r.gapMinutes;
  }
  return [...totals.values()];
}

/** Cost by lifecycle stage over the requests costRows lists (so the same filter rules). */
export function stageRows(snapshot: PlanSnapshot, f: ReportFilter, currentWeek: IsoWeek, ix: PlanIndex = indexPlan(snapshot)): StageRow[] {
  return stageTotals(costRows(snapshot, f, currentWeek, ix), f);
}

/**
 * One row per stage (every stage, or those of the filter), also stages without requests,
 * so a chart keeps its bars in place. Budget and variance count only budgeted requests;
 * cost counts them all.
 */
export function stageTotals(costs: readonly CostRow[], f: Pick<ReportFilter, 'stages'> = {}): StageRow[] {
  const rows = new Map<Stage, StageRow>();
  for (const stage of STAGES) {
    if (!inStages(stage, f as ReportFilter)) continue;
    rows.set(stage, {
      stage,
      requests: 0,
      withBudget: 0,
      budgetMinor: 0,
      costMinor: 0,
      varianceMinor: 0,
      overrunRequests: 0,
      atRiskRequests: 0,
      plannedAfterMinor: 0,
    });
  }
  for (const c of costs) {
    const row = rows.get(c.stage);
    if (!row) continue;
    row.requests++;
    row.costMinor += c.costMinor;
    row.plannedAfterMinor += c.plannedAfterMinor;
    if (c.overrun) row.overrunRequests++;
    if (c.atRisk) row.atRiskRequests++;
    if (c.budgetMinor !== null) {
      row.withBudget++;
      row.budgetMinor += c.budgetMinor;
      row.varianceMinor += c.budgetMinor - c.costMinor;
    }
  }
  return [...rows.values()];
}

interface HeatSum {
  cap: number[];
  alloc: number[];
  over: number[];
}

const heatSum = (n: number): HeatSum => ({ cap: zeros(n), alloc: zeros(n), over: zeros(n) });

function heatCell(capacityMinutes: number, allocatedMinutes: number, overAllocated: number): HeatCell {
  return { capacityMinutes, allocatedMinutes, utilizationPct: percent(allocatedMinutes, capacityMinutes), overAllocated };
}

function heatRow(key: string, label: string, department: string, specialistId: string | null, sum: HeatSum): HeatRow {
  let cap = 0;
  let alloc = 0;
  let over = 0;
  const cells = sum.cap.map((c, i) => {
    cap += c;
    alloc += sum.alloc[i]!;
    over += sum.over[i]!;
    return heatCell(c, sum.alloc[i]!, sum.over[i]!);
  });
  return { key, label, department, specialistId, cells, total: heatCell(cap, alloc, over) };
}

interface HeatPerson {
  id: string;
  name: string;
  department: string;
  sum: HeatSum;
}

/**
 * The heat map of utilization rows: departments (by name) summing their specialists (by
 * name), per week and over the range. Averages are ratios of sums (allocated over
 * capacity), not means of percentages, so a part-timer weighs as much as their hours.
 */
export function utilizationHeatmap(rows: readonly UtilizationRow[], weeks: readonly IsoWeek[]): UtilizationHeatmap {
  const n = weeks.length;
  const at = new Map(weeks.map((w, i) => [w, i]));
  const people = new Map<string, HeatPerson>();
  for (const r of rows) {
    const i = at.get(r.week);
    if (i === undefined) continue;
    let p = people.get(r.specialistId);
    if (!p) people.set(r.specialistId, (p = { id: r.specialistId, name: r.specialist, department: r.department, sum: heatSum(n) }));
    p.sum.cap[i]! += r.capacityMinutes;
    p.sum.alloc[i]! += r.allocatedMinutes;
    p.sum.over[i]! += r.overAllocated ? 1 : 0;
  }
  return heatmapOfPeople([...people.values()], weeks);
}

/** The same heat map straight from the plan, without a row object per specialist-week. */
export function heatmapOf(snapshot: PlanSnapshot, f: ReportFilter, ix: PlanIndex = indexPlan(snapshot)): UtilizationHeatmap {
  const { weeks, people } = peopleWeeks(ix, f);
  return heatmapOfPeople(
    people.map(({ specialist: s, capacity, load }) => ({
      id: s.id,
      name: s.name,
      department: s.department,
      sum: { cap: capacity, alloc: load, over: capacity.map((c, i) => (load[i]! > c ? 1 : 0)) },
    })),
    weeks,
  );
}

function heatmapOfPeople(people: readonly HeatPerson[], weeks: readonly IsoWeek[]): UtilizationHeatmap {
  const n = weeks.length;
  const departments = new Map<string, { sum: HeatSum; people: HeatPerson[] }>();
  const columns = heatSum(n);
  for (const p of people) {
    let d = departments.get(p.department);
    if (!d) departments.set(p.department, (d = { sum: heatSum(n), people: [] }));
    d.people.push(p);
    for (const sum of [d.sum, columns]) {
      for (let i = 0; i < n; i++) {
        sum.cap[i]! += p.sum.cap[i]!;
        sum.alloc[i]! += p.sum.alloc[i]!;
        sum.over[i]! += p.sum.over[i]!;
      }
    }
  }
  const all = heatRow('total', 'Total', '', null, columns);
  return {
    weeks: [...weeks],
    departments: sortByName(
      [...departments.entries()],
      ([d]) => d,
      () => 0,
    ).map(([department, d]) => ({
      row: heatRow(`d:${department}`, department, department, null, d.sum),
      specialistCount: d.people.length,
      specialists: sortByName(
        d.people,
        (p) => p.name,
        (a, b) => cmpText(a.id, b.id),
      ).map((p) => heatRow(`s:${p.id}`, p.name, department, p.id, p.sum)),
    })),
    columns: all.cells,
    total: all.total,
  };
}
