import type { DemandLineDetail, RequestDetail, RequestRow, RequestsList, SkillInfo, StaffingReceived } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import { allowedTransitions, cmpName, cmpText, weekRange, type EngineRequest } from '../../../shared/domain';
import type { StaffingSummaryFile } from '../../../shared/exchange';
import { thisWeek } from '../clock';
import type { PlanSession } from '../plan-session';
import { requireSession, type BackendContext } from '../handlers/context';
import { requestSummary } from '../handlers/board';
import { readAudit } from './audit';

function row(s: PlanSession, r: EngineRequest): RequestRow {
  const ix = s.index();
  let allocated = 0;
  for (const a of ix.allocationsOfRequest(r.ref)) allocated += a.minutes;
  return {
    ...requestSummary(ix, r, s.requestDetails().get(r.ref)!),
    allocatedMinutes: allocated,
    demandLines: ix.demandLinesByRequest.get(r.ref)?.length ?? 0,
  };
}

export function listRequests(ctx: BackendContext): RequestsList {
  const s = requireSession(ctx);
  const requests = s.index().snapshot.requests.map((r) => row(s, r));
  requests.sort((a, b) => cmpText(a.id, b.id));
  return { currency: s.meta.currency, minorDigits: s.meta.minorDigits, currentWeek: thisWeek(ctx.clock), requests };
}

export function requestDetail(ctx: BackendContext, ref: number): RequestDetail {
  const s = requireSession(ctx);
  const ix = s.index();
  const r = ix.requestByRef.get(ref);
  if (!r) throw new ApiError('not-found', `There is no request with ref ${ref}.`);
  const extra = s.db
    .prepare('SELECT notes, rejection_reason, closed_week, staffing_received, staffing_received_at FROM requests WHERE id = ?')
    .get(ref) as {
    notes: string | null;
    rejection_reason: string | null;
    closed_week: string | null;
    staffing_received: string | null;
    staffing_received_at: string | null;
  };
  const week = thisWeek(ctx.clock);
  const lines: DemandLineDetail[] = (ix.demandLinesByRequest.get(ref) ?? []).map((l) => {
    let served = 0;
    let demanded = 0;
    for (const w of weekRange(l.startWeek, l.endWeek)) {
      demanded += l.minutesPerWeek;
      served += Math.min(l.minutesPerWeek, ix.servedOf(l.ref, w));
    }
    return {
      ref: l.ref,
      skill: l.skillName,
      minLevel: l.minLevel,
      minutesPerWeek: l.minutesPerWeek,
      startWeek: l.startWeek,
      endWeek: l.endWeek,
      demandedMinutes: demanded,
      servedMinutes: served,
    };
  });
  let after = 0;
  for (const a of ix.allocationsOfRequest(ref)) if (a.week > week) after++;
  let received: StaffingReceived | null = null;
  if (extra.staffing_received !== null) {
    const summary = JSON.parse(extra.staffing_received) as StaffingSummaryFile;
    received = { receivedAt: extra.staffing_received_at ?? summary.exported_at, exportedAt: summary.exported_at, summary };
  }
  return {
    ...row(s, r),
    notes: extra.notes,
    rejectionReason: extra.rejection_reason,
    closedWeek: extra.closed_week,
    currency: s.meta.currency,
    minorDigits: s.meta.minorDigits,
    currentWeek: week,
    lines,
    allowed: [...allowedTransitions(r.status)],
    history: readAudit(s.db, ref),
    staffingReceived: received,
    allocationsAfterCurrentWeek: after,
  };
}

export function listSkills(ctx: BackendContext): { skills: SkillInfo[] } {
  const s = requireSession(ctx);
  const rows = s.db
    .prepare(
      `SELECT k.name, k.category, count(s.id) AS holders
         FROM skills k
         LEFT JOIN specialist_skills ss ON ss.skill_id = k.id
         LEFT JOIN specialists s ON s.id = ss.specialist_id AND s.active = 1
        GROUP BY k.id`,
    )
    .all() as SkillInfo[];
  return { skills: rows.sort((a, b) => cmpName(a.name, b.name)) };
}
