import { budgetState } from '../domain/flags';
import { cmpName, cmpText } from '../domain/order';
import { requestStaffing, type PlanIndex } from '../domain/plan-index';
import { allocationCost, formatHours, formatMoney } from '../domain/units';
import { weekRange } from '../domain/weeks';
import { EXCHANGE_VERSION, STAFFING_SUMMARY_FORMAT, type StaffingSummaryFile } from './request-file';

type Person = StaffingSummaryFile['people'][number];

/**
 * What a resource manager sends back on a request: who is on it in which weeks with how
 * many hours, their cost, the request's cost against its budget, and every demand line's
 * weeks that no allocation serves in full. Sums are exact integers until they are written.
 */
export function staffingSummaryOf(
  ix: PlanIndex,
  requestRef: number,
  o: { currency: string; minorDigits: number; exportedAt: string },
): StaffingSummaryFile {
  const r = ix.requestByRef.get(requestRef);
  if (!r) throw new RangeError(`no request with ref ${requestRef}`);
  const digits = o.minorDigits;

  const bySpecialist = new Map<number, { minutes: number; cost: number; weeks: Person['weeks'] }>();
  for (const a of ix.allocationsOfRequest(requestRef)) {
    const s = ix.specialistByRef.get(a.specialistRef);
    let p = bySpecialist.get(a.specialistRef);
    if (!p) bySpecialist.set(a.specialistRef, (p = { minutes: 0, cost: 0, weeks: [] }));
    p.minutes += a.minutes;
    p.cost += s ? allocationCost(a.minutes, s.hourlyRateMinor) : 0;
    p.weeks.push({ week: a.week, hours: formatHours(a.minutes), status: a.status });
  }
  let allMinutes = 0;
  const people: Person[] = [];
  for (const [ref, p] of bySpecialist) {
    const s = ix.specialistByRef.get(ref);
    allMinutes += p.minutes;
    people.push({
      specialist_id: s?.id ?? String(ref),
      name: s?.name ?? String(ref),
      department: s?.department ?? '',
      hours: formatHours(p.minutes),
      cost: formatMoney(p.cost, digits),
      weeks: p.weeks.sort((a, b) => cmpText(a.week, b.week)),
    });
  }
  people.sort((a, b) => cmpName(a.name, b.name) || cmpText(a.specialist_id, b.specialist_id));

  let openMinutes = 0;
  const openDemand: StaffingSummaryFile['open_demand'] = [];
  for (const l of ix.demandLinesByRequest.get(requestRef) ?? []) {
    for (const week of weekRange(l.startWeek, l.endWeek)) {
      const served = ix.servedOf(l.ref, week);
      const open = Math.max(0, l.minutesPerWeek - served);
      if (open === 0) continue;
      openMinutes += open;
      openDemand.push({
        skill: l.skillName,
        min_level: l.minLevel,
        week,
        demanded_hours: formatHours(l.minutesPerWeek),
        served_hours: formatHours(served),
        open_hours: formatHours(open),
      });
    }
  }
  openDemand.sort((a, b) => cmpText(a.week, b.week) || cmpName(a.skill, b.skill) || a.min_level - b.min_level);

  const cost = ix.requestCost.get(requestRef) ?? 0;
  return {
    format: STAFFING_SUMMARY_FORMAT,
    version: EXCHANGE_VERSION,
    exported_at: o.exportedAt,
    plan_currency: o.currency,
    request: {
      id: r.id,
      title: r.title,
      status: r.status,
      start_week: r.startWeek,
      end_week: r.endWeek,
      budget: r.budgetMinor === null ? null : formatMoney(r.budgetMinor, digits),
    },
    staffing: requestStaffing(ix, requestRef),
    cost: formatMoney(cost, digits),
    hours: formatHours(allMinutes),
    open_hours: formatHours(openMinutes),
    budget_state: budgetState(cost, r.budgetMinor),
    people,
    open_demand: openDemand,
  };
}
