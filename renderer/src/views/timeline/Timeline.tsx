// The timeline: specialists by weeks, each cell allocated/capacity as a heat map with the
// allocation chips inside. Rows and columns are windowed and rows are fetched a window at a
// time, so 2,000 specialists by 52 weeks scroll like 20 by 10.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Modifier,
} from '@dnd-kit/core';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { currentWeek, weekLabel } from '../../../../shared/domain';
import type { ApiInput, TimelineRow } from '../../../../shared/api';
import { AreaError } from '../../components/AreaError';
import { DepartmentSelect } from '../../components/DepartmentSelect';
import { useGridWindow } from '../../hooks/useGridWindow';
import { countText, hoursText, NEARLY_FULL_PCT, weekMondayText } from '../../model/format';
import { distinct } from '../../model/filters';
import { firstName } from '../../model/planning-text';
import { isMac } from '../../model/platform';
import { useStore } from '../../store';
import { runChange } from '../../store/change';
import {
  ensureTimelineRows,
  resetTimeline,
  setTimelineFilter,
  setTimelineSpan,
  TIMELINE_SPANS,
  timelineIndexOf,
} from '../../store/timeline';
import { CellMenu, ChipMenu, type ChipMenuAction, type MenuAnchor } from './ChipMenu';
import {
  COL_WIDTH,
  HEADER_HEIGHT,
  NAME_WIDTH,
  ROW_HEIGHT,
  TimelineActionsContext,
  type ActiveDrag,
  type ChipTarget,
  type TimelineActions,
} from './context';
import { flagOpensBoard, openRequestOnBoard } from './flag-target';
import { chipLabel, dropPreview } from './model';
import { ChipBody, TimelineNameView, TimelineRowView } from './TimelineRow';
import './timeline.css';

type Menu =
  { kind: 'chip'; target: ChipTarget; anchor: MenuAnchor } | { kind: 'cell'; where: Omit<ChipTarget, 'chip'>; anchor: MenuAnchor };

const anchorOf = (el: HTMLElement): MenuAnchor => {
  const r = el.getBoundingClientRect();
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
};

const undoKeys = () => (isMac() ? '⌘Z' : 'Ctrl+Z');

/** Left and right arrows move a dragged chip one week; there is no other row to go to. */
const weekKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
  if (event.code === 'ArrowRight') return { ...currentCoordinates, x: currentCoordinates.x + COL_WIDTH };
  if (event.code === 'ArrowLeft') return { ...currentCoordinates, x: currentCoordinates.x - COL_WIDTH };
  return undefined;
};

/** An allocation moves between the weeks of its own specialist: the chip follows the pointer sideways only. */
const restrictToRow: Modifier = ({ transform }) => ({ ...transform, y: 0 });
const MODIFIERS = [restrictToRow];
// Options are module constants: dnd-kit memoizes sensors on their identity, and new sensors
// would re-render every chip on the screen.
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };
const KEYBOARD_OPTIONS = {
  coordinatesGetter: weekKeyboardCoordinates,
  // Enter opens the chip's menu; Space picks a chip up.
  keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
};
const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };
const AUTO_SCROLL = { threshold: { x: 0.12, y: 0.02 } };

