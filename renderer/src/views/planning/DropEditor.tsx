// The small editor a drop opens: hours per week, weeks, confirmed or tentative. Enter
// saves, Escape cancels. Hours are parsed by the shared rule (2 decimals at most), and the
// save goes through runChange, which patches the screen from what the plan file now holds.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { dropEffect, CARD_DROP_MINUTES, weekRange, weekSpanError, type AllocationStatus } from '../../../../shared/domain';
import { MAX_VIEW_WEEKS } from '../../../../shared/api/operation';
import { hoursText } from '../../model/format';
import { checkAllocationHours } from '../../model/hours-input';
import { dropPreviewText, firstName } from '../../model/planning-text';
import { runChange } from '../../store/change';
import { useStore } from '../../store';
import { dialogKeyDown } from '../../components/dialog-keys';
import { WeekField } from '../../components/WeekField';
import { joinProblem, planDrop, type DropTarget } from './drop-plan';

export interface PendingDrop {
  specialistId: string;
  target: DropTarget;
}

/** The API takes at most this many weeks in one assignment. */
const MAX_WEEKS = MAX_VIEW_WEEKS;

interface Problems {
  hours?: string;
  weeks?: string;
}

function hoursProblem(text: string): { minutes: number } | { problem: string } {
  const checked = checkAllocationHours(text);
  return checked.ok ? { minutes: checked.minutes } : { problem: checked.error };
}

const weeksProblem = (from: string, to: string): string | null => weekSpanError(from, to, MAX_WEEKS);

