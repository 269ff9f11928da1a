import type { ApiParsedInput, BoardView, CardPerson, RequestCard, RequestSummary } from '../../../shared/api';
import {
  budgetState,
  cmpName,
  cmpPriority,
  cmpText,
  requestStaffing,
  STAGES,
  weekRange,
  type EngineRequest,
  type PlanIndex,
} from '../../../shared/domain';
import type { PlanSession, RequestDetails } from '../plan-session';
import { requireSession, type BackendContext } from './context';

export function boardGet(ctx: BackendContext, input: ApiParsedInput<'board-get'>): BoardView {
  const s = requireSession(ctx);
  const cards = requestCards(s, null, input.from, input.to);
  cards.sort((a, b) => cmpPriority(a.priority, b.priority) || cmpText(a.startWeek, b.startWeek) || cmpText(a.id, b.id));
  return {
    weeks: weekRange(input.from, input.to),
    currency: s.meta.currency,
    minorDigits: s.meta.minorDigits,
    lanes: STAGES.map((stage) => ({ stage, requests: cards.filter((c) => c.stage === stage) })),
  };
}

/** Cards for the requests touching from..to; only `refs` when given (after a change). */
export function requestCards(s: PlanSession, refs: ReadonlySet<number> | null, from: string, to: string): RequestCard[] {
  const ix = s.index();
  const weeks = weekRange(from, to);
  const requests = refs ? [...refs].map((r) => ix.requestByRef.get(r)!).filter(Boolean) : ix.snapshot.requests;
  const details = s.requestDetails();
  return requests
    .filter((r) => r.endWeek >= from && r.startWeek <= to)
    .map((r) => card(ix, r, details.get(r.ref)!, weeks, people(ix, r.ref, from, to)));
}

function people(ix: PlanIndex, requestRef: number, from: string, to: string): CardPerson[] {
  const byPerson = new Map<number, CardPerson>();
  for (const a of ix.allocationsOfRequest(requestRef)) {
    if (a.week < from || a.week > to) continue;
    let p = byPerson.get(a.specialistRef);
    if (!p) {
      const s = ix.specialistByRef.get(a.specialistRef)!;
      byPerson.set(a.specialistRef, (p = { specialistRef: s.ref, specialistId: s.id, name: s.name, minutes: 0, tentativeMinutes: 0 }));
    }
    p.minutes += a.minutes;
    if (a.status === 'tentative') p.tentativeMinutes += a.minutes;
  }
  return [...byPerson.values()].sort((a, b) => b.minutes - a.minutes || cmpName(a.name, b.name));
}

function card(ix: PlanIndex, r: EngineRequest, details: RequestDetails, weeks: string[], people: CardPerson[]): RequestCard {
  const lines = ix.demandLinesByRequest.get(r.ref) ?? [];
  const demand = lines.map((l) => ({
    ref: l.ref,
    skill: l.skillName,
    minLevel: l.minLevel,
    minutesPerWeek: l.minutesPerWeek,
    startWeek: l.startWeek,
    endWeek: l.endWeek,
    weeks: weeks
      .filter((w) => w >= l.startWeek && w <= l.endWeek)
      .map((week) => ({ week, served: ix.servedOf(l.ref, week), demanded: l.minutesPerWeek })),
  }));
  return { ...requestSummary(ix, r, details), demand, people };
}

/** What every list of requests shows of one: its fields, cost against budget and staffing progress. */
export function requestSummary(ix: PlanIndex, r: EngineRequest, details: RequestDetails): RequestSummary {
  const cost = ix.requestCost.get(r.ref) ?? 0;
  return {
    ref: r.ref,
    id: r.id,
    title: r.title,
    stage: r.stage,
    ...details,
    status: r.status,
    startWeek: r.startWeek,
    endWeek: r.endWeek,
    budgetMinor: r.budgetMinor,
    costMinor: cost,
    budgetState: budgetState(cost, r.budgetMinor),
    staffing: requestStaffing(ix, r.ref),
  };
}
