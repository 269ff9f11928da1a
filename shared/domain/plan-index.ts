import { weekCapacity, type WeekCapacity } from './capacity';
import type { EngineAllocation, EngineDemandLine, EngineRequest, EngineSpecialist, PlanSnapshot } from './model';
import { allocationCost } from './units';
import { weekRange, type IsoWeek } from './weeks';

/**
 * Lookups over a plan: loads by specialist-week, served minutes by demand line-week, costs
 * by request, capacities computed on demand and memoised (most specialist-weeks of a large
 * plan are never asked for). Allocation changes are applied in place, so a drop updates a
 * few sums instead of rebuilding the plan.
 */
export interface PlanIndex {
  /** The plan as it is now, allocations included (rebuilt lazily after changes). */
  readonly snapshot: PlanSnapshot;
  specialistByRef: Map<number, EngineSpecialist>;
  requestByRef: Map<number, EngineRequest>;
  demandLineByRef: Map<number, EngineDemandLine>;
  demandLinesByRequest: Map<number, EngineDemandLine[]>;
  /** Allocated minutes of a specialist in a week (all requests, confirmed and tentative). */
  loadOf(specialistRef: number, week: IsoWeek): number;
  /** Minutes of allocations serving a demand line in a week. */
  servedOf(demandLineRef: number, week: IsoWeek): number;
  /** Every specialist-week with load. */
  forEachLoad(fn: (specialistRef: number, week: IsoWeek, minutes: number) => void): void;
  /** request ref -> cost in minor units */
  requestCost: Map<number, number>;
  capacity(specialistRef: number, week: IsoWeek): WeekCapacity;
  /** Allocations of one specialist in one week. */
  allocationsAt(specialistRef: number, week: IsoWeek): readonly EngineAllocation[];
  /** Allocations of one request. */
  allocationsOfRequest(requestRef: number): readonly EngineAllocation[];
  /** Allocations of one specialist. */
  allocationsOfSpecialist(specialistRef: number): readonly EngineAllocation[];
  /** Replaces one allocation's contribution: before null = added, after null = removed. */
  applyAllocationChange(before: EngineAllocation | null, after: EngineAllocation | null): void;
}

export const loadKey = (specialistRef: number, week: IsoWeek): string => `${specialistRef}|${week}`;