export function Timeline() {
  const weeks = useStore((s) => s.weeks.list);
  const total = useStore((s) => s.timelineTotal);
  const error = useStore((s) => s.timelineError);
  const headingId = useId();

  const [menu, setMenu] = useState<Menu | null>(null);
  const [drag, setDrag] = useState<ActiveDrag | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ seq: number; text: string } | null>(null);
  const dragging = useRef(false);
  const gridEl = useRef<HTMLDivElement | null>(null);
  const attachGrid = useCallback((el: HTMLDivElement | null) => {
    gridEl.current = el;
  }, []);

  // Fresh rows whenever the timeline opens, the weeks or the plan change, or a write failed
  // (then the screen goes back to what is on disk).
  useEffect(() => {
    resetTimeline();
    return useStore.subscribe((s, prev) => {
      const failed = s.lastChange !== prev.lastChange && s.lastChange?.failed;
      if (s.plan !== prev.plan) resetTimeline('all');
      else if (s.weeks.from !== prev.weeks.from || s.weeks.to !== prev.weeks.to || failed) resetTimeline('rows');
    });
  }, []);

  // A click on a flag about a request: the timeline has no row for it, the board has its
  // card. Only clicks made here count: a highlight left from the board must not bounce the
  // person back to it when they open the timeline.
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        const h = s.highlight;
        if (h && h !== prev.highlight && h.requestId !== null && flagOpensBoard(h, s)) void openRequestOnBoard(h.requestId);
      }),
    [],
  );

  const focusAfterChange = useCallback((chipRef: number | null, where: { specialistId: string; week: string }) => {
    requestAnimationFrame(() => {
      const root = gridEl.current;
      if (!root) return;
      const chip =
        chipRef === null ? null : root.querySelector<HTMLElement>(`[data-testid="allocation-chip"][data-allocation-ref="${chipRef}"]`);
      if (chip) return chip.focus();
      for (const cell of root.querySelectorAll<HTMLElement>('[data-testid="timeline-cell"]')) {
        if (cell.dataset.specialistId === where.specialistId && cell.dataset.week === where.week) return cell.focus();
      }
      root.focus();
    });
  }, []);

  type Op = 'allocations-update' | 'allocations-move' | 'allocations-set-status' | 'allocations-delete';
  const change = useCallback(async <K extends Op>(name: K, input: Omit<ApiInput<K>, 'view'>, text: string): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await runChange(name, input);
      if (result) setNote({ seq: useStore.getState().lastChange?.seq ?? 0, text });
      return result !== null;
    } finally {
      setBusy(false);
    }
  }, []);

  const deleteChip = useCallback(
    async (t: ChipTarget) => {
      setMenu(null);
      const ok = await change(
        'allocations-delete',
        { refs: [t.chip.ref] },
        `Deleted ${t.chip.requestId} ${hoursText(t.chip.minutes)} h of ${t.name} in ${weekLabel(t.week)}. ${undoKeys()} restores it.`,
      );
      if (ok) focusAfterChange(null, t);
    },
    [change, focusAfterChange],
  );

  const actions = useMemo<TimelineActions>(
    () => ({
      openChipMenu: (target, anchor) => setMenu({ kind: 'chip', target, anchor: anchorOf(anchor) }),
      openCellMenu: (where, anchor) => setMenu({ kind: 'cell', where, anchor: anchorOf(anchor) }),
      deleteChip: (t) => void deleteChip(t),
      isDragging: () => dragging.current,
    }),
    [deleteChip],
  );

  const closeMenu = useCallback(() => {
    setMenu((m) => {
      if (m?.kind === 'chip') focusAfterChange(m.target.chip.ref, m.target);
      return null;
    });
  }, [focusAfterChange]);

  async function onMenuAction(t: ChipTarget, action: ChipMenuAction) {
    const { chip, name, week } = t;
    const who = `${chip.requestId} for ${name} in ${weekLabel(week)}`;
    let ok = false;
    let focusRef: number | null = chip.ref;
    switch (action.kind) {
      case 'hours':
        ok = await change(
          'allocations-update',
          { ref: chip.ref, minutes: action.minutes },
          `Set ${who} to ${hoursText(action.minutes)} h.`,
        );
        break;
      case 'split':
        if (action.minutes === chip.minutes) focusRef = null;
        ok = await change(
          'allocations-move',
          { ref: chip.ref, toWeek: action.toWeek, minutes: action.minutes },
          `Moved ${hoursText(action.minutes)} h of ${chip.requestId} for ${name} from ${weekLabel(week)} to ${weekLabel(action.toWeek)}.`,
        );
        break;
      case 'request':
        focusRef = null;
        ok = await change(
          'allocations-move',
          { ref: chip.ref, toRequestRef: action.toRequestRef },
          `Moved ${name}'s ${hoursText(chip.minutes)} h in ${weekLabel(week)} from ${chip.requestId} to ${action.toRequestId}.`,
        );
        break;
      case 'status':
        ok = await change('allocations-set-status', { refs: [chip.ref], status: action.status }, `Marked ${who} ${action.status}.`);
        break;
      case 'delete':
        return deleteChip(t);
    }
    if (ok) {
      setMenu(null);
      focusAfterChange(focusRef, t);
    }
  }

  // ---- Drag and drop ----
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));

  function onDragStart(e: DragStartEvent) {
    const t = e.active.data.current as ChipTarget | undefined;
    if (!t) return;
    dragging.current = true;
    setMenu(null);
    const s = useStore.getState();
    setDrag({ ...t, rowIndex: s.timelineOrder.indexOf(t.specialistRef), col: s.weeks.list.indexOf(t.week) });
  }

  function onDragEnd(e: DragEndEvent) {
    dragging.current = false;
    setDrag(null);
    const t = e.active.data.current as ChipTarget | undefined;
    const toWeek = (e.over?.data.current as { week?: string } | undefined)?.week;
    if (!t || !toWeek || toWeek === t.week) return;
    void change(
      'allocations-move',
      { ref: t.chip.ref, toWeek },
      `Moved ${t.chip.requestId} ${hoursText(t.chip.minutes)} h of ${t.name} from ${weekLabel(t.week)} to ${weekLabel(toWeek)}.`,
    ).then((ok) => ok && focusAfterChange(null, { specialistId: t.specialistId, week: toWeek }));
  }

  function onDragCancel() {
    dragging.current = false;
    setDrag(null);
  }

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => {
        const t = active.data.current as ChipTarget;
        return `Picked up ${chipLabel(t.chip, t.name, t.week)}. Left and right arrows choose another week of ${firstName(t.name)}; Space drops, Escape cancels.`;
      },
      onDragOver: ({ active, over }) => {
        const t = active.data.current as ChipTarget;
        const cell = (over?.data.current as { cell?: { week: string; allocated: number; capacity: number } } | undefined)?.cell;
        if (!cell) return `${t.chip.requestId} is not over a week of ${firstName(t.name)}.`;
        return dropPreview(t.name, cell, t.chip.minutes).text;
      },
      onDragEnd: ({ active, over }) => {
        const t = active.data.current as ChipTarget;
        const week = (over?.data.current as { week?: string } | undefined)?.week;
        return week && week !== t.week
          ? `Moving ${t.chip.requestId} of ${t.name} to ${weekLabel(week)}.`
          : `${t.chip.requestId} stays in ${weekLabel(t.week)}.`;
      },
      onDragCancel: ({ active }) => {
        const t = active.data.current as ChipTarget;
        return `Cancelled. ${t.chip.requestId} stays in ${weekLabel(t.week)}.`;
      },
    }),
    [],
  );

  const accessibility = useMemo(
    () => ({
      announcements,
      screenReaderInstructions: {
        draggable:
          'Press Enter for the allocation’s menu, Delete to delete it. To move it to another week, press Space, then the left and right arrow keys, then Space to drop or Escape to cancel.',
      },
    }),
    [announcements],
  );

  return (
    <main id="timeline-view" className="timeline" aria-labelledby={headingId}>
      <TimelineToolbar headingId={headingId} total={total} />
      <div className="tl-subbar">
        <StatusLine note={note} />
        <Legend />
      </div>
      {error && <AreaError title="The timeline could not be loaded" error={error} onRetry={() => resetTimeline()} />}
      <TimelineActionsContext.Provider value={actions}>
        <DndContext
          sensors={sensors}
          modifiers={MODIFIERS}
          measuring={MEASURING}
          autoScroll={AUTO_SCROLL}
          accessibility={accessibility}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
        >
          <TimelineGrid headingId={headingId} drag={drag} onElement={attachGrid} />
          <DragOverlay dropAnimation={null}>
            {drag ? (
              <div className={`tl-chip tl-chip-overlay status-${drag.chip.status}`}>
                <ChipBody chip={drag.chip} />
              </div>
            ) : null}
          </DragOverlay>
        </DndContext>
      </TimelineActionsContext.Provider>
      {menu?.kind === 'chip' && (
        <ChipMenu
          key={menu.target.chip.ref}
          target={menu.target}
          anchor={menu.anchor}
          weeks={weeks}
          busy={busy}
          onAction={(a) => void onMenuAction(menu.target, a)}
          onClose={closeMenu}
        />
      )}
      {menu?.kind === 'cell' && (
        <CellMenuFor menu={menu} onClose={closeMenu} onPick={(t, el) => setMenu({ kind: 'chip', target: t, anchor: anchorOf(el) })} />
      )}
    </main>
  );
}

