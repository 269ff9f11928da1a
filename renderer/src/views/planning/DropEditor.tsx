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
  const dialogRef = useRef<HTMLDivElement>(null);
  const ids = {
    title: useId(),
    hours: useId(),
    hoursHint: useId(),
    hoursError: useId(),
    from: useId(),
    to: useId(),
    weeksError: useId(),
    preview: useId(),
  };

  useEffect(() => {
    if (!plan) {
      onClose(drop);
      return;
    }
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

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (!saving) onClose(drop);
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      // Enter saves from any field, the radio buttons included.
      e.preventDefault();
      void save();
    } else if (e.key === 'Tab') {
      trapFocus(e, dialogRef.current);
    } else if ((e.ctrlKey || e.metaKey) && /^[zy]$/i.test(e.key) && e.target instanceof HTMLButtonElement) {
      // Undo belongs to the plan, not to an editor that has saved nothing yet.
      e.preventDefault();
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !saving && onClose(drop)}>
      <div
        ref={dialogRef}
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
              <label htmlFor={ids.from}>From week</label>
              <input
                ref={fromRef}
                id={ids.from}
                name="from"
                type="week"
                value={from}
                aria-invalid={problems.weeks ? true : undefined}
                aria-describedby={problems.weeks ? ids.weeksError : undefined}
                onChange={(e) => {
                  setFrom(e.target.value);
                  if (problems.weeks) setProblems((p) => ({ ...p, weeks: undefined }));
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.to}>To week</label>
              <input
                id={ids.to}
                name="to"
                type="week"
                value={to}
                aria-invalid={problems.weeks ? true : undefined}
                aria-describedby={problems.weeks ? ids.weeksError : undefined}
                onChange={(e) => {
                  setTo(e.target.value);
                  if (problems.weeks) setProblems((p) => ({ ...p, weeks: undefined }));
                }}
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

function trapFocus(e: KeyboardEvent, root: HTMLElement | null): void {
  if (!root) return;
  const focusable = [...root.querySelectorAll<HTMLElement>('input, button, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !(el as HTMLInputElement).disabled && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
  if (focusable.length === 0) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
