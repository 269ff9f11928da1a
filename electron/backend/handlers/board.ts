import type { ApiParsedInput, BoardView, CardPerson, RequestCard } from '../../../shared/api';
import { budgetState, computeFlags, loadKey, STAGES, weekRange, type EngineRequest, type PlanIndex, type Priority } from '../../../shared/domain';
import type { Db } from '../db/open';
import { requireSession, type BackendContext } from './context';

const PRIORITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export function boardGet(ctx: BackendContext, input: ApiParsedInput<'board-get'>): BoardView {
  const s = requireSession(ctx);
  const ix = s.index();
  const snapshot = ix.snapshot;
  const weeks = weekRange(input.from, input.to);
  const visible = snapshot.requests.filter((r) => r.endWeek >= input.from && r.startWeek <= input.to);
  const flagsByRequest = new Map<number, number>();
  for (const f of computeFlags(snapshot, input, ix)) {
    if (f.requestRef !== null) flagsByRequest.set(f.requestRef, (flagsByRequest.get(f.requestRef) ?? 0) + 1);
  }
  const peopleByRequest = peopleInWeeks(ix, input.from, input.to);
  const details = requestDetails(s.db);
  const cards = visible.map((r) => ({
    ...card(ix, r, weeks, peopleByRequest.get(r.ref) ?? [], flagsByRequest.get(r.ref) ?? 0),
    ...details.get(r.ref),
  }));
  cards.sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.startWeek.localeCompare(b.startWeek) || a.id.localeCompare(b.id));
  return {
    weeks,
    currency: s.meta.currency,
    minorDigits: s.meta.minorDigits,
    lanes: STAGES.map((stage) => ({ stage, requests: cards.filter((c) => c.stage === stage) })),
  };
}

function peopleInWeeks(ix: PlanIndex, from: string, to: string): Map<number, CardPerson[]> {
  const byRequest = new Map<number, Map<number, CardPerson>>();
  for (const a of ix.snapshot.allocations) {
    if (a.week < from || a.week > to) continue;
    let people = byRequest.get(a.requestRef);
    if (!people) byRequest.set(a.requestRef, (people = new Map()));
    let p = people.get(a.specialistRef);
    if (!p) {
      const s = ix.specialistByRef.get(a.specialistRef)!;
      people.set(a.specialistRef, (p = { specialistRef: s.ref, specialistId: s.id, name: s.name, minutes: 0, tentativeMinutes: 0 }));
    }
    p.minutes += a.minutes;
    if (a.status === 'tentative') p.tentativeMinutes += a.minutes;
  }
  const out = new Map<number, CardPerson[]>();
  for (const [ref, people] of byRequest) out.set(ref, [...people.values()].sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)));
  return out;
}

function card(ix: PlanIndex, r: EngineRequest, weeks: string[], people: CardPerson[], flagCount: number): RequestCard {
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
      .map((week) => ({ week, served: ix.served.get(loadKey(l.ref, week)) ?? 0, demanded: l.minutesPerWeek })),
  }));
  const cost = ix.requestCost.get(r.ref) ?? 0;
  return {
    ref: r.ref,
    id: r.id,
    title: r.title,
    stage: r.stage,
    service: null,
    requester: null,
    priority: 'medium' as Priority,
    status: r.status,
    startWeek: r.startWeek,
    endWeek: r.endWeek,
    budgetMinor: r.budgetMinor,
    costMinor: cost,
    budgetState: budgetState(cost, r.budgetMinor),
    staffing: staffing(ix, r),
    demand,
    people,
    flagCount,
  };
}

/** Staffing progress is derived from coverage of every demanded week, never stored. */
function staffing(ix: PlanIndex, r: EngineRequest): RequestCard['staffing'] {
  const lines = ix.demandLinesByRequest.get(r.ref) ?? [];
  if (lines.length === 0) return 'no demand';
  let demanded = 0;
  let covered = 0;
  let any = false;
  for (const l of lines) {
    for (const week of weekRange(l.startWeek, l.endWeek)) {
      const got = ix.served.get(loadKey(l.ref, week)) ?? 0;
      demanded++;
      if (got >= l.minutesPerWeek) covered++;
      if (got > 0) any = true;
    }
  }
  if (covered === demanded) return 'staffed';
  return any ? 'partly staffed' : 'unstaffed';
}

/** What a card shows beyond the engine's view of a request. */
function requestDetails(db: Db): Map<number, Pick<RequestCard, 'service' | 'requester' | 'priority'>> {
  const rows = db.prepare('SELECT id, service, requester, priority FROM requests').raw().all() as [number, string | null, string | null, Priority][];
  return new Map(rows.map(([ref, service, requester, priority]) => [ref, { service, requester, priority }]));
}
