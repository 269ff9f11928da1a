// The chip's menu: hours, split to another week, move to another request, tentative or
// confirmed, delete. A small dialog beside the chip; Escape closes it, focus goes back.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { TimelineChip } from '../../../../shared/api';
import { cmpText, weekLabel } from '../../../../shared/domain';
import { useStore } from '../../store';
import { hoursText, weekMondayText, weekTitle } from '../../model/format';
import { dialogKeyDown } from '../../components/dialog-keys';
import type { ChipTarget } from './context';
import { checkHours, chipLabel, defaultSplitMinutes, defaultSplitWeek } from './model';

export interface MenuAnchor {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type ChipMenuAction =
  | { kind: 'hours'; minutes: number }
  | { kind: 'split'; minutes: number; toWeek: string }
  | { kind: 'request'; toRequestRef: number; toRequestId: string }
  | { kind: 'status'; status: 'confirmed' | 'tentative' }
  | { kind: 'delete' };

type Mode = 'main' | 'split' | 'request';

const MENU_WIDTH = 320;

/** "W49 · 30 Nov": short enough for a select beside its label. */
const weekOption = (week: string) => `${weekLabel(week)} · ${weekMondayText(week)}`;

/** Keeps the dialog on screen: below the anchor when it fits, above it otherwise. */
function useFloatingPosition(anchor: MenuAnchor) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ top: anchor.bottom + 4, left: anchor.left });
  const { top: anchorTop, left: anchorLeft, bottom: anchorBottom } = anchor;
  // Placed once measured, and again when it grows or shrinks (a form opens, an error shows).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const place = () => {
      const h = el.offsetHeight;
      const vw = window.innerWidth || 1024;
      const vh = window.innerHeight || 768;
      const left = Math.max(8, Math.min(anchorLeft, vw - MENU_WIDTH - 8));
      const below = anchorBottom + 4;
      const top = below + h <= vh - 8 ? below : Math.max(8, anchorTop - h - 4);
      setPos((p) => (p.top === top && p.left === left ? p : { top, left }));
    };
    place();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(place);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [anchorTop, anchorLeft, anchorBottom]);
  return { ref, pos };
}

function Dialog({ anchor, label, onClose, children }: { anchor: MenuAnchor; label: string; onClose: () => void; children: ReactNode }) {
  const { ref, pos } = useFloatingPosition(anchor);

  // A click elsewhere closes the menu, as menus do.
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [onClose, ref]);

  return (
    <div
      ref={ref}
      className="tl-menu"
      role="dialog"
      aria-label={label}
      data-testid="chip-menu"
      onKeyDown={(e) => dialogKeyDown(e, onClose)}
      style={{ top: pos.top, left: pos.left, width: MENU_WIDTH }}
    >
      {children}
    </div>
  );
}

/** Hours typed in one of the menu's forms, and what is wrong with them. */
interface HoursDraft {
  inputId: string;
  errorId: string;
  text: string;
  setText: (text: string) => void;
  error: string | null;
  setError: (error: string | null) => void;
  /** The minutes typed, or null with the problem shown. */
  check: (limits?: Parameters<typeof checkHours>[1]) => number | null;
}

function useHoursDraft(minutes: number): HoursDraft {
  const inputId = useId();
  const errorId = useId();
  const [text, setText] = useState(() => hoursText(minutes));
  const [error, setError] = useState<string | null>(null);
  const check = (limits?: Parameters<typeof checkHours>[1]) => {
    const checked = checkHours(text, limits);
    setError(checked.ok ? null : checked.error);
    return checked.ok ? checked.minutes : null;
  };
  return { inputId, errorId, text, setText, error, setError, check };
}

/** The hours field of a menu form, focused with its text selected when the form opens, so typing replaces it. */
function HoursInput({ draft, label, name, disabled }: { draft: HoursDraft; label: string; name: string; disabled?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <>
      <label htmlFor={draft.inputId}>{label}</label>
      <input
        id={draft.inputId}
        ref={ref}
        name={name}
        inputMode="decimal"
        autoComplete="off"
        value={draft.text}
        onChange={(e) => draft.setText(e.target.value)}
        aria-invalid={draft.error ? true : undefined}
        aria-describedby={draft.error ? draft.errorId : undefined}
        disabled={disabled}
      />
    </>
  );
}

