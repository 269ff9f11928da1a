import { useCallback, useRef, useState } from 'react';

/** Where a scroller is and how big it is: what a windowed list or grid renders from. */
export interface ScrollView {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Size assumed before the scroller has been measured (jsdom never measures). */
export const FALLBACK_VIEW: ScrollView = { top: 0, left: 0, width: 1200, height: 800 };

function readView(el: HTMLElement): ScrollView {
  return {
    top: el.scrollTop,
    left: el.scrollLeft,
    width: el.clientWidth > 0 ? el.clientWidth : FALLBACK_VIEW.width,
    height: el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEW.height,
  };
}

const sameView = (a: ScrollView, b: ScrollView) => a.top === b.top && a.left === b.left && a.width === b.width && a.height === b.height;

export interface ScrollFollower<E extends HTMLElement> {
  /** Attach to the scrolling element. */
  containerRef: (el: E | null) => (() => void) | undefined;
  view: ScrollView;
  /** Scrolls the element and renders the new view at once rather than on the next scroll event, so a target row can be focused. */
  scrollTo: (to: { top?: number; left?: number }) => void;
  /** The element, for event handlers and effects (null before it is attached). */
  element: () => E | null;
}

/**
 * Follows a scroller's position and size as state: at most once per animation frame while it
 * scrolls (a wheel sends many events per frame), and whenever its size changes. The windowed
 * list and the timeline grid both render from it. `onElement`, when given, is told the element
 * when it mounts and unmounts (null), for the caller's own use.
 */
export function useScrollFollower<E extends HTMLElement = HTMLDivElement>(onElement?: (el: E | null) => void): ScrollFollower<E> {
  const [view, setView] = useState<ScrollView>(FALLBACK_VIEW);
  const node = useRef<E | null>(null);

  const containerRef = useCallback(
    (el: E | null) => {
      node.current = el;
      onElement?.(el);
      if (!el) return undefined;
      const follow = () => {
        const next = readView(el);
        setView((prev) => (sameView(prev, next) ? prev : next));
      };
      let frame = 0;
      const scrolled = () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          follow();
        });
      };
      follow();
      el.addEventListener('scroll', scrolled, { passive: true });
      const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(follow);
      observer?.observe(el);
      return () => {
        el.removeEventListener('scroll', scrolled);
        observer?.disconnect();
        if (frame) cancelAnimationFrame(frame);
        node.current = null;
        onElement?.(null);
      };
    },
    [onElement],
  );

  const scrollTo = useCallback((to: { top?: number; left?: number }) => {
    const el = node.current;
    if (!el) return;
    if (to.top !== undefined) el.scrollTop = to.top;
    if (to.left !== undefined) el.scrollLeft = to.left;
    const next = readView(el);
    setView((prev) => (sameView(prev, next) ? prev : next));
  }, []);

  const element = useCallback(() => node.current, []);
  return { containerRef, view, scrollTo, element };
}