/** The last change in words: the timeline's own wording for its changes, the backend's label otherwise. */
function StatusLine({ note }: { note: { seq: number; text: string } | null }) {
  const lastChange = useStore((s) => s.lastChange);
  const text = lastChange ? (note && note.seq === lastChange.seq ? note.text : lastChange.label) : '';
  const failed = lastChange?.failed ?? false;
  return (
    <p
      className={`tl-status${failed ? ' is-failed' : ''}`}
      role={failed ? 'alert' : 'status'}
      aria-live="polite"
      data-testid="timeline-status"
    >
      {failed ? `Not saved: ${text}` : text}
    </p>
  );
}

/**
 * The scrolling grid. It owns the window of rows and columns, so scrolling re-renders this
 * component and the rows entering the window, never the drag context or the toolbar.
 */
const TimelineGrid = memo(function TimelineGrid({
  headingId,
  drag,
  onElement,
}: {
  headingId: string;
  drag: ActiveDrag | null;
  /** Told the scroller when it mounts and unmounts (null), for the timeline's focus handling. */
  onElement: (el: HTMLDivElement | null) => void;
}) {
  const weeks = useStore((s) => s.weeks.list);
  const total = useStore((s) => s.timelineTotal);
  const order = useStore((s) => s.timelineOrder);
  const error = useStore((s) => s.timelineError);
  const highlightSeq = useStore((s) => s.highlight?.seq ?? 0);
  const generation = useStore((s) => s.timelineGeneration);

  const { rowStart, rowEnd, colStart, colEnd, containerRef, scrollToCell } = useGridWindow<HTMLDivElement>(
    {
      rowCount: total ?? 0,
      colCount: weeks.length,
      rowHeight: ROW_HEIGHT,
      colWidth: COL_WIDTH,
      headerHeight: HEADER_HEIGHT,
      stickyWidth: NAME_WIDTH,
      // Small on purpose: every mounted cell is painted again when the window moves, so a
      // wider margin costs more per scrolled frame than it saves (measured on 2,000 x 52).
      overscanRows: 2,
      overscanCols: 1,
    },
    onElement,
  );

  useEffect(() => {
    ensureTimelineRows(rowStart, rowEnd);
  }, [rowStart, rowEnd, order, generation]);

  // A click on a flag in the panel: scroll to the specialist's row.
  useEffect(() => {
    const id = useStore.getState().highlight?.specialistId;
    if (!id) return;
    const index = timelineIndexOf(useStore.getState(), id);
    if (index >= 0) scrollToCell(index, null);
  }, [highlightSeq, scrollToCell]);

  return (
    <div
      className="tl-scroll"
      data-testid="timeline"
      ref={containerRef}
      role="table"
      aria-labelledby={headingId}
      aria-rowcount={(total ?? 0) + 1}
      aria-colcount={weeks.length + 1}
      tabIndex={-1}
    >
      <div
        className="tl-canvas"
        style={{ width: NAME_WIDTH + weeks.length * COL_WIDTH, height: HEADER_HEIGHT + (total ?? 0) * ROW_HEIGHT }}
      >
        <WeekHeader weeks={weeks} colStart={colStart} colEnd={colEnd} />
        <Rows
          order={order}
          total={total ?? 0}
          weeksKey={`${weeks[0] ?? ''}+${weeks.length}`}
          rowStart={rowStart}
          rowEnd={rowEnd}
          colStart={colStart}
          colEnd={colEnd}
          drag={drag}
        />
      </div>
      {total === 0 && <p className="empty-note tl-empty">No specialists match.</p>}
      {total === null && !error && <p className="empty-note tl-empty">Loading the timeline…</p>}
    </div>
  );
});

