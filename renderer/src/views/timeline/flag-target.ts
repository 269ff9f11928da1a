// Where a click on a flag leads while the timeline shows. The timeline has a row per
// specialist and nothing for a request, so a flag about a request (its cost, its unfilled
// demand, its being cancelled) opens the board at the request's card; a flag about a
// specialist stays here and scrolls to their row (Timeline.tsx).
import { addIsoWeeks, weeksBetween, type FlagKind } from '../../../../shared/domain';
import { MAX_VISIBLE_WEEKS, setWeeks, useStore, type AppState, type Highlight } from '../../store';
import { setMainView, timelineIndexOf } from '../../store/timeline';

/** Flags whose subject is the request as a whole, whoever else they name. */
const REQUEST_KINDS: ReadonlySet<FlagKind> = new Set<FlagKind>(['cost_overrun', 'cost_at_risk', 'unfilled_demand', 'inactive_request']);

/** True when the flag clicked is best shown on the board: about a request, or naming a specialist the timeline has no row for. */
export function flagOpensBoard(h: Highlight, s: AppState): boolean {
  if (h.requestId === null) return false;
  if (h.kind !== null && REQUEST_KINDS.has(h.kind)) return true;
  return h.specialistId === null || timelineIndexOf(s, h.specialistId) < 0;
}

/**
 * Switches to the board with the request's card in it. The board shows fewer weeks than the
 * timeline can, from the same first week; for a request starting after those, the board
 * takes the timeline's weeks that reach its start instead, so its card is there to scroll to.
 */
export async function openRequestOnBoard(requestId: string): Promise<void> {
  const { weeks, requestsById } = useStore.getState();
  const card = requestsById[requestId];
  const lastOnBoard = addIsoWeeks(weeks.from, MAX_VISIBLE_WEEKS - 1);
  if (card && weeksBetween(weeks.from, weeks.to) + 1 > MAX_VISIBLE_WEEKS && card.startWeek > lastOnBoard) {
    const reach = addIsoWeeks(card.startWeek, MAX_VISIBLE_WEEKS - 1);
    const to = reach < weeks.to ? reach : weeks.to;
    await setWeeks(addIsoWeeks(to, 1 - MAX_VISIBLE_WEEKS), to);
  }
  await setMainView('board');
}
