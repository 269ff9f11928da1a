import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { STAGES, currentWeek, addIsoWeeks, weekError, weeksBetween, type Stage } from '../../../../shared/domain';
import { WeekField } from '../../components/WeekField';
import { weekDatesText } from '../../model/format';
import { reportsRangeError, setReportsFilter, setReportsSpan, shiftReportsRange, toggleReportsStage } from '../../store';
import type { ReportsFilter } from '../../store';
import { STAGE_TITLE } from '../board/Lane';
import { DepartmentPicker } from './DepartmentPicker';

/** Typing a year in a week field passes through years like 0002; wait for the user to pause (as the header's picker does). */
const COMMIT_DELAY_MS = 500;
/** Spans offered beside the fields: a month, a quarter, half a year, a year. */
export const REPORT_SPANS = [4, 13, 26, 52] as const;

/** Weeks, departments and stages of the reports: every section and every export follows them. */
export function ReportFilters({ filter, departments }: { filter: ReportsFilter; departments: readonly string[] }) {
  return (
    <div className="rp-filters" role="group" aria-label="What the reports cover">
      <ReportWeeks from={filter.from} to={filter.to} />
      <DepartmentPicker all={departments} chosen={filter.departments} />
      <StagePicker chosen={filter.stages} />
    </div>
  );
}

function ReportWeeks({ from, to }: { from: string; to: string }) {
  const [draft, setDraft] = useState({ from, to });
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const problemId = useId();
  const count = weeksBetween(from, to) + 1;
  // A problem names its field ("From: ..."); one about the range as a whole marks both.
  const invalid = (field: 'From' | 'To') => problem !== null && (problem.startsWith(field) || !/^(From|To):/.test(problem));

  // The store is the truth: the span and shift buttons move the weeks too, and the fields follow.
  const [shown, setShown] = useState({ from, to });
  if (shown.from !== from || shown.to !== to) {
    setShown({ from, to });
    setDraft({ from, to });
  }

  useEffect(() => () => cancel(), []);

  function cancel() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  function commit(next: { from: string; to: string }) {
    cancel();
    setProblem(setReportsFilter(next));
  }

  function changed(next: { from: string; to: string }) {
    setDraft(next);
    cancel();
    // An empty field is the browser saying "not a whole week yet": wait for the rest.
    if (!next.from || !next.to || weekError(next.from) || weekError(next.to)) return;
    const refused = reportsRangeError(next.from, next.to);
    setProblem(refused);
    if (!refused) timer.current = setTimeout(() => commit(next), COMMIT_DELAY_MS);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    commit(draft);
  }

  const run = (action: () => string | null) => {
    cancel();
    setProblem(action());
  };

  return (
    <form className="rp-weeks" onSubmit={submit} aria-label="Report weeks">
      <div className="rp-week-fields">
        <WeekField
          label="From week"
          name="from"
          data-testid="reports-from"
          value={draft.from}
          required
          invalid={invalid('From')}
          describedBy={problem ? problemId : undefined}
          onChange={(week) => changed({ ...draft, from: week })}
          onBlur={() => draft.from !== from && !reportsRangeError(draft.from, draft.to) && commit(draft)}
        />
        <WeekField
          label="To week"
          name="to"
          data-testid="reports-to"
          value={draft.to}
          required
          invalid={invalid('To')}
          describedBy={problem ? problemId : undefined}
          onChange={(week) => changed({ ...draft, to: week })}
          onBlur={() => draft.to !== to && !reportsRangeError(draft.from, draft.to) && commit(draft)}
        />
        {/* Enter in a field submits; a hidden submit button keeps that working in every browser. */}
        <button type="submit" className="visually-hidden" tabIndex={-1}>
          Show these weeks
        </button>
      </div>
      <div className="rp-week-buttons" role="group" aria-label="Move or size the report weeks">
        <button
          type="button"
          aria-label={`${count} weeks earlier`}
          title={`${count} weeks earlier`}
          onClick={() => run(() => shiftReportsRange(-1))}
        >
          ‹
        </button>
        <button
          type="button"
          data-testid="reports-this-week"
          onClick={() => run(() => setReportsFilter({ from: currentWeek(), to: addIsoWeeks(currentWeek(), count - 1) }))}
        >
          From this week
        </button>
        <button
          type="button"
          aria-label={`${count} weeks later`}
          title={`${count} weeks later`}
          onClick={() => run(() => shiftReportsRange(1))}
        >
          ›
        </button>
        {REPORT_SPANS.map((n) => (
          <button
            key={n}
            type="button"
            className="rp-span"
            data-testid={`reports-span-${n}`}
            aria-pressed={count === n}
            onClick={() => run(() => setReportsSpan(n))}
          >
            {n} wk
          </button>
        ))}
      </div>
      <p className="rp-week-summary">
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

/** Stages shown in the cost and skill sections; all ticked = every stage. One stays ticked. */
function StagePicker({ chosen }: { chosen: readonly Stage[] }) {
  const shown = chosen.length === 0 ? STAGES : chosen;
  return (
    <fieldset className="rp-stages">
      <legend>Stages</legend>
      {STAGES.map((stage) => {
        const on = shown.includes(stage);
        return (
          <label key={stage} className="rp-check">
            <input
              type="checkbox"
              data-testid={`reports-stage-${stage}`}
              checked={on}
              // The last one ticked stays: no stage at all would show nothing.
              disabled={on && shown.length === 1}
              onChange={() => toggleReportsStage(stage)}
            />
            {STAGE_TITLE[stage]}
          </label>
        );
      })}
    </fieldset>
  );
}
