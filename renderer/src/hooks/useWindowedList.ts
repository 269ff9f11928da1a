// A small windowing hook for long lists of fixed-height rows: 2,000 specialists or
// thousands of flags would otherwise mean tens of thousands of DOM nodes.
import { useCallback } from 'react';
import { FALLBACK_VIEW, useScrollFollower } from './useScrollFollower';

export interface WindowRange {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Rows to render for a scroll position: the visible ones plus `overscan` either side. */
export function windowRange(opts: {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan: number;
}): WindowRange {
  const { count, rowHeight, scrollTop, viewportHeight, overscan } = opts;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  // A list that got shorter (a filter, fewer weeks) may still hold the old, deeper position
  // until the browser clamps it: show its last screenful, as the clamped scroller will.
  const maxTop = Math.max(0, count * rowHeight - viewportHeight);
  const first = Math.floor(Math.min(maxTop, Math.max(0, scrollTop)) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(start, end) };
}

/** scrollTop that shows row `index` in the middle of the viewport (or as near as the list allows). */
export function scrollTopFor(index: number, opts: { count: number; rowHeight: number; viewportHeight: number }): number {
  const { count, rowHeight, viewportHeight } = opts;
  const max = Math.max(0, count * rowHeight - viewportHeight);
  const centred = index * rowHeight - (viewportHeight - rowHeight) / 2;
  return Math.round(Math.min(max, Math.max(0, centred)));
}

export interface WindowedList<E extends HTMLElement> {
  /** Attach to the scrolling element. */
  containerRef: (el: E | null) => (() => void) | undefined;
  count: number;
  start: number;
  end: number;
  totalHeight: number;
  rowHeight: number;
  scrollToIndex: (index: number) => void;
}

export function useWindowedList<E extends HTMLElement = HTMLDivElement>(opts: {
  count: number;
  rowHeight: number;
  overscan?: number;
}): WindowedList<E> {
  const { count, rowHeight, overscan = 8 } = opts;
  const { containerRef, view, scrollTo, element } = useScrollFollower<E>();

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = element();
      if (!el || index < 0 || index >= count) return;
      scrollTo({ top: scrollTopFor(index, { count, rowHeight, viewportHeight: el.clientHeight || FALLBACK_VIEW.height }) });
    },
    [element, scrollTo, count, rowHeight],
  );

  const { start, end } = windowRange({ count, rowHeight, scrollTop: view.top, viewportHeight: view.height, overscan });
  return { containerRef, count, start, end, totalHeight: count * rowHeight, rowHeight, scrollToIndex };
}