function CellMenuFor({
  menu,
  onClose,
  onPick,
}: {
  menu: Extract<Menu, { kind: 'cell' }>;
  onClose: () => void;
  onPick: (t: ChipTarget, el: HTMLElement) => void;
}) {
  const { where } = menu;
  const row = useStore((s) => s.timelineRowsByRef[where.specialistRef]);
  const cell = row?.cells.find((c) => c.week === where.week);
  const targets = (cell?.chips ?? []).map((chip) => ({ chip, ...where }));
  return (
    <CellMenu
      anchor={menu.anchor}
      label={`${where.name} in ${weekLabel(where.week)}`}
      targets={targets}
      onPick={onPick}
      onClose={onClose}
    />
  );
}

/** The visible rows (plus the row a chip is dragged from, which must stay mounted), and their names. */
/** The loaded timeline row of the highlighted specialist, by ref; null when none is loaded. */
function highlightedRowRef(specialistId: string | null, rowsByRef: Readonly<Record<number, TimelineRow>>): number | null {
  if (specialistId === null) return null;
  for (const row of Object.values(rowsByRef)) if (row.id === specialistId) return row.ref;
  return null;
}

function Rows({
  order,
  total,
  weeksKey,
  rowStart,
  rowEnd,
  colStart,
  colEnd,
  drag,
}: {
  order: readonly number[];
  total: number;
  /** First visible week and count: rows loaded for other weeks show no cells until fresh ones arrive. */
  weeksKey: string;
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
  drag: ActiveDrag | null;
}) {
  // Subscribed, not read once: the highlighted row may arrive after the highlight. Only its
  // ref is selected, so loading other rows does not re-render the list.
  const highlightRef = useStore((s) => highlightedRowRef(s.highlight?.specialistId ?? null, s.timelineRowsByRef));
  const indexes: number[] = [];
  for (let i = rowStart; i < Math.min(rowEnd, total); i++) indexes.push(i);
  if (drag && drag.rowIndex >= 0 && (drag.rowIndex < rowStart || drag.rowIndex >= rowEnd)) indexes.push(drag.rowIndex);
  const height = total * ROW_HEIGHT;
  const lit = (ref: number) => highlightRef !== null && ref === highlightRef;
  return (
    <>
      <div className="tl-names" aria-hidden="true" style={{ height }}>
        {indexes.map((i) => {
          const ref = order[i] ?? 0;
          return (
            <TimelineNameView
              key={ref ? `r${ref}` : `i${i}`}
              index={i}
              specialistRef={ref}
              highlighted={lit(ref)}
              dragSource={drag?.rowIndex === i}
            />
          );
        })}
      </div>
      <div className="tl-body" role="rowgroup" style={{ height }}>
        {indexes.map((i) => {
          const ref = order[i] ?? 0;
          return (
            <TimelineRowView
              key={ref ? `r${ref}` : `i${i}`}
              index={i}
              specialistRef={ref}
              colStart={colStart}
              colEnd={colEnd}
              weeksKey={weeksKey}
              highlighted={lit(ref)}
              drag={drag && drag.rowIndex === i ? drag : null}
            />
          );
        })}
      </div>
    </>
  );
}