function HoursError({ draft }: { draft: HoursDraft }) {
  return draft.error ? (
    <p id={draft.errorId} className="field-error" role="alert">
      {draft.error}
    </p>
  ) : null;
}

export function ChipMenu({
  target,
  anchor,
  weeks,
  busy,
  onAction,
  onClose,
}: {
  target: ChipTarget;
  anchor: MenuAnchor;
  weeks: readonly string[];
  busy: boolean;
  onAction: (action: ChipMenuAction) => void;
  onClose: () => void;
}) {
  const { chip, name, week } = target;
  const [mode, setMode] = useState<Mode>('main');
  const hours = useHoursDraft(chip.minutes);

  function saveHours(e: FormEvent) {
    e.preventDefault();
    const minutes = hours.check();
    if (minutes === null) return;
    if (minutes === chip.minutes) return onClose();
    onAction({ kind: 'hours', minutes });
  }

  const tentative = chip.status === 'tentative';
  return (
    <Dialog anchor={anchor} label={`${chip.requestId} for ${name} in ${weekLabel(week)}`} onClose={onClose}>
      <div className="tl-menu-head">
        <p className="tl-menu-title">
          <span className="card-id">{chip.requestId}</span> {chip.title}
        </p>
        <p className="tl-menu-sub">
          {name} · {weekTitle(week)} · <span className={`tl-status-badge status-${chip.status}`}>{chip.status}</span>
        </p>
      </div>
      <form className="tl-menu-row" onSubmit={saveHours} noValidate>
        <HoursInput draft={hours} label="Hours" name="hours" disabled={busy} />
        <button type="submit" disabled={busy}>
          Save hours
        </button>
      </form>
      <HoursError draft={hours} />
      <div className="tl-menu-actions">
        <button type="button" aria-expanded={mode === 'split'} onClick={() => setMode(mode === 'split' ? 'main' : 'split')} disabled={busy}>
          Split…
        </button>
        <button
          type="button"
          aria-expanded={mode === 'request'}
          onClick={() => setMode(mode === 'request' ? 'main' : 'request')}
          disabled={busy}
        >
          Move to request…
        </button>
      </div>
      {mode === 'split' && <SplitForm chip={chip} week={week} weeks={weeks} busy={busy} onAction={onAction} />}
      {mode === 'request' && <RequestForm chip={chip} week={week} busy={busy} onAction={onAction} />}
      <div className="tl-menu-actions">
        <button
          type="button"
          aria-pressed={tentative}
          title={tentative ? 'Tentative now: mark it confirmed' : 'Confirmed now: mark it tentative'}
          onClick={() => onAction({ kind: 'status', status: tentative ? 'confirmed' : 'tentative' })}
          disabled={busy}
        >
          Toggle tentative
        </button>
        <button type="button" className="danger" onClick={() => onAction({ kind: 'delete' })} disabled={busy}>
          Delete
        </button>
        <button type="button" className="tl-menu-close" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function SplitForm({
  chip,
  week,
  weeks,
  busy,
  onAction,
}: {
  chip: TimelineChip;
  week: string;
  weeks: readonly string[];
  busy: boolean;
  onAction: (action: ChipMenuAction) => void;
}) {
  const weekId = useId();
  const hours = useHoursDraft(defaultSplitMinutes(chip.minutes));
  const [toWeek, setToWeek] = useState(defaultSplitWeek(weeks, week) ?? '');

  function submit(e: FormEvent) {
    e.preventDefault();
    const minutes = hours.check({
      max: chip.minutes,
      maxText: `${chip.requestId} has ${hoursText(chip.minutes)} h in ${weekLabel(week)}: move at most that.`,
    });
    if (minutes === null) return;
    if (!toWeek) return hours.setError('Choose the week to move the hours to.');
    onAction({ kind: 'split', minutes, toWeek });
  }

  return (
    <form className="tl-menu-form" onSubmit={submit} noValidate aria-label="Split">
      <div className="tl-menu-row">
        <HoursInput draft={hours} label="Hours to move" name="split-hours" />
      </div>
      <div className="tl-menu-row">
        <label htmlFor={weekId}>To week</label>
        <select id={weekId} name="to-week" value={toWeek} onChange={(e) => setToWeek(e.target.value)}>
          {weeks
            .filter((w) => w !== week)
            .map((w) => (
              <option key={w} value={w} title={weekTitle(w)}>
                {weekOption(w)}
              </option>
            ))}
        </select>
      </div>
      <HoursError draft={hours} />
      <button type="submit" disabled={busy}>
        Move hours
      </button>
    </form>
  );
}

function RequestForm({
  chip,
  week,
  busy,
  onAction,
}: {
  chip: TimelineChip;
  week: string;
  busy: boolean;
  onAction: (action: ChipMenuAction) => void;
}) {
  const requestsById = useStore((s) => s.requestsById);
  const selectId = useId();
  const errorId = useId();
  // Requests running in the chip's week first: those are where its hours usually belong.
  const { running, others } = useMemo(() => {
    const all = Object.values(requestsById)
      .filter((r) => r.ref !== chip.requestRef)
      .sort((a, b) => cmpText(a.id, b.id));
    return {
      running: all.filter((r) => r.startWeek <= week && week <= r.endWeek),
      others: all.filter((r) => !(r.startWeek <= week && week <= r.endWeek)),
    };
  }, [requestsById, chip.requestRef, week]);
  const [choice, setChoice] = useState(String((running[0] ?? others[0])?.ref ?? ''));
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const card = [...running, ...others].find((r) => String(r.ref) === choice);
    if (!card) return setError('Choose a request.');
    setError(null);
    onAction({ kind: 'request', toRequestRef: card.ref, toRequestId: card.id });
  }

  if (running.length + others.length === 0) return <p className="tl-menu-note">No other requests in these weeks.</p>;
  return (
    <form className="tl-menu-form" onSubmit={submit} noValidate aria-label="Move to request">
      <div className="tl-menu-row">
        <label htmlFor={selectId}>Request</label>
        <select
          id={selectId}
          name="to-request"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          aria-describedby={error ? errorId : undefined}
        >
          {running.length > 0 && (
            <optgroup label={`Running in ${weekLabel(week)}`}>
              {running.map((r) => (
                <option key={r.ref} value={r.ref}>
                  {r.id} {r.title}
                </option>
              ))}
            </optgroup>
          )}
          {others.length > 0 && (
            <optgroup label="Other weeks">
              {others.map((r) => (
                <option key={r.ref} value={r.ref}>
                  {r.id} {r.title}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="tl-menu-note">
        All {hoursText(chip.minutes)} h move, in {weekLabel(week)}.
      </p>
      <button type="submit" disabled={busy}>
        Move allocation
      </button>
    </form>
  );
}

/** A cell with more chips than fit: all of them, each opening its own menu. */
export function CellMenu({
  anchor,
  label,
  targets,
  onPick,
  onClose,
}: {
  anchor: MenuAnchor;
  label: string;
  targets: readonly ChipTarget[];
  onPick: (target: ChipTarget, el: HTMLElement) => void;
  onClose: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <Dialog anchor={anchor} label={label} onClose={onClose}>
      <p className="tl-menu-title">{label}</p>
      <ul className="tl-menu-list" role="list">
        {targets.map((t, i) => (
          <li key={t.chip.ref}>
            <button
              ref={i === 0 ? first : undefined}
              type="button"
              className={`tl-chip tl-chip-wide status-${t.chip.status}`}
              data-allocation-ref={t.chip.ref}
              aria-label={chipLabel(t.chip, t.name, t.week)}
              onClick={(e) => onPick(t, e.currentTarget)}
            >
              <span className="tl-chip-id">{t.chip.requestId}</span>
              <span className="tl-chip-title">{t.chip.title}</span>
              <span className="tl-chip-hours">{hoursText(t.chip.minutes)} h</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="tl-menu-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
