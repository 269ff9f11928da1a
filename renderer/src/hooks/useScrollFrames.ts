import { useLayoutEffect, useRef } from 'react';

/**
 * Calls `onScroll` at most once per animation frame while `el` scrolls (a wheel sends many
 * events per frame), and `onResize` when its size changes. The windowed list and the
 * timeline grid both follow their scroller this way.
 */
export function useScrollFrames(el: HTMLElement | null, onScroll: () => void, onResize: () => void): void {
  const frame = useRef(0);
  useLayoutEffect(() => {
    if (!el) return;
    const scrolled = () => {
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        onScroll();
      });
    };
    el.addEventListener('scroll', scrolled, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onResize);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', scrolled);
      observer?.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [el, onScroll, onResize]);
}
