import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { goToThisWeek, setWeeks, shiftWeeks, useStore, weekRangeError } from '../../store';
import { weekDatesText } from '../../model/format';
import { weekError } from '../../../../shared/domain';
import { WeekField } from '../../components/WeekField';

/** Typing a year in a week field passes through years like 0002; wait for the user to pause. */
const COMMIT_DELAY_MS = 500;

export function WeekRangePicker() {
  const { from, to, count } = useStore(useShallow((s) => ({ from: s.weeks.from, to: s.weeks.to, count: s.weeks.list.length })));
  const [draftFrom, setDraftFrom] = useState(from);
  const [draftTo, setDraftTo] = useState(to);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const problemId = useId();

  // The store is the truth: buttons and push events move the weeks too, and the fields follow.
  const [shown, setShown] = useState({ from, to });
  if (shown.from !== from || shown.to !== to) {
    setShown({ from, to });
    setDraftFrom(from);
    setDraftTo(to);
  }

  useEffect(() => () => cancel(), []);

  function cancel() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  async function commit(nextFrom: string, nextTo: string) {
    cancel();
    const refused = await setWeeks(nextFrom, nextTo);
    setProblem(refused);
  }

  function changed(nextFrom: string, nextTo: string) {
    setDraftFrom(nextFrom);
    setDraftTo(nextTo);
    cancel();
    // An empty field is the browser saying "not a whole week yet": wait for the rest.
    if (!nextFrom || !nextTo || weekError(nextFrom) || weekError(nextTo)) return;
    const refused = weekRangeError(nextFrom, nextTo);
    setProblem(refused);
    if (!refused) timer.current = setTimeout(() => void commit(nextFrom, nextTo), COMMIT_DELAY_MS);
  }

  /** Leaving a field with a whole, valid range shows it without waiting for the delay. */
  function commitDraft() {
    if (!weekRangeError(draftFrom, draftTo)) void commit(draftFrom, draftTo);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void commit(draftFrom, draftTo);
  }

  async function run(action: () => Promise<string | null>) {
    cancel();
    setProblem(await action());
  }

  return (
    <form className="week-picker" onSubmit={submit} aria-label="Visible weeks">
      <div className="week-buttons" role="group" aria-label="Move the visible weeks">
        <button type="button" onClick={() => void run(() => shiftWeeks(-1))} aria-label="Previous week" title="Previous week">
          ‹
        </button>
        <button type="button" onClick={() => void run(() => goToThisWeek())}>
          This week
        </button>
        <button type="button" onClick={() => void run(() => shiftWeeks(1))} aria-label="Next week" title="Next week">
          ›
        </button>
      </div>
      <div className="week-fields">
        <WeekField
          label={
            <>
              From<span className="visually-hidden"> week</span>
            </>
          }
          name="from"
          data-testid="week-from"
          value={draftFrom}
          required
          invalid={problem?.startsWith('From') ?? false}
          describedBy={problem ? problemId : undefined}
          onChange={(week) => changed(week, draftTo)}
          onBlur={() => draftFrom !== from && commitDraft()}
        />
        <WeekField
          label={
            <>
              To<span className="visually-hidden"> week</span>
            </>
          }
          name="to"
          data-testid="week-to"
          value={draftTo}
          required
          invalid={problem?.startsWith('To') ?? false}
          describedBy={problem ? problemId : undefined}
          onChange={(week) => changed(draftFrom, week)}
          onBlur={() => draftTo !== to && commitDraft()}
        />
        {/* Enter in a field submits; a hidden submit button keeps that working in every browser. */}
        <button type="submit" className="visually-hidden" tabIndex={-1}>
          Show weeks
        </button>
      </div>
      <p className="week-summary">
        {weekDatesText(from, to)} · {count} {count === 1 ? 'week' : 'weeks'}
      </p>
      {problem && (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