const WeekHeader = memo(function WeekHeader({ weeks, colStart, colEnd }: { weeks: readonly string[]; colStart: number; colEnd: number }) {
  const now = currentWeek();
  const cols = [];
  for (let c = colStart; c < Math.min(colEnd, weeks.length); c++) {
    const week = weeks[c]!;
    cols.push(
      <div
        key={week}
        className={`tl-week${week === now ? ' is-now' : ''}`}
        role="columnheader"
        aria-colindex={c + 2}
        data-week={week}
        title={week}
        style={{ left: NAME_WIDTH + c * COL_WIDTH }}
      >
        <span className="tl-week-label">{weekLabel(week)}</span>
        <span className="tl-week-date">
          {weekMondayText(week)}
          {week === now ? ' · now' : ''}
        </span>
      </div>,
    );
  }
  return (
    <div className="tl-head" role="rowgroup">
      <div className="tl-head-row" role="row" aria-rowindex={1}>
        <div className="tl-corner" role="columnheader" aria-colindex={1}>
          Specialist
        </div>
        {cols}
      </div>
    </div>
  );
});

/** The name filter waits for a pause in typing before it asks the backend. */
export const QUERY_DELAY_MS = 250;

function TimelineToolbar({ headingId, total }: { headingId: string; total: number | null }) {
  const filter = useStore((s) => s.timelineFilter);
  const specialistsById = useStore((s) => s.specialistsById);
  const count = useStore((s) => s.weeks.list.length);
  const departments = useMemo(() => distinct(Object.values(specialistsById).map((s) => s.department)), [specialistsById]);
  const [query, setQuery] = useState(filter.query);
  const [spanProblem, setSpanProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const deptId = useId();
  const queryId = useId();
  const spanId = useId();

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  function onQuery(text: string) {
    setQuery(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setTimelineFilter({ query: text }), QUERY_DELAY_MS);
  }

  const spans: number[] = TIMELINE_SPANS.includes(count as (typeof TIMELINE_SPANS)[number])
    ? [...TIMELINE_SPANS]
    : [...TIMELINE_SPANS, count].sort((a, b) => a - b);

  return (
    <div className="tl-toolbar">
      <h2 id={headingId} className="tl-heading">
        Timeline{' '}
        {total !== null && (
          <span className="panel-count" data-testid="timeline-total">
            {countText(total)}
          </span>
        )}
      </h2>
      <div className="tl-filters" role="search" aria-label="Filter the timeline">
        <label htmlFor={deptId}>Department</label>
        <DepartmentSelect
          id={deptId}
          data-testid="timeline-department"
          departments={departments}
          value={filter.department}
          onChange={(department) => setTimelineFilter({ department })}
        />
        <label htmlFor={queryId}>Name</label>
        <input
          id={queryId}
          type="search"
          data-testid="timeline-query"
          placeholder="Name or id"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              if (timer.current) clearTimeout(timer.current);
              setTimelineFilter({ query });
            }
          }}
        />
        <label htmlFor={spanId}>Weeks</label>
        <select
          id={spanId}
          data-testid="timeline-span"
          value={count}
          onChange={(e) => void setTimelineSpan(Number(e.target.value)).then(setSpanProblem)}
          title="How many weeks to show, from the first visible week"
        >
          {spans.map((n) => (
            <option key={n} value={n}>
              {n} weeks
            </option>
          ))}
        </select>
      </div>
      {spanProblem && (
        <p className="field-error" role="alert">
          {spanProblem}
        </p>
      )}
    </div>
  );
}

function Legend() {
  return (
    <ul className="tl-legend" role="list" aria-label="Colours">
      <li>
        <span className="tl-swatch band-free" aria-hidden="true" /> Free
      </li>
      <li>
        <span className="tl-swatch band-available" aria-hidden="true" /> Under {NEARLY_FULL_PCT}%
      </li>
      <li>
        <span className="tl-swatch band-busy" aria-hidden="true" /> {NEARLY_FULL_PCT}–100%
      </li>
      <li>
        <span className="tl-swatch band-over" aria-hidden="true" /> Over
      </li>
      <li>
        <span className="tl-swatch band-none" aria-hidden="true" /> No capacity
      </li>
      <li>
        <span className="tl-swatch tl-swatch-tentative" aria-hidden="true" /> Tentative
      </li>
    </ul>
  );
}
