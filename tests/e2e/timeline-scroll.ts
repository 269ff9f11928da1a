// Timeline scroll smoothness, measured in the page: the grid is scrolled by a fixed step on
// every animation frame (down and sideways, bouncing at the ends) and the gaps between
// requestAnimationFrame timestamps say how long each frame took. Used by the e2e test on the
// demo plan and by `npm run bench` on 2,000 specialists x 52 weeks.
import type { Page } from 'playwright-core';
import { addIsoWeeks } from '../../shared/domain';

// The functions handed to page.evaluate run in the browser; this Node project has no DOM
// library, so they reach the few browser globals they use through these shapes.
interface ScrollBox {
  scrollTop: number;
  scrollLeft: number;
  readonly scrollHeight: number;
  readonly scrollWidth: number;
  readonly clientHeight: number;
  readonly clientWidth: number;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  document: { querySelector(selector: string): ScrollBox | null };
  requestAnimationFrame(callback: (time: number) => void): number;
}

export interface TimelineScrollOptions {
  /** How long to scroll while measuring; 3 s by default. */
  seconds?: number;
  /**
   * Scrolling before the measure starts, not counted: the first second after a plan opens
   * still compiles code and fetches the first windows of rows. 1 s by default.
   */
  warmupSeconds?: number;
  /** Pixels per frame down (and back up at the end); 48 by default, about 2,900 px/s at 60 Hz. */
  stepY?: number;
  /** Pixels per frame sideways; 16 by default. */
  stepX?: number;
  /** A frame longer than this counts as long; 16.7 ms (one 60 Hz frame) by default. */
  longFrameMs?: number;
  /**
   * Allowance for timer jitter on top of `longFrameMs`: on an idle page the rAF gaps at 60 Hz
   * read 16.6 to 16.8 ms (timestamps are coarsened to 0.1 ms), which are not long frames.
   * 1 ms by default; 0 for the strict count.
   */
  jitterMs?: number;
}

export interface TimelineScrollResult {
  /** Frames measured (gaps between consecutive rAF callbacks). */
  frames: number;
  /** Frames longer than `longFrameMs` + `jitterMs`. */
  longFrames: number;
  /** Frames longer than `longFrameMs` with no jitter allowance. */
  strictLongFrames: number;
  /** Wall time of the measurement in seconds (warm-up not included). */
  seconds: number;
  /** Frames that took at least two 60 Hz frames (33.4 ms): the stutters a person notices. */
  droppedFrames: number;
  /** Longest frame and the 95th percentile, in ms. */
  worstMs: number;
  p95Ms: number;
  /** How far the grid scrolled, in px, to show the measure moved the window. */
  scrolledY: number;
  scrolledX: number;
}

/** Scrolls the timeline grid (`data-testid="timeline"`) frame by frame and times the frames. */
export async function measureTimelineScroll(page: Page, options: TimelineScrollOptions = {}): Promise<TimelineScrollResult> {
  const args = {
    seconds: options.seconds ?? 3,
    warmupSeconds: options.warmupSeconds ?? 1,
    stepY: options.stepY ?? 48,
    stepX: options.stepX ?? 16,
    longFrameMs: options.longFrameMs ?? 16.7,
    jitterMs: options.jitterMs ?? 1,
  };
  // tsx (the bench's runner) keeps function names with a __name helper that the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    ({ seconds, warmupSeconds, stepY, stepX, longFrameMs, jitterMs }) =>
      new Promise<TimelineScrollResult>((resolve, reject) => {
        const g = globalThis as unknown as PageGlobals;
        const el = g.document.querySelector('[data-testid="timeline"]');
        if (!el) return reject(new Error('There is no timeline grid ([data-testid="timeline"]) on the page.'));
        const gaps: number[] = [];
        let first = 0;
        let last = 0;
        let dirY = 1;
        let dirX = 1;
        let scrolledY = 0;
        let scrolledX = 0;
        const advance = (pos: number, step: number, max: number, dir: number): [number, number] => {
          if (max <= 0) return [0, dir];
          let next = pos + step * dir;
          if (next >= max) [next, dir] = [max, -1];
          else if (next <= 0) [next, dir] = [0, 1];
          return [next, dir];
        };
        let warmupEnd = 0;
        const frame = (t: number) => {
          if (!warmupEnd) warmupEnd = t + warmupSeconds * 1000;
          if (t >= warmupEnd) {
            if (!first) {
              first = t;
              scrolledY = 0;
              scrolledX = 0;
            } else gaps.push(t - last);
          }
          last = t;
          if (first && t - first >= seconds * 1000) {
            const sorted = [...gaps].sort((a, b) => a - b);
            resolve({
              frames: gaps.length,
              longFrames: gaps.filter((d) => d > longFrameMs + jitterMs).length,
              strictLongFrames: gaps.filter((d) => Math.round(d * 10) / 10 > longFrameMs).length,
              seconds: (t - first) / 1000,
              droppedFrames: gaps.filter((d) => d >= 33.4).length,
              worstMs: sorted[sorted.length - 1] ?? 0,
              p95Ms: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
              scrolledY,
              scrolledX,
            });
            return;
          }
          const top = el.scrollTop;
          const left = el.scrollLeft;
          let y: number;
          let x: number;
          [y, dirY] = advance(top, stepY, el.scrollHeight - el.clientHeight, dirY);
          [x, dirX] = advance(left, stepX, el.scrollWidth - el.clientWidth, dirX);
          el.scrollTop = y;
          el.scrollLeft = x;
          scrolledY += Math.abs(y - top);
          scrolledX += Math.abs(x - left);
          g.requestAnimationFrame(frame);
        };
        g.requestAnimationFrame(frame);
      }),
    args,
  );
}

/**
 * Opens the timeline the way a person would: the Timeline tab, then (optionally) the first
 * week in the header's week fields, then the span in the timeline's "Weeks" menu. For the
 * bench: `openTimeline(page, { from: '2027-W01', weeks: 52 })`.
 */
export async function openTimeline(page: Page, options: { from?: string; weeks?: 8 | 13 | 26 | 52 } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  const grid = page.getByTestId('timeline');
  await grid.waitFor();
  if (options.from) {
    const to = addIsoWeeks(options.from, 7);
    const first = page.locator(`[role="columnheader"][aria-colindex="2"][data-week="${options.from}"]`);
    // The week fields commit after a pause and re-read the store when it moves: try again
    // if a half-typed range was overtaken.
    for (let attempt = 0; attempt < 3 && !(await first.count()); attempt++) {
      await page.getByTestId('week-from').fill(options.from);
      await page.getByTestId('week-to').fill(to);
      await page.getByTestId('week-to').press('Enter');
      await first.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await first.waitFor({ timeout: 1_000 });
  }
  if (options.weeks) {
    await page.getByTestId('timeline-span').selectOption(String(options.weeks));
    await page.waitForFunction(
      (n) =>
        (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="timeline"]')?.getAttribute('aria-colcount') ===
        String(n + 1),
      options.weeks,
    );
  }
  await page.getByTestId('timeline-cell').first().waitFor();
}
