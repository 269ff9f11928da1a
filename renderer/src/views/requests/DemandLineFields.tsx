import { useId } from 'react';
import type { SkillInfo } from '../../../../shared/api';
import { MAX_TITLE_LENGTH, skillKey } from '../../../../shared/domain';
import { LEVEL_NAMES, lineKey, type LineForm } from '../../model/request-form';
import { Field } from './Field';

type LineField = 'skill' | 'minLevel' | 'minutesPerWeek' | 'startWeek' | 'endWeek';

/** The demand lines: skill (the plan's or a new one), minimum level, hours per week and weeks. */
export function DemandLineFields({
  lines,
  skills,
  errorOf,
  disabled,
  onChange,
  onRemove,
  onAdd,
}: {
  lines: readonly LineForm[];
  skills: readonly SkillInfo[];
  errorOf: (key: string) => string | undefined;
  disabled: boolean;
  onChange: (index: number, patch: Partial<LineForm>, field: LineField) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
}) {
  const headingId = useId();
  const skillListId = useId();
  const known = new Set(skills.map((s) => skillKey(s.name)));
  return (
    <section className="rq-lines" aria-labelledby={headingId}>
      <h3 id={headingId}>Demand lines</h3>
      <datalist id={skillListId}>
        {skills.map((s) => (
          <option key={s.name} value={s.name}>
            {s.category ? `${s.category} · ` : ''}
            {s.holders === 1 ? '1 specialist' : `${s.holders} specialists`}
          </option>
        ))}
      </datalist>
      {lines.length === 0 && <p className="rq-hint">No demand lines: the request is staffed by hand, and shows its allocated hours.</p>}
      <ol className="rq-line-list">
        {lines.map((line, i) => {
          const err = (f: LineField) => errorOf(lineKey(i, f));
          const isNew = line.skill.trim() !== '' && skills.length > 0 && !known.has(skillKey(line.skill));
          return (
            <li key={line.key} className="rq-line" data-testid="demand-line-fields">
              <fieldset disabled={disabled}>
                <legend>Demand line {i + 1}</legend>
                <Field
                  label="Skill"
                  className="rq-line-skill"
                  error={err('skill')}
                  errorKey={lineKey(i, 'skill')}
                  hint={isNew ? 'A new skill: saving adds it to the plan.' : undefined}
                >
                  {(c) => (
                    <input
                      {...c}
                      list={skillListId}
                      autoComplete="off"
                      maxLength={MAX_TITLE_LENGTH}
                      value={line.skill}
                      onChange={(e) => onChange(i, { skill: e.target.value }, 'skill')}
                    />
                  )}
                </Field>
                <Field label="Minimum level" error={err('minLevel')} errorKey={lineKey(i, 'minLevel')}>
                  {(c) => (
                    <select {...c} value={line.minLevel} onChange={(e) => onChange(i, { minLevel: Number(e.target.value) }, 'minLevel')}>
                      {[1, 2, 3, 4, 5].map((l) => (
                        <option key={l} value={l}>
                          {l} {LEVEL_NAMES[l]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  label="Hours per week"
                  className="rq-line-hours"
                  error={err('minutesPerWeek')}
                  errorKey={lineKey(i, 'minutesPerWeek')}
                >
                  {(c) => (
                    <input
                      {...c}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="16"
                      value={line.hours}
                      onChange={(e) => onChange(i, { hours: e.target.value }, 'minutesPerWeek')}
                    />
                  )}
                </Field>
                <Field label="Start week" error={err('startWeek')} errorKey={lineKey(i, 'startWeek')}>
                  {(c) => (
                    <input
                      {...c}
                      type="week"
                      placeholder="YYYY-Www"
                      value={line.startWeek}
                      onChange={(e) => onChange(i, { startWeek: e.target.value }, 'startWeek')}
                    />
                  )}
                </Field>
                <Field label="End week" error={err('endWeek')} errorKey={lineKey(i, 'endWeek')}>
                  {(c) => (
                    <input
                      {...c}
                      type="week"
                      placeholder="YYYY-Www"
                      value={line.endWeek}
                      onChange={(e) => onChange(i, { endWeek: e.target.value }, 'endWeek')}
                    />
                  )}
                </Field>
                <button type="button" className="rq-remove" aria-label={`Remove demand line ${i + 1}`} onClick={() => onRemove(i)}>
                  Remove
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" data-testid="add-demand-line" disabled={disabled} onClick={onAdd}>
        Add demand line
      </button>
    </section>
  );
}
