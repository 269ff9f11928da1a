import { useDraggable } from '@dnd-kit/core';
import { memo, type ReactNode } from 'react';
import type { SpecialistWeek } from '../../../../shared/api';
import type { FitTier } from '../../../../shared/domain';
import { useStore } from '../../store';
import { LOAD_BAND_TEXT, hoursText, weekLoad, type WeekLoadView } from '../../model/format';
import { specialistDragId } from '../planning/drop-plan';

/**
 * One specialist. While a demand line is selected, `fit*` say where the specialist ranks
 * for it and why; they are plain values so the memo holds across unrelated changes.
 */
export const SpecialistRowView = memo(function SpecialistRowView(props: {
  id: string;
  fitRank?: number;
  fitTier?: FitTier;
  fitReason?: string;
}) {
  const { id, fitRank, fitTier, fitReason } = props;
  const s = useStore((st) => st.specialistsById[id]);
  const highlighted = useStore((st) => st.highlight?.specialistId === id);
  if (!s) return null;
  const skills = s.skills.map((k) => `${k.name} L${k.level}`).join(', ');
  const dense = s.weeks.length > 10;
  const ranked = fitRank !== undefined;

  return (
    <DraggableRow
      id={s.id}
      label={`${s.name}, ${s.department}${ranked ? `, fit ${fitRank}: ${fitReason}` : ''}`}
      className={`specialist-row${highlighted ? ' is-highlighted' : ''}${ranked ? ` is-ranked fit-${fitTier}` : ''}`}
      highlighted={highlighted}
    >
      <div className="specialist-who">
        <p className="specialist-name" title={s.role ? `${s.name} — ${s.role}` : s.name}>
          {ranked && (
            <span className="fit-rank" aria-hidden="true">
              {fitRank}
            </span>
          )}
          {s.name}
        </p>
        <p className="department" title={s.department}>
          {s.department}
        </p>
        <p className="skills" title={skills || 'No skills recorded'}>
          {s.skills.length === 0 ? (
            <span className="muted">No skills recorded</span>
          ) : (
            s.skills.map((k) => (
              <span key={k.name} className="skill">
                {k.name} <span className="skill-level">L{k.level}</span>
              </span>
            ))
          )}
        </p>
      </div>
      <ul
        className={`week-cells${dense ? ' dense' : ''}`}
        role="list"
        aria-label="Free hours per visible week"
        style={{ gridTemplateColumns: `repeat(${s.weeks.length}, minmax(0, 1fr))` }}
      >
        {s.weeks.map((w) => (
          <WeekBar key={w.week} week={w} />
        ))}
      </ul>
      {ranked && (
        <p className="fit-reason" data-testid="fit-reason" title={fitReason}>
          {fitReason}
        </p>
      )}
    </DraggableRow>
  );
});

/**
 * The draggable part. dnd-kit re-renders it when a drag starts or changes target; its
 * children come from the memoised row above, so they are not rendered again.
 */
function DraggableRow(props: { id: string; label: string; className: string; highlighted: boolean; children: ReactNode }) {
  const { id, label, className, highlighted, children } = props;
  const { setNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: specialistDragId(id),
    // A group, not a button: the week bars inside keep their own labels for screen readers.
    attributes: { role: 'group', roleDescription: 'draggable specialist' },
  });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={`${className}${isDragging ? ' is-dragging' : ''}`}
      data-testid="specialist-row"
      data-specialist-id={id}
      data-highlighted={highlighted || undefined}
      aria-label={label}
    >
      {children}
    </div>
  );
}

/** What fits under a 30px bar: free hours, the % when over, "off" when there is no capacity at all. */
function barText(load: WeekLoadView, capacity: number): string {
  if (load.band === 'none') return '–';
  if (load.band === 'over') return capacity === 0 ? 'off' : load.utilization;
  return hoursText(load.free);
}

function WeekBar({ week }: { week: SpecialistWeek }) {
  const load = weekLoad(week.allocated, week.capacity);
  const tentative = week.tentative > 0 ? `, ${hoursText(week.tentative)} h tentative` : '';
  const label =
    load.band === 'none'
      ? `${week.week}: no capacity`
      : `${week.week}: ${hoursText(load.free)} of ${hoursText(week.capacity)} h free, ${hoursText(week.allocated)} h allocated (${load.utilization})${tentative}, ${LOAD_BAND_TEXT[load.band]}`;
  return (
    <li className={`week-bar band-${load.band}`} title={label} aria-label={label} data-week={week.week}>
      <span className="bar-track" aria-hidden="true">
        <span className="bar-fill" style={{ height: `${Math.round(load.freeShare * 100)}%` }} />
      </span>
      <span className="bar-text" aria-hidden="true">
        {barText(load, week.capacity)}
      </span>
    </li>
  );
}
