import { useDraggable, useDroppable } from '@dnd-kit/core';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { TimelineCell, TimelineChip, TimelineRow } from '../../../../shared/api';
import { useStore } from '../../store';
import { COL_WIDTH, MAX_CHIPS, NAME_WIDTH, ROW_HEIGHT, useTimelineActions, type ActiveDrag, type ChipTarget } from './context';
import { LOAD_BAND_TEXT } from '../../model/format';
import { cellView, chipLabel, chipText, dropPreview, fillShare } from './model';

interface RowProps {
  index: number;
  specialistRef: number;
  colStart: number;
  colEnd: number;
  /** `${first week}+${count}` of the visible weeks. */
  weeksKey: string;
  highlighted: boolean;
  /** Set on the row a chip is dragged from: its visible weeks become drop targets. */
  drag: ActiveDrag | null;
}

const rowTop = (index: number) => index * ROW_HEIGHT;

/**
 * One specialist's weeks: one store selector for the whole row, memoized cells inside. The
 * visible name sits in the sticky name column (TimelineNameView); the row carries it for
 * screen readers only, so the sticky column is one layer instead of one per row.
 */
export const TimelineRowView = memo(function TimelineRowView({
  index,
  specialistRef,
  colStart,
  colEnd,
  weeksKey,
  highlighted,
  drag,
}: RowProps) {
  const row = useStore((s) => s.timelineRowsByRef[specialistRef]);
  // A row of the weeks shown before keeps its place (and its name) until its fresh cells arrive.
  if (!row || `${row.cells[0]?.week ?? ''}+${row.cells.length}` !== weeksKey) return <PlaceholderRow index={index} />;

  const cols: number[] = [];
  for (let c = colStart; c < Math.min(colEnd, row.cells.length); c++) cols.push(c);
  // The dragged chip's own cell stays rendered even when scrolled out of the window.
  if (drag && (drag.col < colStart || drag.col >= colEnd) && drag.col < row.cells.length) cols.push(drag.col);

  return (
    <div
      className={`tl-row${drag ? ' is-drag-source' : ''}`}
      data-testid="timeline-row"
      data-specialist-id={row.id}
      data-highlighted={highlighted || undefined}
      role="row"
      aria-rowindex={index + 2}
      style={{ top: rowTop(index) }}
    >
      <span className="visually-hidden" role="rowheader" aria-colindex={1}>
        {row.name}, {row.department}
      </span>
      {cols.map((c) => (
        <TimelineCellView key={row.cells[c]!.week} cell={row.cells[c]!} col={c} row={row} />
      ))}
      {drag && cols.map((c) => <DropZone key={`drop-${row.cells[c]!.week}`} cell={row.cells[c]!} col={c} row={row} drag={drag} />)}
    </div>
  );
});

function PlaceholderRow({ index }: { index: number }) {
  return <div className="tl-row tl-row-loading" role="row" aria-rowindex={index + 2} aria-busy="true" style={{ top: rowTop(index) }} />;
}

/** The name in the sticky first column. */
export const TimelineNameView = memo(function TimelineNameView({
  index,
  specialistRef,
  highlighted,
  dragSource,
}: {
  index: number;
  specialistRef: number;
  highlighted: boolean;
  dragSource: boolean;
}) {
  const row = useStore((s) => s.timelineRowsByRef[specialistRef]);
  return (
    <div
      className={`tl-name${highlighted ? ' is-highlighted' : ''}${dragSource ? ' is-drag-source' : ''}`}
      style={{ top: rowTop(index) }}
      title={row ? `${row.name} (${row.id}), ${row.department}` : undefined}
    >
      {row ? (
        <>
          <span className="tl-name-text">{row.name}</span>
          <span className="tl-dept">
            {row.id} · {row.department}
          </span>
        </>
      ) : (
        <span className="tl-name-text muted">Loading…</span>
      )}
    </div>
  );
});

interface CellProps {
  cell: TimelineCell;
  col: number;
  row: Pick<TimelineRow, 'ref' | 'id' | 'name'>;
}

const sameChip = (a: TimelineChip, b: TimelineChip) =>
  a.ref === b.ref &&
  a.minutes === b.minutes &&
  a.status === b.status &&
  a.requestRef === b.requestRef &&
  a.requestId === b.requestId &&
  a.title === b.title;

