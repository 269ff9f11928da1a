import { useId } from 'react';
import type { Stage } from '../../../../shared/domain';
import { useStore } from '../../store';
import { countText } from '../../model/format';
import { RequestCardView } from './RequestCard';

export const STAGE_TITLE: Record<Stage, string> = {
  design: 'Design',
  transition: 'Transition',
  operation: 'Operation',
};

export function Lane({ stage }: { stage: Stage }) {
  const ids = useStore((s) => s.laneIds[stage]);
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
        <p className="empty-note">No {STAGE_TITLE[stage].toLowerCase()} requests in these weeks.</p>
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
