import { memo, useEffect, useId } from 'react';
import type { AllocationSortKey } from '../../../../shared/api';
import type { AllocationRow } from '../../../../shared/domain';
import { AreaError } from '../../components/AreaError';
import { useWindowedList } from '../../hooks/useWindowedList';
import type { ReportFormat } from '../../model/locale-format';
import { allocationAt, ensureAllocationRows, nextAllocationSort, reloadReports, setAllocationSort, useStore } from '../../store';
import { STAGE_TITLE } from '../board/Lane';

/** Fixed so the list can be windowed; reports.css sizes .rp-arow to match. */
export const ALLOCATION_ROW_HEIGHT = 32;

const COLUMNS: { key: AllocationSortKey; label: string; numeric?: boolean }[] = [
  { key: 'week', label: 'Week' },
  { key: 'specialist', label: 'Specialist' },
  { key: 'department', label: 'Department' },
  { key: 'request', label: 'Request' },
  { key: 'stage', label: 'Stage' },
  { key: 'status', label: 'Status' },
  { key: 'hours', label: 'Hours', numeric: true },
  { key: 'cost', label: 'Cost', numeric: true },
];

/**
 * The allocations behind the figures: every allocation of the range, sorted by the backend
 * and fetched a page at a time as the user scrolls (250,000 rows put a screenful in the DOM).
 */
export function AllocationsTable({ fmt, currency }: { fmt: ReportFormat; currency: string }) {
  const table = useStore((s) => s.allocationTable);
  const sort = useStore((s) => s.allocationSort);
  const headingId = useId();
  const count = table.total ?? 0;
  const { containerRef, start, end, totalHeight } = useWindowedList<HTMLDivElement>({ count, rowHeight: ALLOCATION_ROW_HEIGHT });

  // The window asks for its rows; a new generation (filter, sort, reload) asks again.
  useEffect(() => {
    ensureAllocationRows(start, Math.max(end, start + 1));
  }, [start, end, table.generation, table.total]);

  const body = [];
  for (let i = start; i < end; i++) {
    body.push(<AllocationRowView key={i} index={i} row={allocationAt(table, i)} fmt={fmt} />);
  }

  return (
    <section className="rp-section rp-allocations" aria-labelledby={headingId} data-testid="rp-allocations">
      <div className="rp-section-head">
        <h3 id={headingId}>Allocations</h3>
        <p
          className="rp-table-totals"
          data-testid="reports-allocation-totals"
          data-count={table.total ?? ''}
          data-minutes={table.total === null ? '' : table.totalMinutes}
          data-cost={table.total === null ? '' : table.totalCostMinor}
          aria-live="polite"
        >
          {table.total === null
            ? 'Loading…'
            : `${fmt.int(table.total)} ${table.total === 1 ? 'allocation' : 'allocations'} · ${fmt.hours(table.totalMinutes)} h · ${fmt.money(
                table.totalCostMinor,
              )} ${currency}`}
        </p>
      </div>
      {table.error && (
        <AreaError title="The allocations could not be loaded" error={table.error} onRetry={() => void reloadReports(true)} />
      )}
      <div
        className="rp-table"
        role="table"
        aria-labelledby={headingId}
        aria-rowcount={count + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={table.total === null}
      >
        <div role="rowgroup" className="rp-thead">
          <div role="row" aria-rowindex={1} className="rp-acols">
            {COLUMNS.map((c) => {
              const sorted = sort.key === c.key;
              const direction = sort.dir === 'asc' ? 'ascending' : 'descending';
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  className={c.numeric ? 'rp-num' : undefined}
                  aria-sort={sorted ? direction : 'none'}
                  data-sort-key={c.key}
                >
                  <button
                    type="button"
                    className="rp-sort"
                    data-testid={`allocations-sort-${c.key}`}
                    title={`Sort by ${c.label.toLowerCase()}`}
                    onClick={() => setAllocationSort(nextAllocationSort(sort, c.key))}
                  >
                    {c.label}
                    {c.key === 'cost' && currency ? ` (${currency})` : ''}
                    <span className="rp-sort-mark" aria-hidden="true">
                      {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        {/* A scroller the keyboard can reach: the rows themselves do nothing when chosen. */}
        <div className="rp-tbody" ref={containerRef} tabIndex={0} aria-label="Allocation rows">
          {table.total === 0 ? (
            <p className="empty-note">No allocations in these weeks for these departments and stages.</p>
          ) : (
            <div role="rowgroup" className="vlist-inner" style={{ height: totalHeight }}>
              {body}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

const AllocationRowView = memo(function AllocationRowView({
  index,
  row,
  fmt,
}: {
  index: number;
  row: AllocationRow | undefined;
  fmt: ReportFormat;
}) {
  const style = { transform: `translateY(${index * ALLOCATION_ROW_HEIGHT}px)`, height: ALLOCATION_ROW_HEIGHT };
  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} className="vrow rp-acols rp-arow rp-arow-loading" style={style}>
        <div role="cell" className="muted">
          …
        </div>
      </div>
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`vrow rp-acols rp-arow status-${row.status}`}
      style={style}
      data-testid="allocation-row"
    >
      <div role="cell" title={fmt.week(row.week)}>
        {row.week}
      </div>
      <div role="cell" className="rp-clip" title={`${row.specialist} (${row.specialistId})`}>
        {row.specialist}
      </div>
      <div role="cell" className="rp-clip" title={row.department}>
        {row.department}
      </div>
      <div role="cell" className="rp-clip" title={`${row.requestId}: ${row.request}`}>
        <span className="rp-id">{row.requestId}</span> {row.request}
      </div>
      <div role="cell">{STAGE_TITLE[row.stage]}</div>
      <div role="cell">{row.status}</div>
      <div role="cell" className="rp-num">
        {fmt.hours(row.minutes)}
      </div>
      <div role="cell" className="rp-num">
        {fmt.money(row.costMinor)}
      </div>
    </div>
  );
});
