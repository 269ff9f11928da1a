import { memo } from 'react';
import type { SpecialistWeek } from '../../../../shared/api';
import { useStore } from '../../store';
import { LOAD_BAND_TEXT, hoursText, weekLoad, type WeekLoadView } from '../../model/format';

export const SpecialistRowView = memo(function SpecialistRowView({ id }: { id: string }) {
  const s = useStore((st) => st.specialistsById[id]);
  const highlighted = useStore((st) => st.highlight?.specialistId === id);
  if (!s) return null;
  const skills = s.skills.map((k) => `${k.name} L${k.level}`).join(', ');
  const dense = s.weeks.length > 10;

  return (
    <div
      className={`specialist-row${highlighted ? ' is-highlighted' : ''}`}
      data-testid="specialist-row"
      data-specialist-id={s.id}
      data-highlighted={highlighted || undefined}
      // Focusable now for reading with the keyboard, later for picking up to drag.
      tabIndex={0}
      role="group"
      aria-label={`${s.name}, ${s.department}`}
    >
      <div className="specialist-who">
        <p className="specialist-name" title={s.role ? `${s.name} — ${s.role}` : s.name}>
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
    </div>
  );
});

/** What fits under a 30px bar: free hours, the % when over, "off" when there is no capacity at all. */
function barText(load: WeekLoadView, capacity: number): string {
  if (load.band === 'none') return '–';
  if (load.band === 'over') return capacity === 0 ? 'off' : load.utilization;
  return hoursText(load.free);
}

function WeekBar({ week }: { week: SpecialistWeek }) {
  const load = weekLoad(week.allocated, week.capacity);
  const over = load.band === 'over';
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
