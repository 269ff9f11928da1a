// What dropping a specialist on a card or demand line would do, from what the store holds:
// the preview while hovering, the announcement, and the editor's defaults all read this,
// so they always agree. The rules themselves are in shared/domain/planning, the wording in
// model/planning-text.
import type { AllocationStatus } from '../../../../shared/domain';
import type { DemandCoverage, RequestCard, SpecialistRow } from '../../../../shared/api';
import {
  defaultAllocationStatus,
  defaultMinutesPerWeek,
  dropEffect,
  mergeAllocationMinutes,
  overlapWeeks,
  weekRange,
  type DropEffect,
  type IsoWeek,
} from '../../../../shared/domain';
import { allocationOverWeekText } from '../../../../shared/format';
import { dropEffectText, dropPreviewText, dropTargetText } from '../../model/planning-text';
import type { AppState } from '../../store';

export type DropTarget = { kind: 'card'; requestId: string } | { kind: 'line'; requestId: string; lineRef: number };

/** What each droppable carries in dnd-kit's `data`, read by the keyboard sensor and the drop. */
export interface DropData {
  target: DropTarget;
  stage: string;
}

export const SPECIALIST_DRAG_PREFIX = 'specialist:';
export const specialistDragId = (specialistId: string): string => `${SPECIALIST_DRAG_PREFIX}${specialistId}`;
export const specialistIdOfDrag = (dragId: string | number): string | null => {
  const id = String(dragId);
  return id.startsWith(SPECIALIST_DRAG_PREFIX) ? id.slice(SPECIALIST_DRAG_PREFIX.length) : null;
};
export const dropId = (t: DropTarget): string => (t.kind === 'card' ? `card:${t.requestId}` : `line:${t.requestId}:${t.lineRef}`);

export interface DropPlan {
  specialist: SpecialistRow;
  card: RequestCard;
  line: DemandCoverage | null;
  /** The default week range, both included. */
  from: IsoWeek;
  to: IsoWeek;
  minutesPerWeek: number;
  status: AllocationStatus;
  effect: DropEffect | null;
  /** "REQ-201 PostgreSQL L3+" */
  targetText: string;
}

type PlanState = Pick<AppState, 'specialistsById' | 'requestsById' | 'weeks'>;

export function planDrop(s: PlanState, specialistId: string, target: DropTarget): DropPlan | null {
  const specialist = s.specialistsById[specialistId];
  const card = s.requestsById[target.requestId];
  if (!specialist || !card) return null;
  const line = target.kind === 'line' ? (card.demand.find((l) => l.ref === target.lineRef) ?? null) : null;
  const visible = { from: s.weeks.from, to: s.weeks.to };
  const request = { from: card.startWeek, to: card.endWeek };
  // The demand's weeks inside the visible range; a line wholly out of view falls back to the request's.
  const range = (line && overlapWeeks({ from: line.startWeek, to: line.endWeek }, visible)) ?? overlapWeeks(request, visible) ?? visible;
  const weeks = weekRange(range.from, range.to);
  const minutesPerWeek = defaultMinutesPerWeek(specialist, weeks, line);
  return {
    specialist,
    card,
    line,
    from: range.from,
    to: range.to,
    minutesPerWeek,
    status: defaultAllocationStatus(card.status),
    effect: dropEffect(specialist, weeks, minutesPerWeek),
    targetText: dropTargetText(card.id, line),
  };
}

/** "Ana: 44 of 40 h in W49, over" */
export const previewText = (p: DropPlan): string => dropPreviewText(p.specialist.name, p.effect);

/** "Ana Souza is over REQ-201 PostgreSQL L3+: 44 of 40 h in W48, over" */
export function overAnnouncement(p: DropPlan): string {
  return `${p.specialist.name} is over ${p.targetText}: ${p.effect ? dropEffectText(p.effect) : 'no visible weeks to judge'}.`;
}

/**
 * Why `minutes` more per week cannot join what the specialist already has on the request
 * (the domain's merge rule, as the backend applies it), judged from the timeline row when
 * one is loaded; null when they fit or nothing loaded says otherwise.
 */
export function joinProblem(
  s: Pick<AppState, 'timelineRowsByRef'>,
  plan: Pick<DropPlan, 'specialist' | 'card'>,
  weeks: readonly IsoWeek[],
  minutes: number,
): string | null {
  const row = s.timelineRowsByRef[plan.specialist.ref];
  if (!row) return null;
  const wanted = new Set(weeks);
  for (const cell of row.cells) {
    const existing = wanted.has(cell.week) ? cell.chips.find((c) => c.requestRef === plan.card.ref) : undefined;
    if (!existing) continue;
    const merged = mergeAllocationMinutes(existing.minutes, minutes);
    if (!merged.ok) {
      const where = { specialist: plan.specialist.name, requestId: plan.card.id, week: cell.week };
      return allocationOverWeekText({ ...where, existing: existing.minutes, added: minutes, max: merged.max });
    }
  }
  return null;
}