export function DropEditor({ drop, onClose }: { drop: PendingDrop; onClose: (drop: PendingDrop) => void }) {
  // Defaults are taken once, when the editor opens; the store may move on underneath.
  const [plan] = useState(() => planDrop(useStore.getState(), drop.specialistId, drop.target));
  const [hours, setHours] = useState(() => (plan ? hoursText(plan.minutesPerWeek) : ''));
  const [from, setFrom] = useState(plan?.from ?? '');
  const [to, setTo] = useState(plan?.to ?? '');
  const [status, setStatus] = useState<AllocationStatus>(plan?.status ?? 'confirmed');
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);
  const specialist = useStore((s) => s.specialistsById[drop.specialistId]);
  const hoursRef = useRef<HTMLInputElement>(null);
  const fromRef = useRef<HTMLInputElement>(null);
  const ids = {
    title: useId(),
    hours: useId(),
    hoursHint: useId(),
    hoursError: useId(),
    weeksError: useId(),
    preview: useId(),
  };

  // Nothing to assign (the specialist or the card is gone): close at once.
  useEffect(() => {
    if (!plan) onClose(drop);
  }, [plan, drop, onClose]);

  useEffect(() => {
    hoursRef.current?.focus();
    hoursRef.current?.select();
  }, []);

  if (!plan) return null;
  const { card, line } = plan;
  const who = plan.specialist.name;

  const parsed = hoursProblem(hours);
  const weeksOk = weeksProblem(from, to) === null;
  const effect = 'minutes' in parsed && weeksOk && specialist ? dropEffect(specialist, weekRange(from, to), parsed.minutes) : null;

  async function save(e?: FormEvent) {
    e?.preventDefault();
    if (saving) return;
    const h = hoursProblem(hours);
    const w = weeksProblem(from, to);
    const next: Problems = {};
    if ('problem' in h) next.hours = h.problem;
    else if (!w) next.hours = joinProblem(useStore.getState(), plan!, weekRange(from, to), h.minutes) ?? undefined;
    if (w) next.weeks = w;
    setProblems(next);
    if (next.hours) return hoursRef.current?.focus();
    if (next.weeks) return fromRef.current?.focus();
    if (!('minutes' in h)) return;
    setSaving(true);
    await runChange('allocations-assign', {
      specialistRef: plan!.specialist.ref,
      requestRef: card.ref,
      // A card drop names no line: the backend books the first line the specialist qualifies for.
      ...(line ? { demandLineRef: line.ref } : {}),
      weeks: weekRange(from, to),
      minutesPerWeek: h.minutes,
      status,
    });
    // A failed write is reported in the status line, and the screen is back to what is saved.
    onClose(drop);
  }

  function weekChanged(set: (week: string) => void, week: string) {
    set(week);
    if (problems.weeks) setProblems((p) => ({ ...p, weeks: undefined }));
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (dialogKeyDown(e, () => !saving && onClose(drop))) return;
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      // Enter saves from any field, the radio buttons included.
      e.preventDefault();
      void save();
    } else if ((e.ctrlKey || e.metaKey) && /^[zy]$/i.test(e.key) && e.target instanceof HTMLButtonElement) {
      // Undo belongs to the plan, not to an editor that has saved nothing yet.
      e.preventDefault();
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !saving && onClose(drop)}>
      <div
        className="drop-editor"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        data-testid="drop-editor"
        onKeyDown={onKeyDown}
      >
        <form onSubmit={(e) => void save(e)} noValidate>
          <h2 id={ids.title} className="drop-editor-title">
            Assign {who}
          </h2>
          <p className="drop-editor-target">
            to <strong>{card.id}</strong> {card.title}
            {line && (
              <>
                {' '}
                · {line.skill} L{line.minLevel}+ {hoursText(line.minutesPerWeek)} h/wk
              </>
            )}
          </p>

          <div className="field">
            <label htmlFor={ids.hours}>Hours per week</label>
            <input
              ref={hoursRef}
              id={ids.hours}
              name="hours"
              inputMode="decimal"
              autoComplete="off"
              value={hours}
              aria-invalid={problems.hours ? true : undefined}
              aria-describedby={problems.hours ? ids.hoursError : ids.hoursHint}
              onChange={(e) => {
                setHours(e.target.value);
                if (problems.hours) setProblems((p) => ({ ...p, hours: undefined }));
              }}
            />
            {problems.hours ? (
              <p id={ids.hoursError} className="field-error" role="alert">
                {problems.hours}
              </p>
            ) : (
              <p id={ids.hoursHint} className="field-hint">
                {line
                  ? `Proposed: the lesser of the line's unfilled hours and ${firstName(who)}'s free hours.`
                  : `Proposed: up to ${hoursText(CARD_DROP_MINUTES)} h, within ${firstName(who)}'s free hours.`}
              </p>
            )}
          </div>

          <div className="field-row">
            <div className="field">
              <WeekField
                label="From week"
                inputRef={fromRef}
                name="from"
                value={from}
                invalid={!!problems.weeks}
                describedBy={problems.weeks ? ids.weeksError : undefined}
                onChange={(week) => weekChanged(setFrom, week)}
              />
            </div>
            <div className="field">
              <WeekField
                label="To week"
                name="to"
                value={to}
                invalid={!!problems.weeks}
                describedBy={problems.weeks ? ids.weeksError : undefined}
                onChange={(week) => weekChanged(setTo, week)}
              />
            </div>
          </div>
          {problems.weeks && (
            <p id={ids.weeksError} className="field-error" role="alert">
              {problems.weeks}
            </p>
          )}

          <fieldset className="status-choice">
            <legend>Status</legend>
            {(['confirmed', 'tentative'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="status" value={value} checked={status === value} onChange={() => setStatus(value)} />
                {value === 'confirmed' ? 'Confirmed' : 'Tentative'}
              </label>
            ))}
          </fieldset>

          <p id={ids.preview} className={`drop-editor-preview drop-preview-${effect?.state ?? 'none'}`} role="status" aria-live="polite">
            {effect ? `After saving: ${dropPreviewText(who, effect)}` : ' '}
          </p>

          <div className="drop-editor-actions">
            <button type="button" onClick={() => onClose(drop)} disabled={saving}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