/** A patched row brings new objects for every cell; only cells whose numbers changed re-render. */
function sameCell(a: CellProps, b: CellProps): boolean {
  if (a.col !== b.col || a.row.ref !== b.row.ref || a.row.name !== b.row.name || a.row.id !== b.row.id) return false;
  const x = a.cell;
  const y = b.cell;
  if (x === y) return true;
  if (x.week !== y.week || x.allocated !== y.allocated || x.capacity !== y.capacity || x.chips.length !== y.chips.length) return false;
  return x.chips.every((chip, i) => sameChip(chip, y.chips[i]!));
}

const TimelineCellView = memo(function TimelineCellView({ cell, col, row }: CellProps) {
  const actions = useTimelineActions();
  const view = cellView(cell);
  const folded = cell.chips.length > MAX_CHIPS;
  const shown = folded ? cell.chips.slice(0, MAX_CHIPS - 1) : cell.chips;
  const where = { specialistRef: row.ref, specialistId: row.id, name: row.name, week: cell.week };

  return (
    <div
      className={`tl-cell band-${view.band}`}
      data-testid="timeline-cell"
      data-week={cell.week}
      data-specialist-id={row.id}
      data-band={view.band}
      role="cell"
      aria-colindex={col + 2}
      tabIndex={-1}
      style={{ left: NAME_WIDTH + col * COL_WIDTH }}
    >
      <div className="tl-load">
        <span className="tl-load-text">{view.load}</span>
        <span className="tl-util">{view.utilization}</span>
        <span className="visually-hidden">, {LOAD_BAND_TEXT[view.band]}</span>
      </div>
      <span className="tl-fill" aria-hidden="true" style={{ width: `${Math.round(fillShare(cell.allocated, cell.capacity) * 100)}%` }} />
      {/* No list wrappers: every element counts when a scrolled frame mounts a row of cells. */}
      {shown.map((chip) => (
        <Chip key={chip.ref} target={{ chip, ...where }} />
      ))}
      {folded && (
        <button
          type="button"
          className="tl-more"
          data-testid="timeline-more"
          aria-label={`${cell.chips.length - shown.length} more allocations for ${row.name} in ${cell.week}`}
          onClick={(e) => actions.openCellMenu(where, e.currentTarget)}
        >
          +{cell.chips.length - shown.length} more
        </button>
      )}
    </div>
  );
}, sameCell);

/** An allocation: click or Enter for its menu, Delete to delete, drag (or Space, arrows, Space) to move. */
function Chip({ target }: { target: ChipTarget }) {
  const actions = useTimelineActions();
  const { chip, name, week } = target;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: chip.ref,
    data: target,
    attributes: { roleDescription: 'allocation' },
  });

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (actions.isDragging()) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      actions.openChipMenu(target, e.currentTarget);
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      actions.deleteChip(target);
      return;
    }
    listeners?.onKeyDown?.(e);
  }

  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={(e: MouseEvent<HTMLDivElement>) => actions.openChipMenu(target, e.currentTarget)}
      className={`tl-chip status-${chip.status} stage-${chip.stage}${isDragging ? ' is-dragging' : ''}`}
      data-testid="allocation-chip"
      data-allocation-ref={chip.ref}
      data-request-id={chip.requestId}
      data-status={chip.status}
      aria-label={chipLabel(chip, name, week)}
    >
      <ChipBody chip={chip} />
    </div>
  );
}

export function ChipBody({ chip }: { chip: TimelineChip }) {
  return (
    <>
      <span className="tl-chip-id">{chip.requestId}</span>
      <span className="tl-chip-hours">{chipText(chip).slice(chip.requestId.length + 1)}</span>
    </>
  );
}

/** A week of the dragged chip's own row, as a drop target; shows what the drop would do. */
function DropZone({ cell, col, row, drag }: { cell: TimelineCell; col: number; row: Pick<TimelineRow, 'ref' | 'name'>; drag: ActiveDrag }) {
  const source = cell.week === drag.week;
  const { setNodeRef, isOver } = useDroppable({
    id: `week:${row.ref}:${cell.week}`,
    data: { week: cell.week, specialistRef: row.ref, cell },
    disabled: source,
  });
  const preview = isOver && !source ? dropPreview(row.name, cell, drag.chip.minutes) : null;
  return (
    <div
      ref={setNodeRef}
      className={`tl-drop${isOver ? ' is-over' : ''}${preview?.over ? ' is-over-capacity' : ''}${source ? ' is-source' : ''}`}
      data-testid="timeline-drop"
      data-week={cell.week}
      aria-hidden="true"
      style={{ left: NAME_WIDTH + col * COL_WIDTH }}
    >
      {preview && (
        <span className="tl-drop-preview" data-testid="drop-preview">
          {preview.text}
        </span>
      )}
    </div>
  );
}
