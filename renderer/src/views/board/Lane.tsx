import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Stage } from '../../../../shared/domain';
import { useStore } from '../../store';
import { countText } from '../../model/format';
import { filterCardIds } from '../../model/filters';
import { RequestCardView } from './RequestCard';

export const STAGE_TITLE: Record<Stage, string> = {
  design: 'Design',
  transition: 'Transition',
  operation: 'Operation',
};

/** The lane's cards that pass the board filters; the lane re-renders only when that list changes. */
export function useLaneIds(stage: Stage): readonly string[] {
  return useStore(useShallow((s) => filterCardIds(s.laneIds[stage], s.requestsById, s.boardFilters)));
}

/** Cards a lane renders at once: more than fill a tall window. */
export const FIRST_CARDS = 12;
/** Cards added per slice after those, so a click or key waits for one slice at most. */
export const CARDS_PER_SLICE = 24;

/**
 * How many of `ids` to render: the first few at once, then the rest a slice per task, so a
 * lane of hundreds of cards shows (and answers clicks) before it has all been built. Every
 * card ends up in the DOM, where a flag's card and the browser's find can reach it; `must`
 * (the highlighted card's position + 1) is rendered at once.
 */
function useGrowingCount(ids: readonly string[], must: number): number {
  const [grown, setGrown] = useState({ ids, count: FIRST_CARDS });
  const count = Math.min(ids.length, Math.max(grown.ids === ids ? grown.count : FIRST_CARDS, must));
  useEffect(() => {
    if (count >= ids.length) return;
    // After the next frame, so the cards so far are painted first (back-to-back timers kept
    // the browser from painting at all); a timer rather than idle time, which a busy machine may never have.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setGrown({ ids, count: count + CARDS_PER_SLICE }))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ids, count]);
  return count;
}

export function Lane({ stage }: { stage: Stage }) {
  const ids = useLaneIds(stage);
  const filtered = useStore((s) => s.laneIds[stage].length !== ids.length);
  const highlighted = useStore((s) => (s.highlight?.requestId ? ids.indexOf(s.highlight.requestId) + 1 : 0));
  const count = useGrowingCount(ids, highlighted);
  const headingId = useId();
  return (
    <section className={`lane lane-${stage}`} data-testid={`lane-${stage}`} data-stage={stage} aria-labelledby={headingId}>
      <h3 id={headingId} className="lane-heading">
        <span>{STAGE_TITLE[stage]}</span>
        <span className="lane-count" aria-label={`${ids.length} requests`}>
          {countText(ids.length)}
        </span>
      </h3>
      {ids.length === 0 ? (
        <p className="empty-note">
          {filtered ? 'No request here matches the filters.' : `No ${STAGE_TITLE[stage].toLowerCase()} requests in these weeks.`}
        </p>
      ) : (
        <ul className="lane-cards" role="list">
          {(count < ids.length ? ids.slice(0, count) : ids).map((id) => (
            <li key={id}>
              <RequestCardView id={id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
