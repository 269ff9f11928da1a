import type { Key, ReactNode } from 'react';
import type { WindowedList } from '../hooks/useWindowedList';

/**
 * The markup of a windowed list: a scroller holding a list as tall as all its rows, with only
 * the window's rows in it, each placed at its own offset and numbered for screen readers.
 * `placeholder` (loading, empty, no match) shows instead of the list when given.
 */
export function WindowedRows({
  list,
  labelledBy,
  rowKey,
  renderRow,
  placeholder,
}: {
  list: WindowedList<HTMLDivElement>;
  labelledBy: string;
  rowKey: (index: number) => Key;
  renderRow: (index: number) => ReactNode;
  placeholder?: ReactNode;
}) {
  const { containerRef, count, start, end, rowHeight, totalHeight } = list;
  const rows = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <li
        key={rowKey(i)}
        className="vrow"
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
        aria-setsize={count}
        aria-posinset={i + 1}
      >
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <div className="vlist" ref={containerRef} tabIndex={-1}>
      {placeholder ?? (
        <ul className="vlist-inner" role="list" aria-labelledby={labelledBy} style={{ height: totalHeight }}>
          {rows}
        </ul>
      )}
    </div>
  );
}
