import { useId } from 'react';
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

export function Lane({ stage }: { stage: Stage }) {
  const ids = useLaneIds(stage);
  const filtered = useStore((s) => s.laneIds[stage].length !== ids.length);
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
          {ids.map((id) => (
            <li key={id}>
              <RequestCardView id={id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
