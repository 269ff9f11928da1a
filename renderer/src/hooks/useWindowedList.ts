// A small windowing hook for long lists of fixed-height rows: 2,000 specialists or
// thousands of flags would otherwise mean tens of thousands of DOM nodes.
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { useScrollFrames } from './useScrollFrames';

/** Height assumed before the container has been measured (jsdom never measures). */
const FALLBACK_VIEWPORT = 800;

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
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
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
  containerRef: (el: E | null) => void;
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
  const [el, setEl] = useState<E | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_VIEWPORT);
  const measure = useCallback(() => {
    if (el) setViewportHeight(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT);
  }, [el]);
  const follow = useCallback(() => {
    if (el) setScrollTop(el.scrollTop);
  }, [el]);
  useLayoutEffect(() => {
    measure();
    follow();
  }, [measure, follow]);
  useScrollFrames(el, follow, measure);

  // A shorter list (new weeks, a filter) can leave the old scroll position past its end.
  useEffect(() => {
    if (el) setScrollTop(el.scrollTop);
  }, [count, el]);

  const scrollToIndex = useCallback(
    (index: number) => {
      if (!el || index < 0 || index >= count) return;
      const top = scrollTopFor(index, { count, rowHeight, viewportHeight: el.clientHeight || viewportHeight });
      el.scrollTop = top;
      // Render the target rows now rather than on the scroll event, so it can be focused at once.
      setScrollTop(top);
    },
    [el, count, rowHeight, viewportHeight],
  );

  const { start, end } = windowRange({ count, rowHeight, scrollTop, viewportHeight, overscan });
  const containerRef = useCallback((node: E | null) => setEl(node), []);
  return { containerRef, start, end, totalHeight: count * rowHeight, rowHeight, scrollToIndex };
}
