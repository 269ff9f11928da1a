// Windowing in two directions for a grid of fixed-size cells with a sticky header row and a
// sticky first column: 2,000 specialists by 52 weeks would be 104,000 cells in the DOM.
// The grid follows the scroller once per frame; the rows and cells below it are memoized on
// the window's numbers, so only a changed window renders anything new.
import { useCallback } from 'react';
import { FALLBACK_VIEW, useScrollFollower, type ScrollView } from './useScrollFollower';
import { windowRange } from './useWindowedList';

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
export function gridWindow(g: GridGeometry, scroll: ScrollView): GridWindow {
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

export interface GridWindowHandle<E extends HTMLElement> extends GridWindow {
  containerRef: (el: E | null) => (() => void) | undefined;
  /** Scrolls so that the cell (row, col) is in view (col null: keep the horizontal position). */
  scrollToCell: (row: number, col: number | null) => void;
}

/** `onElement`, when given, is told the scrolling element when it mounts and unmounts (null). */
export function useGridWindow<E extends HTMLElement = HTMLDivElement>(
  g: GridGeometry,
  onElement?: (el: E | null) => void,
): GridWindowHandle<E> {
  const { containerRef, view, scrollTo, element } = useScrollFollower<E>(onElement);
  const { rowHeight, colWidth, headerHeight, stickyWidth } = g;

  const scrollToCell = useCallback(
    (row: number, col: number | null) => {
      const el = element();
      if (!el) return;
      const viewH = (el.clientHeight || FALLBACK_VIEW.height) - headerHeight;
      const viewW = (el.clientWidth || FALLBACK_VIEW.width) - stickyWidth;
      scrollTo({
        top: Math.max(0, Math.round(row * rowHeight - (viewH - rowHeight) / 2)),
        left: col === null ? undefined : Math.max(0, Math.round(col * colWidth - (viewW - colWidth) / 2)),
      });
    },
    [element, scrollTo, rowHeight, colWidth, headerHeight, stickyWidth],
  );

  return { ...gridWindow(g, view), containerRef, scrollToCell };
}
