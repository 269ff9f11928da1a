// What dropping a specialist on a card or demand line would do, from what the store holds:
// the preview while hovering, the announcement, and the editor's defaults all read this,
// so they always agree. The rules themselves are in shared/domain/planning, the wording in
// shared/format/planning and model/planning-text.
import type { AllocationStatus } from '../../../../shared/domain';
import type { DemandCoverage, RequestCard, SpecialistRow, TimelineRow } from '../../../../shared/api';
import {
  defaultAllocationStatus,
  defaultDropWeeks,
  defaultMinutesPerWeek,
  dropCost,
  dropEffect,
  mergeAllocationMinutes,
  weekRange,
  type DropCost,
  type DropEffect,
  type IsoWeek,
} from '../../../../shared/domain';
import { allocationOverWeekText, dropCostText, type MoneyFormat } from '../../../../shared/format';
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
  /** What the default hours and weeks would cost the request. */
  cost: DropCost;
  /** The plan's currency; null while no plan is open. */
  money: MoneyFormat | null;
  /** "REQ-201 PostgreSQL L3+" */
  targetText: string;
}

type PlanState = Pick<AppState, 'specialistsById' | 'requestsById' | 'weeks' | 'plan' | 'timelineRowsByRef'>;

export function planDrop(s: PlanState, specialistId: string, target: DropTarget): DropPlan | null {
  const specialist = s.specialistsById[specialistId];
  const card = s.requestsById[target.requestId];
  if (!specialist || !card) return null;
  const line = target.kind === 'line' ? (card.demand.find((l) => l.ref === target.lineRef) ?? null) : null;
  const visible = { from: s.weeks.from, to: s.weeks.to };
  const range = defaultDropWeeks(card, line && { from: line.startWeek, to: line.endWeek }, visible);
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
    cost: costOfDrop(s.timelineRowsByRef[specialist.ref], specialist, card, weeks, minutesPerWeek),
    money: moneyOf(s),
    targetText: dropTargetText(card.id, line),
  };
}

export const moneyOf = (s: Pick<AppState, 'plan'>): MoneyFormat | null =>
  s.plan ? { currency: s.plan.currency, minorDigits: s.plan.minorDigits } : null;

/**
 * The domain's cost of a drop. Where the timeline has loaded the specialist's row, the
 * minutes they already have on the request in a week are known, and the merged
 * allocation's rounding is counted to the cent; elsewhere none are assumed.
 */
export function costOfDrop(
  row: TimelineRow | undefined,
  specialist: SpecialistRow,
  card: RequestCard,
  weeks: readonly IsoWeek[],
  minutesPerWeek: number,
): DropCost {
  const existing = new Map<IsoWeek, number>();
  for (const cell of row?.cells ?? []) {
    const chip = cell.chips.find((c) => c.requestRef === card.ref);
    if (chip) existing.set(cell.week, chip.minutes);
  }
  return dropCost(card, specialist.hourlyRateMinor, weeks, minutesPerWeek, (week) => existing.get(week) ?? 0);
}

/** "+1,280.00 EUR, 104% of budget"; empty while no plan is open. */
export const costText = (p: Pick<DropPlan, 'cost' | 'money'>): string => (p.money ? dropCostText(p.cost, p.money) : '');

/** The preview's two parts: "Ana: 44 of 40 h in W49, over" and "+1,280.00 EUR, 104% of budget" (empty without a plan). */
export const previewParts = (p: DropPlan): { load: string; cost: string } => ({
  load: dropPreviewText(p.specialist.name, p.effect),
  cost: costText(p),
});

/** "Ana Souza is over REQ-201 PostgreSQL L3+: 44 of 40 h in W48, over, +1,280.00 EUR, 104% of budget." */
export function overAnnouncement(p: DropPlan): string {
  const cost = costText(p);
  return `${p.specialist.name} is over ${p.targetText}: ${p.effect ? dropEffectText(p.effect) : 'no visible weeks to judge'}${cost ? `, ${cost}` : ''}.`;
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