export function indexPlan(initial: PlanSnapshot): PlanIndex {
  const specialistByRef = new Map(initial.specialists.map((s) => [s.ref, s]));
  const requestByRef = new Map(initial.requests.map((r) => [r.ref, r]));
  const demandLineByRef = new Map(initial.demandLines.map((d) => [d.ref, d]));
  const demandLinesByRequest = new Map<number, EngineDemandLine[]>();
  for (const d of initial.demandLines) {
    const list = demandLinesByRequest.get(d.requestRef);
    if (list) list.push(d);
    else demandLinesByRequest.set(d.requestRef, [d]);
  }
  // By ref only once something changes: a plan that is only read never needs it.
  let byRef: Map<number, EngineAllocation> | null = null;
  const allocationByRef = (): Map<number, EngineAllocation> => (byRef ??= new Map(current.allocations.map((a) => [a.ref, a])));
  // Nested maps (ref -> week -> minutes): a quarter of a million string keys cost more
  // than the sums they index.
  const load = new Map<number, Map<IsoWeek, number>>();
  const served = new Map<number, Map<IsoWeek, number>>();
  const requestCost = new Map<number, number>();
  let current: PlanSnapshot = initial;
  let stale = false;
  const bySpecialistWeek = lazyGroup((a) => loadKey(a.specialistRef, a.week));
  const byRequest = lazyGroup((a) => a.requestRef);
  const bySpecialist = lazyGroup((a) => a.specialistRef);
  const groups = [bySpecialistWeek, byRequest, bySpecialist];

  /**
   * Allocations grouped by a key, built on first use (a full flag run never needs them)
   * and then kept up to date by applyAllocationChange.
   */
  function lazyGroup<K>(keyOf: (a: EngineAllocation) => K) {
    let map: Map<K, EngineAllocation[]> | null = null;
    return {
      get(k: K): readonly EngineAllocation[] {
        if (!map) {
          map = new Map();
          for (const a of byRef ? byRef.values() : current.allocations) add(map, a);
        }
        return map.get(k) ?? [];
      },
      added(a: EngineAllocation): void {
        if (map) add(map, a);
      },
      removed(a: EngineAllocation): void {
        const list = map?.get(keyOf(a));
        const i = list ? list.findIndex((x) => x.ref === a.ref) : -1;
        if (i >= 0) list!.splice(i, 1);
      },
    };
    function add(m: Map<K, EngineAllocation[]>, a: EngineAllocation): void {
      const k = keyOf(a);
      const list = m.get(k);
      if (list) list.push(a);
      else m.set(k, [a]);
    }
  }

  const bump = (m: Map<number, Map<IsoWeek, number>>, ref: number, week: IsoWeek, d: number): void => {
    let weeks = m.get(ref);
    if (!weeks) m.set(ref, (weeks = new Map()));
    const v = (weeks.get(week) ?? 0) + d;
    if (v === 0) weeks.delete(week);
    else weeks.set(week, v);
  };

  function contribute(a: EngineAllocation, sign: 1 | -1): void {
    bump(load, a.specialistRef, a.week, sign * a.minutes);
    if (a.demandLineRef !== null) bump(served, a.demandLineRef, a.week, sign * a.minutes);
    const spec = specialistByRef.get(a.specialistRef);
    const cost = spec ? allocationCost(a.minutes, spec.hourlyRateMinor) : 0;
    // Keep requests with allocations present even at cost 0, so "has cost" stays meaningful.
    requestCost.set(a.requestRef, (requestCost.get(a.requestRef) ?? 0) + sign * cost);
  }

  for (const a of initial.allocations) contribute(a, 1);

  const capacityMemo = new Map<number, Map<IsoWeek, WeekCapacity>>();
  const noTimeOff: never[] = [];
  function capacity(specialistRef: number, week: IsoWeek): WeekCapacity {
    let weeks = capacityMemo.get(specialistRef);
    if (!weeks) capacityMemo.set(specialistRef, (weeks = new Map()));
    let c = weeks.get(week);
    if (!c) {
      const s = specialistByRef.get(specialistRef);
      if (!s) throw new RangeError(`no specialist with ref ${specialistRef}`);
      c = weekCapacity(
        s,
        week,
        initial.timeOff.get(specialistRef) ?? noTimeOff,
        s.calendar === null ? undefined : initial.holidays.get(s.calendar),
      );
      weeks.set(week, c);
    }
    return c;
  }

  return {
    get snapshot(): PlanSnapshot {
      if (stale) {
        current = { ...current, allocations: [...allocationByRef().values()] };
        stale = false;
      }
      return current;
    },
    specialistByRef,
    requestByRef,
    demandLineByRef,
    demandLinesByRequest,
    loadOf: (ref, week) => load.get(ref)?.get(week) ?? 0,
    servedOf: (ref, week) => served.get(ref)?.get(week) ?? 0,
    forEachLoad(fn) {
      for (const [ref, weeks] of load) for (const [week, minutes] of weeks) fn(ref, week, minutes);
    },
    requestCost,
    capacity,
    allocationsAt: (specialistRef, week) => bySpecialistWeek.get(loadKey(specialistRef, week)),
    allocationsOfRequest: (requestRef) => byRequest.get(requestRef),
    allocationsOfSpecialist: (specialistRef) => bySpecialist.get(specialistRef),
    applyAllocationChange(before, after) {
      if (before) {
        contribute(before, -1);
        allocationByRef().delete(before.ref);
        for (const g of groups) g.removed(before);
      }
      if (after) {
        contribute(after, 1);
        allocationByRef().set(after.ref, after);
        for (const g of groups) g.added(after);
      }
      stale = true;
    },
  };
}

export type Staffing = 'unstaffed' | 'partly staffed' | 'staffed' | 'no demand';

/** Staffing progress is derived from coverage of every demanded week, never stored. */
export function requestStaffing(ix: PlanIndex, requestRef: number): Staffing {
  const lines = ix.demandLinesByRequest.get(requestRef) ?? [];
  if (lines.length === 0) return 'no demand';
  let demanded = 0;
  let covered = 0;
  let any = false;
  for (const l of lines) {
    for (const week of weekRange(l.startWeek, l.endWeek)) {
      const got = ix.servedOf(l.ref, week);
      demanded++;
      if (got >= l.minutesPerWeek) covered++;
      if (got > 0) any = true;
    }
  }
  if (covered === demanded) return 'staffed';
  return any ? 'partly staffed' : 'unstaffed';
}

/**
 * The demand line an allocation serves when none is named: the first line of the request
 * covering that week that the specialist is qualified for. Unqualified people serve no
 * line: staffing them is allowed, and claiming a line for them would raise a mismatch
 * nobody asked for.
 */
export function qualifiedLine<L extends { skillRef: number; minLevel: number; startWeek: IsoWeek; endWeek: IsoWeek }>(
  lines: readonly L[],
  held: ReadonlyMap<number, number> | undefined,
  week: IsoWeek,
): L | null {
  return lines.find((l) => week >= l.startWeek && week <= l.endWeek && (held?.get(l.skillRef) ?? 0) >= l.minLevel) ?? null;
}
