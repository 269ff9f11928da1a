import { weekCapacity, type WeekCapacity } from './capacity';
import type { EngineAllocation, EngineDemandLine, EngineRequest, EngineSpecialist, PlanSnapshot } from './model';
import { allocationCost } from './units';
import type { IsoWeek } from './weeks';

/**
 * Lookups over a snapshot, built once per computation: loads by specialist-week, served
 * minutes by demand line-week, costs by request, and capacities computed on demand and
 * memoised (most specialist-weeks of a large plan are never asked for).
 */
export interface PlanIndex {
  snapshot: PlanSnapshot;
  specialistByRef: Map<number, EngineSpecialist>;
  requestByRef: Map<number, EngineRequest>;
  demandLineByRef: Map<number, EngineDemandLine>;
  demandLinesByRequest: Map<number, EngineDemandLine[]>;
  /** `${specialistRef}|${week}` -> allocated minutes */
  load: Map<string, number>;
  /** `${demandLineRef}|${week}` -> minutes of allocations serving it */
  served: Map<string, number>;
  /** request ref -> cost in minor units */
  requestCost: Map<number, number>;
  capacity(specialistRef: number, week: IsoWeek): WeekCapacity;
}

export const loadKey = (specialistRef: number, week: IsoWeek): string => `${specialistRef}|${week}`;

export function indexPlan(snapshot: PlanSnapshot): PlanIndex {
  const specialistByRef = new Map(snapshot.specialists.map((s) => [s.ref, s]));
  const requestByRef = new Map(snapshot.requests.map((r) => [r.ref, r]));
  const demandLineByRef = new Map(snapshot.demandLines.map((d) => [d.ref, d]));
  const demandLinesByRequest = new Map<number, EngineDemandLine[]>();
  for (const d of snapshot.demandLines) {
    const list = demandLinesByRequest.get(d.requestRef);
    if (list) list.push(d);
    else demandLinesByRequest.set(d.requestRef, [d]);
  }
  const load = new Map<string, number>();
  const served = new Map<string, number>();
  const requestCost = new Map<number, number>();
  for (const a of snapshot.allocations) addAllocation(a);

  function addAllocation(a: EngineAllocation): void {
    const key = loadKey(a.specialistRef, a.week);
    load.set(key, (load.get(key) ?? 0) + a.minutes);
    if (a.demandLineRef !== null) {
      const sk = loadKey(a.demandLineRef, a.week);
      served.set(sk, (served.get(sk) ?? 0) + a.minutes);
    }
    const spec = specialistByRef.get(a.specialistRef);
    const cost = spec ? allocationCost(a.minutes, spec.hourlyRateMinor) : 0;
    requestCost.set(a.requestRef, (requestCost.get(a.requestRef) ?? 0) + cost);
  }

  const capacityMemo = new Map<string, WeekCapacity>();
  const noTimeOff: never[] = [];
  function capacity(specialistRef: number, week: IsoWeek): WeekCapacity {
    const key = loadKey(specialistRef, week);
    let c = capacityMemo.get(key);
    if (!c) {
      const s = specialistByRef.get(specialistRef);
      if (!s) throw new RangeError(`no specialist with ref ${specialistRef}`);
      c = weekCapacity(
        s,
        week,
        snapshot.timeOff.get(specialistRef) ?? noTimeOff,
        s.calendar === null ? undefined : snapshot.holidays.get(s.calendar),
      );
      capacityMemo.set(key, c);
    }
    return c;
  }

  return {
    snapshot,
    specialistByRef,
    requestByRef,
    demandLineByRef,
    demandLinesByRequest,
    load,
    served,
    requestCost,
    capacity,
  };
}
