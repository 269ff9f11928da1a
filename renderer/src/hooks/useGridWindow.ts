// Windowing in two directions for a grid of fixed-size cells with a sticky header row and a
// sticky first column: 2,000 specialists by 52 weeks would be 104,000 cells in the DOM.
// State changes only when the window of rows or columns changes, not on every scrolled pixel.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useScrollFrames } from './useScrollFrames';
import { windowRange } from './useWindowedList';

/** Viewport assumed before the container has been measured (jsdom never measures). */
const FALLBACK = { width: 1200, height: 800 };

export interface GridWindow {
  rowStart: number;
  /** Exclusive. */
  rowEnd: number;
  colStart: number;
  /** Exclusive. */
  colEnd: number;
}

export interface GridGeometry {
  rowCount: number;
  colCount: number;
  rowHeight: number;
  colWidth: number;
  /** Height of the sticky header row, which covers the top of the scrolled content. */
  headerHeight: number;
  /** Width of the sticky first column. */
  stickyWidth: number;
  overscanRows: number;
  overscanCols: number;
}

/** Rows and columns to render for a scroll position. */
export function gridWindow(g: GridGeometry, scroll: { top: number; left: number; width: number; height: number }): GridWindow {
  const rows = windowRange({
    count: g.rowCount,
    rowHeight: g.rowHeight,
    scrollTop: scroll.top,
    viewportHeight: scroll.height - g.headerHeight,
    overscan: g.overscanRows,
  });
  const cols = windowRange({
    count: g.colCount,
    rowHeight: g.colWidth,
    scrollTop: scroll.left,
    viewportHeight: scroll.width - g.stickyWidth,
    overscan: g.overscanCols,
  });
  return { rowStart: rows.start, rowEnd: rows.end, colStart: cols.start, colEnd: cols.end };
}

const sameWindow = (a: GridWindow, b: GridWindow) =>
  a.rowStart === b.rowStart && a.rowEnd === b.rowEnd && a.colStart === b.colStart && a.colEnd === b.colEnd;

export interface GridWindowHandle<E extends HTMLElement> extends GridWindow {
  containerRef: (el: E | null) => void;
  element: E | null;
  /** Scrolls so that the cell (row, col) is in view (col null: keep the horizontal position). */
  scrollToCell: (row: number, col: number | null) => void;
}

export function useGridWindow<E extends HTMLElement = HTMLDivElement>(g: GridGeometry): GridWindowHandle<E> {
  const [el, setEl] = useState<E | null>(null);
  const geometry = useRef(g);
  geometry.current = g;
  const measure = useCallback(
    (node: E | null): GridWindow =>
      gridWindow(geometry.current, {
        top: node?.scrollTop ?? 0,
        left: node?.scrollLeft ?? 0,
        width: node && node.clientWidth > 0 ? node.clientWidth : FALLBACK.width,
        height: node && node.clientHeight > 0 ? node.clientHeight : FALLBACK.height,
      }),
    [],
  );
  const [win, setWin] = useState<GridWindow>(() => measure(null));
  const update = useCallback(() => {
    const next = measure(el);
    setWin((prev) => (sameWindow(prev, next) ? prev : next));
  }, [el, measure]);

  useScrollFrames(el, update, update);

  // More rows arrived, a filter shortened the list, the weeks changed: the window follows.
  useLayoutEffect(update, [g.rowCount, g.colCount, update]);

  const scrollToCell = useCallback(
    (row: number, col: number | null) => {
      if (!el) return;
      const { rowHeight, colWidth, headerHeight, stickyWidth } = geometry.current;
      const viewH = (el.clientHeight || FALLBACK.height) - headerHeight;
      const viewW = (el.clientWidth || FALLBACK.width) - stickyWidth;
      el.scrollTop = Math.max(0, Math.round(row * rowHeight - (viewH - rowHeight) / 2));
      if (col !== null) el.scrollLeft = Math.max(0, Math.round(col * colWidth - (viewW - colWidth) / 2));
      // Render the target now rather than on the scroll event, so it can be focused at once.
      update();
    },
    [el, update],
  );

  const containerRef = useCallback((node: E | null) => setEl(node), []);
  return { ...win, containerRef, element: el, scrollToCell };
}
