import { memo, useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RequestRow } from '../../../../shared/api';
import { formatMoneyGrouped } from '../../../../shared/domain';
import { STATUS_LABELS } from '../../../../shared/format';
import { useWindowedList } from '../../hooks/useWindowedList';
import { countText, weekTitle } from '../../model/format';
import { nextSort, staffingText } from '../../model/request-list';
import { setRequestSort, useStore } from '../../store';
import type { RequestSortKey } from '../../store/types';
import { STAGE_TITLE } from '../board/Lane';

/** Fixed so the list can be windowed; requests.css sizes .rq-row to match. */
export const REQUEST_ROW_HEIGHT = 40;
/** Rows a PageUp/PageDown moves: about a screenful. */
const PAGE_ROWS = 15;

const COLUMNS: { key: RequestSortKey; label: string; numeric?: boolean }[] = [
  { key: 'id', label: 'Id' },
  { key: 'title', label: 'Title' },
  { key: 'requester', label: 'Requester' },
  { key: 'stage', label: 'Stage' },
  { key: 'status', label: 'Status' },
  { key: 'priority', label: 'Priority' },
  { key: 'staffing', label: 'Staffing' },
  { key: 'weeks', label: 'Weeks' },
  { key: 'cost', label: 'Cost', numeric: true },
  { key: 'budget', label: 'Budget', numeric: true },
];

/**
 * Every request as a grid of rows, windowed: 5,000 requests put a screenful of rows in the
 * DOM. Column headers sort; rows take focus (arrow keys, Home, End, Page keys move it) and
 * open the request on click or Enter.
 */
export function RequestsTable({
  rows,
  currency,
  minorDigits,
  labelledBy,
  onOpen,
}: {
  rows: readonly RequestRow[];
  currency: string;
  minorDigits: number;
  labelledBy: string;
  onOpen: (row: RequestRow) => void;
}) {
  const sort = useStore((s) => s.requestSort);
  const { containerRef, start, end, totalHeight, scrollToIndex } = useWindowedList<HTMLDivElement>({
    count: rows.length,
    rowHeight: REQUEST_ROW_HEIGHT,
  });
  const grid = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const current = Math.min(active, Math.max(0, rows.length - 1));
  const tabStop = current >= start && current < end ? current : start;

  const rowElement = useCallback(
    (index: number) => grid.current?.querySelector<HTMLElement>(`[data-testid="request-row"][aria-rowindex="${index + 2}"]`) ?? null,
    [],
  );

  // A row far from the window exists only once the window has moved to it.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = rowElement(index);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  function focusRow(index: number) {
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setActive(i);
    const el = rowElement(i);
    if (el) el.focus();
    else {
      pendingFocus.current = i;
      scrollToIndex(i);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>, index: number) {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
    };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(rows[index]!);
    }
  }

  const body = [];
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    body.push(
      <RequestRowView
        key={row.ref}
        row={row}
        index={i}
        tabbable={i === tabStop}
        minorDigits={minorDigits}
        onOpen={onOpen}
        onKeyDown={onKeyDown}
        onFocus={setActive}
      />,
    );
  }

  return (
    <div
      ref={grid}
      className="rq-table"
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-readonly="true"
    >
      <div role="rowgroup" className="rq-head">
        <div role="row" aria-rowindex={1} className="rq-cols">
          {COLUMNS.map((c) => {
            const sorted = sort.key === c.key;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={c.numeric ? 'rq-num' : undefined}
                aria-sort={sorted ? sort.direction : undefined}
                data-sort-key={c.key}
              >
                <button
                  type="button"
                  className="rq-sort"
                  title={`Sort by ${c.label.toLowerCase()}${sorted ? ` (${sort.direction === 'ascending' ? 'descending' : 'ascending'} next)` : ''}`}
                  onClick={() => setRequestSort(nextSort(sort, c.key))}
                >
                  {c.label}
                  {c.numeric ? ` (${currency})` : ''}
                  <span className="rq-sort-mark" aria-hidden="true">
                    {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div className="vlist rq-body" ref={containerRef}>
        <div role="rowgroup" className="vlist-inner" style={{ height: totalHeight }}>
          {body}
        </div>
      </div>
    </div>
  );
}

const RequestRowView = memo(function RequestRowView({
  row,
  index,
  tabbable,
  minorDigits,
  onOpen,
  onKeyDown,
  onFocus,
}: {
  row: RequestRow;
  index: number;
  tabbable: boolean;
  minorDigits: number;
  onOpen: (row: RequestRow) => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>, index: number) => void;
  onFocus: (index: number) => void;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      className={`vrow rq-cols rq-row budget-${row.budgetState}`}
      style={{ transform: `translateY(${index * REQUEST_ROW_HEIGHT}px)`, height: REQUEST_ROW_HEIGHT }}
      data-testid="request-row"
      data-request-id={row.id}
      onClick={() => onOpen(row)}
      onKeyDown={(e) => onKeyDown(e, index)}
      onFocus={() => onFocus(index)}
    >
      <div role="gridcell" className="rq-id">
        {row.id}
      </div>
      <div role="gridcell" className="rq-title" title={row.title}>
        {row.title}
      </div>
      <div role="gridcell" className="rq-clip" title={row.requester ?? undefined}>
        {row.requester ?? '—'}
      </div>
      <div role="gridcell">{STAGE_TITLE[row.stage]}</div>
      <div role="gridcell">
        <span className={`badge status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
      </div>
      <div role="gridcell">
        <span className={`badge priority priority-${row.priority}`}>{row.priority}</span>
      </div>
      <div role="gridcell" className={`staffing staffing-${row.staffing.replace(/ /g, '-')}`}>
        {staffingText(row)}
      </div>
      <div role="gridcell" title={`${weekTitle(row.startWeek)} to ${weekTitle(row.endWeek)}`}>
        {/* With years: requests of many years share the list. */}
        {row.startWeek === row.endWeek ? row.startWeek : `${row.startWeek}–${row.endWeek}`}
      </div>
      <div role="gridcell" className="rq-num rq-cost">
        {formatMoneyGrouped(row.costMinor, minorDigits)}
      </div>
      <div role="gridcell" className="rq-num">
        {row.budgetMinor === null ? <span className="muted">none</span> : formatMoneyGrouped(row.budgetMinor, minorDigits)}
      </div>
    </div>
  );
});

export const requestCountText = (shown: number, total: number): string =>
  shown === total ? `${countText(total)} requests` : `${countText(shown)} of ${countText(total)} requests`;
