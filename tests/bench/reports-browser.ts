// The Reports view on the bench plan (2,000 specialists, 5,000 requests, 250,000
// allocations) in Chromium, through the real web host: how long until its figures show, and
// how long another range takes. Used by `npm run bench` (tests/bench/run.ts) and
// `npm run bench -- --only reports`.
//
// Definitions (times on the page's own clock, performance.now(), whose zero is the navigation
// start; "painted" = the first frame rendered after the DOM showed it, read as a message
// posted from that frame's requestAnimationFrame callback, as in board-browser.ts):
// - first paint: navigation to `#reports` -> the frame that paints the figures of the
//   default range (13 weeks from the page's current week) and the allocations table's count
//   and first rows. Holds the reports-view and first reports-allocations-page calls, their
//   transfer and parse, and the first render of the heat map, charts and table. Baseline:
//   the same page's first contentful paint (the app's shell, no data).
// - change the range: the click on a span button ("26 wk", then "13 wk" again; its event
//   time) -> the frame painting the figures of the new range with the table's count for it.
//   Baseline: a click on a plain button with no listener -> next painted frame.
import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { addIsoWeeks, type IsoWeek } from '../../shared/domain';
import { CHROMIUM, launchChromium } from '../helpers/browser';
import { startHost } from '../helpers/web-host';
// @ts-expect-error: a plain .mjs script shared with `npm run web`, no type declarations.
import { ensureRendererBuilt } from '../../scripts/build-renderer.mjs';
import { median, onBenchPlanFile } from './bench-plan-file';
import type { Measure } from './measure';
import { pinnedPageClock } from './page-clock';

const RUNS = { paint: 10, range: 20 };
const VIEWPORT = { width: 1440, height: 900 };
/** The view's default span and the one the range measure switches to and back. */
const SPANS = [13, 26] as const;

const rangeOf = (from: IsoWeek, weeks: number): string => `${from}/${addIsoWeeks(from, weeks - 1)}`;

/** The figures of `range` and the table's count for it are in the DOM (the table resets its count on every change). */
const SHOWN = (range: string): string =>
  `document.querySelector('[data-testid="reports-view"]')?.getAttribute('data-shown') === '${range}' &&
   document.querySelector('[data-testid="reports-view"]')?.getAttribute('aria-busy') === 'false' &&
   !!document.querySelector('[data-testid="reports-allocation-totals"]')?.getAttribute('data-count') &&
   !!document.querySelector('[data-testid="allocation-row"]')`;

/** Page clock on Monday of `firstWeek` (page-clock.ts), then a probe noting when the first range is painted. */
function initScript(firstWeek: IsoWeek): string {
  return `(() => {
    ${pinnedPageClock(firstWeek)}
    const probe = (globalThis.__reportsProbe = { shown: null });
    const watch = new MutationObserver(() => {
      if (!(${SHOWN(rangeOf(firstWeek, SPANS[0]))})) return;
      watch.disconnect();
      nextPaint((t) => (probe.shown = t));
    });
    watch.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    globalThis.__nextPaint = nextPaint;
  })();`;
}

interface LoadFigures {
  shown: number;
  fcp: number;
  /** When the reports-view answer had arrived: the rest of `shown` is the page's own work (and the table's page). */
  viewEnd: number;
}

async function loadReports(
  browser: Browser,
  url: string,
  firstWeek: IsoWeek,
  keep: boolean,
): Promise<{ figures: LoadFigures; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(initScript(firstWeek));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.setDefaultTimeout(60_000);
  await page.goto(`${url}#reports`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (globalThis as unknown as { __reportsProbe: { shown: number | null } }).__reportsProbe.shown !== null);
  const figures = (await page.evaluate(`({
    shown: globalThis.__reportsProbe.shown,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    viewEnd: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/reports-view'))?.responseEnd ?? NaN,
  })`)) as LoadFigures;
  if (errors.length) throw new Error(`bench: the reports view threw: ${errors.join('; ')}`);
  if (!keep) await context.close();
  return { figures, page, errors };
}

/** In the page: the next click on `selector` (its event time) -> the frame painting `range` with its table count. */
const armRange = (selector: string, range: string): string => `void (globalThis.__probe = new Promise((resolve) => {
  let start = null;
  const click = (e) => {
    if (e.target instanceof Element && e.target.closest('${selector}')) start = e.timeStamp;
  };
  addEventListener('click', click, true);
  const watch = new MutationObserver(() => {
    if (start === null || !(${SHOWN(range)})) return;
    watch.disconnect();
    removeEventListener('click', click, true);
    globalThis.__nextPaint((t) => resolve(t - start));
  });
  watch.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
}))`;

const PLAIN_BUTTON = `(() => {
  const el = document.createElement('button');
  el.id = 'bench-plain-button';
  el.textContent = 'bench baseline';
  el.style.cssText = 'position:fixed;right:4px;bottom:4px;z-index:9999';
  document.body.appendChild(el);
})()`;

const ARM_PLAIN = `void (globalThis.__probe = new Promise((resolve) => {
  document.getElementById('bench-plain-button').addEventListener('click', (e) => globalThis.__nextPaint((t) => resolve(t - e.timeStamp)), { capture: true, once: true });
}))`;

