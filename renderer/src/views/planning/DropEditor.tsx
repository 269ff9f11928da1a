// The small editor a drop opens: hours per week, weeks, confirmed or tentative. Enter
// saves, Escape cancels. Hours are parsed by the shared rule (2 decimals at most), and the
// save goes through runChange, which patches the screen from what the plan file now holds.
// Before anything is saved it says what the drop does: the specialist's fullest week, the
// request's cost against its budget, how many weeks it writes and which of them fall
// outside the request (the issue: 104 weeks saved on a 3-week request, with no warning).
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  dropEffect,
  dropWeeksLimit,
  defaultDropWeeks,
  overlapWeeks,
  parseHours,
  tightestWeek,
  weekLabel,
  weekRange,
  weekSpanError,
  weeksOutsideRequest,
  CARD_DROP_MINUTES,
  type AllocationStatus,
  type IsoWeek,
} from '../../../../shared/domain';
import { MAX_VIEW_WEEKS } from '../../../../shared/api/operation';
import { dropCostTotalText, weeksOutsideText } from '../../../../shared/format';
import { hoursText } from '../../model/format';
import { checkAllocationHours } from '../../model/hours-input';
import { dropPreviewText, firstName, noFreeHoursText, weeksLimitText, weeksWrittenText } from '../../model/planning-text';
import { runChange } from '../../store/change';
import { useStore } from '../../store';
import { dialogKeyDown } from '../../components/dialog-keys';
import { WeekField } from '../../components/WeekField';
import { costOfDrop, costText, joinProblem, moneyOf, planDrop, type DropTarget } from './drop-plan';

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
  const parsed = parseHours(text);
  // A new assignment of 0 h would write nothing; the shared text speaks of editing one.
  if (parsed.ok && parsed.value === 0) return { problem: '0 h assigns nothing: enter the hours per week to assign, or Cancel.' };
  const checked = checkAllocationHours(text);
  return checked.ok ? { minutes: checked.minutes } : { problem: checked.error };
}

const weeksProblem = (from: string, to: string): string | null => weekSpanError(from, to, MAX_WEEKS);

interface Span {
  from: IsoWeek;
  to: IsoWeek;
}

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
  // Cost is judged against the request as it is now: another change may have moved it.
  const liveCard = useStore((s) => s.requestsById[drop.target.requestId]);
  const visibleFrom = useStore((s) => s.weeks.from);
  const visibleTo = useStore((s) => s.weeks.to);
  const timelineRow = useStore((s) => (plan ? s.timelineRowsByRef[plan.specialist.ref] : undefined));
  const money = useStore(useShallow(moneyOf));
  const hoursRef = useRef<HTMLInputElement>(null);
  const fromRef = useRef<HTMLInputElement>(null);
  const ids = {
    title: useId(),
    hours: useId(),
    hoursHint: useId(),
    hoursError: useId(),
    weeksError: useId(),
    weeksNote: useId(),
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
  const { line } = plan;
  const card = liveCard ?? plan.card;
  const who = plan.specialist.name;
  const visible: Span = { from: visibleFrom, to: visibleTo };

  const parsed = hoursProblem(hours);
  const spanOk = weeksProblem(from, to) === null;
  const weeks = spanOk ? weekRange(from, to) : [];
  const limit = dropWeeksLimit({ from, to }, card, visible);
  const maxWeeks = Math.min(limit.max, MAX_WEEKS);
  const tooMany = spanOk && weeks.length > maxWeeks;
  const outside = weeksOutsideRequest(weeks, card);
  const tight = specialist ? tightestWeek(specialist, weeks) : null;
  const minutes = 'minutes' in parsed ? parsed.minutes : null;
  const effect = minutes !== null && spanOk && specialist ? dropEffect(specialist, weeks, minutes) : null;
  const cost = minutes !== null && spanOk && specialist ? costOfDrop(timelineRow, specialist, card, weeks, minutes) : null;
  const costLine = cost && money ? costText({ cost, money }) : '';

  /** The weeks of the request among those chosen; the request's weeks in view when none are. */
  const clipped: Span = overlapWeeks({ from, to }, { from: card.startWeek, to: card.endWeek }) ?? defaultDropWeeks(card, null, visible);

  function weeksRefusal(): string | null {
    const w = weeksProblem(from, to);
    if (w) return w;
    return tooMany ? weeksLimitText({ ...limit, max: maxWeeks }, card) : null;
  }

  async function save(e?: FormEvent) {
    e?.preventDefault();
    if (saving) return;
    const h = hoursProblem(hours);
    const w = weeksRefusal();
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

  function clipToRequest() {
    setFrom(clipped.from);
    setTo(clipped.to);
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
            ) : tight && tight.free === 0 ? (
              <p id={ids.hoursHint} className="field-warning" data-testid="no-free-hours">
                {noFreeHoursText(who, tight.week)}.
              </p>
            ) : (
              <p id={ids.hoursHint} className="field-hint">
                {line
                  ? `Proposed: the lesser of the line's unfilled hours and ${firstName(who)}'s free hours`
                  : `Proposed: up to ${hoursText(CARD_DROP_MINUTES)} h, within ${firstName(who)}'s free hours`}
                {tight ? ` (least free: ${hoursText(tight.free)} h in ${weekLabel(tight.week)}).` : '.'}
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
                describedBy={problems.weeks ? ids.weeksError : ids.weeksNote}
                onChange={(week) => weekChanged(setFrom, week)}
              />
            </div>
            <div className="field">
              <WeekField
                label="To week"
                name="to"
                value={to}
                invalid={!!problems.weeks}
                describedBy={problems.weeks ? ids.weeksError : ids.weeksNote}
                onChange={(week) => weekChanged(setTo, week)}
              />
            </div>
          </div>
          {problems.weeks ? (
            <p id={ids.weeksError} className="field-error" role="alert">
              {problems.weeks}
            </p>
          ) : (
            <div id={ids.weeksNote} className="drop-editor-weeks" data-testid="drop-weeks">
              {tooMany ? (
                <p className="field-warning">{weeksLimitText({ ...limit, max: maxWeeks }, card)}</p>
              ) : (
                spanOk && <p className="field-hint">{weeksWrittenText(weeks)}.</p>
              )}
              {outside.length > 0 && (
                <p className="field-warning" data-testid="weeks-outside">
                  {weeksOutsideText(outside.length, weeks.length, card)}.{' '}
                  <button type="button" className="link-button" onClick={clipToRequest}>
                    Clip to {clipped.from}..{clipped.to}
                  </button>
                </p>
              )}
            </div>
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
            {effect ? `After saving: ${dropPreviewText(who, effect)}${costLine ? ` · ${costLine}` : ''}` : ' '}
          </p>
          {cost && money && (
            <p className={`drop-editor-cost budget-${cost.state}`} data-testid="drop-cost">
              {card.id} then costs {dropCostTotalText(cost, money)}
              {cost.state === 'overrun' ? ', over budget' : cost.state === 'at_risk' ? ', at risk' : ''}.
            </p>
          )}

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
