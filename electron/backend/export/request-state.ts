import { ApiError } from '../../../shared/api/errors';
import { cmpName, cmpText, type EngineRequest } from '../../../shared/domain';
import type { ExchangeRequest } from '../../../shared/exchange/request-model';
import type { PlanSession } from '../plan-session';

/** The request of a ref, or a not-found error naming it. */
export function requestOf(s: PlanSession, ref: number): EngineRequest {
  const r = s.index().requestByRef.get(ref);
  if (!r) throw new ApiError('not-found', `There is no request ${ref} in this plan (it may have been deleted).`);
  return r;
}

/** A request's ref by its id (the organisation's own key, as files and the CLI name it). */
export function requestRefById(s: PlanSession, id: string): number | null {
  for (const r of s.index().requestByRef.values()) if (r.id === id) return r.ref;
  return null;
}

/**
 * A request as the plan holds it now, in the form exchange files are compared in: what an
 * export writes, and what an import's differences are measured against.
 */
export function currentRequest(s: PlanSession, ref: number): ExchangeRequest {
  const ix = s.index();
  const r = requestOf(s, ref);
  const details = s.requestDetails().get(ref);
  const row = s.db.prepare('SELECT notes FROM requests WHERE id = ?').get(ref) as { notes: string | null } | undefined;
  const lines = [...(ix.demandLinesByRequest.get(ref) ?? [])]
    .sort((a, b) => cmpText(a.startWeek, b.startWeek) || cmpName(a.skillName, b.skillName))
    .map((l) => ({
      ref: l.ref,
      skill: l.skillName,
      minLevel: l.minLevel,
      minutesPerWeek: l.minutesPerWeek,
      startWeek: l.startWeek,
      endWeek: l.endWeek,
    }));
  return {
    id: r.id,
    title: r.title,
    stage: r.stage,
    service: details?.service ?? null,
    requester: details?.requester ?? null,
    priority: details?.priority ?? 'medium',
    status: r.status,
    startWeek: r.startWeek,
    endWeek: r.endWeek,
    budgetMinor: r.budgetMinor,
    notes: row?.notes ?? null,
    lines,
  };
}