async function probed(page: Page, arm: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate(arm);
  await act();
  const timeout = "new Promise((_, reject) => setTimeout(() => reject(new Error('the probed frame never came')), 30000))";
  return (await page.evaluate(`Promise.race([globalThis.__probe, ${timeout}])`)) as number;
}

async function rangeChanges(page: Page, firstWeek: IsoWeek, runs: number): Promise<{ samples: number[]; baseline: number[] }> {
  const samples: number[] = [];
  const baseline: number[] = [];
  const plain = page.locator('#bench-plain-button');
  for (let i = 0; i < runs; i++) {
    baseline.push(await probed(page, ARM_PLAIN, () => plain.click()));
    const weeks = SPANS[(i + 1) % 2]!;
    const selector = `[data-testid="reports-span-${weeks}"]`;
    samples.push(await probed(page, armRange(selector, rangeOf(firstWeek, weeks)), () => page.locator(selector).click()));
    await page.waitForTimeout(200);
  }
  return { samples, baseline };
}

/**
 * The Reports view rows of the bench: first paint on a warm host (each load in a fresh
 * browser context) and changing the range. Empty without Chromium.
 */
export async function reportsInBrowser(planPath: string, firstWeek: IsoWeek, log: (s: string) => void): Promise<Measure[]> {
  if (!existsSync(CHROMIUM)) {
    log(`reports view in Chromium: not measured (no Chromium at ${CHROMIUM})`);
    return [];
  }
  (ensureRendererBuilt as () => void)();
  const browser = await launchChromium();
  const host = await startHost(planPath);
  try {
    // The first load warms the host (its snapshot and index, the served files).
    await loadReports(browser, host.url, firstWeek, false);
    const loads: LoadFigures[] = [];
    let last: Awaited<ReturnType<typeof loadReports>> | null = null;
    for (let i = 0; i < RUNS.paint; i++) {
      last = await loadReports(browser, host.url, firstWeek, i === RUNS.paint - 1);
      loads.push(last.figures);
    }
    const fig = (f: LoadFigures): string =>
      `${f.shown.toFixed(0)} ms (fcp ${f.fcp.toFixed(0)}, reports-view answered ${f.viewEnd.toFixed(0)})`;
    log(`reports first paint: ${loads.map(fig).join('; ')}`);
    const page = last!.page;
    const domNodes = (await page.evaluate('document.querySelectorAll("*").length')) as number;
    await page.evaluate(PLAIN_BUTTON);
    await page.waitForTimeout(300);
    const range = await rangeChanges(page, firstWeek, RUNS.range);
    log(`reports range change: ${range.samples.map((s) => s.toFixed(0)).join(', ')} ms`);
    if (last!.errors.length) throw new Error(`bench: the reports view threw: ${last!.errors.join('; ')}`);
    await page.context().close();

    const view = `the Reports view of the bench plan (${domNodes} DOM elements at first paint; page clock pinned to ${firstWeek})`;
    return [
      {
        key: 'reports-paint',
        label: `reports view first paint (x${RUNS.paint})`,
        includes:
          `new browser context, navigation to #reports -> frame painting ${view} for ${rangeOf(firstWeek, SPANS[0])}: key figures, ` +
          'heat map (departments closed), cost and skill charts, the allocations count and first rows: plan-info, reports-view and ' +
          'the first reports-allocations-page (asked alongside the board, specialists and flags calls the app makes at start, on ' +
          'the same host), transfer, first render; web host already served the view once',
        baseline: 'first contentful paint of the same loads (the app shell, no data)',
        samples: loads.map((f) => f.shown),
        baselineSamples: loads.map((f) => f.fcp),
        limitMs: 1000,
        maxRatio: null,
      },
      {
        key: 'reports-range',
        label: `reports view, change the range (x${RUNS.range})`,
        includes:
          `a click on "${SPANS[1]} wk" or "${SPANS[0]} wk" in turn (event time) -> frame painting the figures of the new range ` +
          `and the table's count for it, on ${view}: reports-view and reports-allocations-page for the new filter, render`,
        baseline: 'a click on a plain <button> with no listener -> next painted frame',
        samples: range.samples,
        baselineSamples: range.baseline,
        limitMs: 300,
        maxRatio: null,
      },
    ];
  } finally {
    await host.stop();
    await browser.close();
  }
}

/** `npm run bench -- --only reports`: these rows alone, on the bench plan built as run.ts builds it, in a temp folder removed at the end. */
export async function printReportsBench(): Promise<void> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  await onBenchPlanFile(async (path, plan) => {
    log(`bench plan: ${plan.counts.specialists} specialists, ${plan.counts.requests} requests, ${plan.counts.allocations} allocations`);
    for (const m of await reportsInBrowser(path, plan.weeks[0]!, log)) {
      const med = median(m.samples);
      const base = median(m.baselineSamples);
      const verdict = m.limitMs !== null && med >= m.limitMs ? 'over' : 'ok';
      process.stdout.write(
        `${m.label}: median ${med.toFixed(0)} ms, baseline ${base.toFixed(1)} ms, ratio ${(med / base).toFixed(1)}x, ` +
          `target <${m.limitMs} ms: ${verdict}\n  includes: ${m.includes}\n  baseline: ${m.baseline}\n`,
      );
    }
  });
}
