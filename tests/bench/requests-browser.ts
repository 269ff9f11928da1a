// The Requests view on the bench plan (5,000 requests) in Chromium, through the real web
// host: how long until the list shows, how long a text filter down to 10 requests takes, and
// how long a request takes to open from the list. Used by `npm run bench` (tests/bench/run.ts)
// and `npm run bench -- --only requests` (tests/bench/requests-only.ts).
//
// Definitions (times on the page's own clock, performance.now(), whose zero is the navigation
// start; "painted" = the first frame rendered after the DOM showed it, read as a message
// posted from that frame's requestAnimationFrame callback, as in board-browser.ts):
// - first paint: navigation to `#requests` -> the frame that paints the first request rows
//   with the count reading every request of the plan. Holds the requests-list call, its
//   transfer and parse, sorting 5,000 rows and the first render. Baseline: the same page's
//   first contentful paint (the app's shell, no data).
// - filter to 10: the input event that puts the text into the filter (its event time) -> the
//   frame painting exactly 10 rows. Baseline: the same input into a plain <input> with no
//   listener -> next painted frame.
// - open: the keydown of Enter on a focused row (event time) -> the frame painting the
//   editor with that request's details. Baseline: Enter in the plain <input> -> next frame.
import type { Browser, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { foldText, type IsoWeek } from '../../shared/domain';
import { CHROMIUM, launchChromium } from '../helpers/browser';
import { startHost } from '../helpers/web-host';
// @ts-expect-error: a plain .mjs script shared with `npm run web`, no type declarations.
import { ensureRendererBuilt } from '../../scripts/build-renderer.mjs';
import type { Measure } from './measure';
import { pinnedPageClock } from './page-clock';

const RUNS = { warm: 10, cold: 5, filter: 20, open: 20 };
const VIEWPORT = { width: 1440, height: 900 };
const FILTER_HITS = 10;
/** Rows the open measure takes turns on: all in view at 1440 x 900. */
const OPEN_ROWS = 10;

interface PlanRequests {
  total: number;
  /** A text the view's filter matches in exactly FILTER_HITS requests. */
  filterText: string;
  filterIds: string[];
}

/**
 * A prefix of the ids that matches exactly FILTER_HITS requests: the generated ids run
 * REQ-00001..REQ-05000, so dropping the last digit of one in the middle matches ten. Checked
 * against every field the filter searches (id, title, service, requester), folded as it folds.
 */
function planRequests(planPath: string): PlanRequests {
  const db = new Database(planPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT code, title, service, requester FROM requests ORDER BY id').raw().all() as (string | null)[][];
    const folded = rows.map((r) => r.map((v) => foldText(v ?? '')));
    const mid = rows.length >> 1;
    for (let k = 0; k < rows.length; k++) {
      const code = String(rows[(mid + k) % rows.length]![0]);
      const text = code.slice(0, -1);
      const needle = foldText(text);
      const hits = rows.filter((_, i) => folded[i]!.some((v) => v.includes(needle)));
      if (hits.length === FILTER_HITS) return { total: rows.length, filterText: text, filterIds: hits.map((r) => String(r[0])) };
    }
    throw new Error(`bench: no id prefix matches exactly ${FILTER_HITS} of the plan's ${rows.length} requests`);
  } finally {
    db.close();
  }
}

/** "5,000 requests" and "10 of 5,000 requests" in any locale: the count's digits run together. */
const countDigits = (shown: number, total: number): string => (shown === total ? `${total}` : `${shown}${total}`);

/**
 * Page clock set to Monday of `firstWeek` (time keeps running), as in board-browser.ts: the
 * app opens its board data on the plan's first weeks whatever today is. Then a probe that
 * notes when the first request rows and the full count are painted.
 */
function initScript(firstWeek: IsoWeek, total: number): string {
  return `(() => {
    ${pinnedPageClock(firstWeek)}
    const digits = (el) => (el ? el.textContent.replace(/\\D/g, '') : '');
    const probe = (globalThis.__requestsProbe = { rows: null });
    const watch = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="request-row"]')) return;
      if (digits(document.querySelector('[data-testid="request-count"]')) !== '${total}') return;
      watch.disconnect();
      nextPaint((t) => (probe.rows = t));
    });
    watch.observe(document, { childList: true, subtree: true, characterData: true });
    globalThis.__nextPaint = nextPaint;
    globalThis.__countDigits = digits;
  })();`;
}

interface LoadFigures {
  rows: number;
  fcp: number;
  /** When the requests-list answer had arrived: the rest of `rows` is the page's own work. */
  listEnd: number;
}

/** One load of the requests view in a fresh context (no HTTP or code cache): see "first paint" above. */
async function loadRequests(
  browser: Browser,
  url: string,
  firstWeek: IsoWeek,
  total: number,
  keep = false,
): Promise<{ figures: LoadFigures; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(initScript(firstWeek, total));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.setDefaultTimeout(60_000);
  await page.goto(`${url}#requests`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (globalThis as unknown as { __requestsProbe: { rows: number | null } }).__requestsProbe.rows !== null);
  const figures = (await page.evaluate(`({
    rows: globalThis.__requestsProbe.rows,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    listEnd: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/requests-list'))?.responseEnd ?? NaN,
  })`)) as LoadFigures;
  if (errors.length) throw new Error(`bench: the requests view threw: ${errors.join('; ')}`);
  if (!keep) await page.context().close();
  return { figures, page, errors };
}

const figures = (f: LoadFigures): string =>
  `${f.rows.toFixed(0)} ms (fcp ${f.fcp.toFixed(0)}, requests-list answered ${f.listEnd.toFixed(0)})`;

const probed = async (page: Page, arm: string, act: () => Promise<void>): Promise<number> => {
  await page.evaluate(arm);
  await act();
  const timeout = "new Promise((_, reject) => setTimeout(() => reject(new Error('the probed frame never came')), 30000))";
  return (await page.evaluate(`Promise.race([globalThis.__probe, ${timeout}])`)) as number;
};

/**
 * In the page: the next input event into the filter (its event time) -> the frame painting
 * exactly `hits` rows with the count reading them. Armed before the input: a CDP evaluate is
 * not ordered with the input itself.
 */
const armFilter = (hits: number, total: number): string => `void (globalThis.__probe = new Promise((resolve) => {
  let start = null;
  const input = (e) => {
    if (e.target instanceof Element && e.target.matches('[data-testid="request-filter-text"]')) start = e.timeStamp;
  };
  addEventListener('input', input, true);
  const watch = new MutationObserver(() => {
    if (start === null || document.querySelectorAll('[data-testid="request-row"]').length !== ${hits}) return;
    if (globalThis.__countDigits(document.querySelector('[data-testid="request-count"]')) !== '${countDigits(hits, total)}') return;
    watch.disconnect();
    removeEventListener('input', input, true);
    globalThis.__nextPaint((t) => resolve(t - start));
  });
  watch.observe(document.body, { childList: true, subtree: true, characterData: true });
}))`;

/** In the page: the Enter keydown on a request row -> the frame painting the editor with the request's details. */
const ARM_OPEN = `void (globalThis.__probe = new Promise((resolve) => {
  let start = null;
  const down = (e) => {
    if (e.key === 'Enter' && e.target instanceof Element && e.target.matches('[data-testid="request-row"]')) start = e.timeStamp;
  };
  addEventListener('keydown', down, true);
  const watch = new MutationObserver(() => {
    if (start === null || !document.querySelector('[data-testid="request-editor"][data-request-id] .rq-editor-body')) return;
    watch.disconnect();
    removeEventListener('keydown', down, true);
    globalThis.__nextPaint((t) => resolve(t - start));
  });
  watch.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-request-id'] });
}))`;

/** A plain input with no listener of the app's, for the baselines: out of the app's tree, fixed in a corner. */
const PLAIN_INPUT = `(() => {
  const el = document.createElement('input');
  el.id = 'bench-plain-input';
  el.setAttribute('aria-label', 'bench baseline');
  el.style.cssText = 'position:fixed;right:4px;bottom:4px;width:120px;z-index:9999';
  document.body.appendChild(el);
})()`;

/** In the page: the next `type` event on the plain input -> next painted frame. */
const armPlain = (type: 'input' | 'keydown'): string => `void (globalThis.__probe = new Promise((resolve) => {
  const el = document.getElementById('bench-plain-input');
  el.addEventListener('${type}', (e) => globalThis.__nextPaint((t) => resolve(t - e.timeStamp)), { capture: true, once: true });
}))`;

async function filters(page: Page, plan: PlanRequests, runs: number): Promise<{ samples: number[]; baseline: number[] }> {
  const filter = page.getByTestId('request-filter-text');
  const plain = page.locator('#bench-plain-input');
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(await probed(page, armPlain('input'), () => plain.fill(plan.filterText)));
    await plain.fill('');
    samples.push(await probed(page, armFilter(FILTER_HITS, plan.total), () => filter.fill(plan.filterText)));
    const shown = (await page.evaluate(
      `[...document.querySelectorAll('[data-testid="request-row"]')].map((el) => el.getAttribute('data-request-id'))`,
    )) as string[];
    if (shown.join() !== plan.filterIds.join()) {
      throw new Error(`bench: filtering by "${plan.filterText}" showed ${shown.join(', ')}, not ${plan.filterIds.join(', ')}`);
    }
    await filter.fill('');
    await page.waitForFunction(`globalThis.__countDigits(document.querySelector('[data-testid="request-count"]')) === '${plan.total}'`);
    await page.waitForTimeout(200);
  }
  return { samples, baseline };
}

async function opens(page: Page, runs: number): Promise<{ samples: number[]; baseline: number[] }> {
  const plain = page.locator('#bench-plain-input');
  const rows = page.getByTestId('request-row');
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    await plain.focus();
    baseline.push(await probed(page, armPlain('keydown'), () => page.keyboard.press('Enter')));
    const row = rows.nth(i % OPEN_ROWS);
    const id = await row.getAttribute('data-request-id');
    // Focus without a click: a click on a row opens it.
    await row.focus();
    samples.push(await probed(page, ARM_OPEN, () => page.keyboard.press('Enter')));
    const opened = await page.getByTestId('request-editor').getAttribute('data-request-id');
    if (opened !== id) throw new Error(`bench: Enter on ${id} opened ${opened}`);
    await page.getByTestId('editor-close').click();
    await rows.first().waitFor();
    await page.waitForTimeout(200);
  }
  return { samples, baseline };
}

/**
 * The requests view rows of the bench: first paint on a warm host (each load in a fresh
 * browser context) and on a fresh host process, filter to 10, and opening a request. Empty
 * without Chromium.
 */
export async function requestsInBrowser(planPath: string, firstWeek: IsoWeek, log: (s: string) => void): Promise<Measure[]> {
  if (!existsSync(CHROMIUM)) {
    log(`requests view in Chromium: not measured (no Chromium at ${CHROMIUM})`);
    return [];
  }
  const plan = planRequests(planPath);
  (ensureRendererBuilt as () => void)();
  const browser = await launchChromium();
  try {
    const cold: LoadFigures[] = [];
    for (let i = 0; i < RUNS.cold; i++) {
      const host = await startHost(planPath);
      try {
        cold.push((await loadRequests(browser, host.url, firstWeek, plan.total)).figures);
      } finally {
        await host.stop();
      }
      log(`requests cold ${i + 1}: rows painted ${figures(cold[i]!)}`);
    }

    const host = await startHost(planPath);
    try {
      await loadRequests(browser, host.url, firstWeek, plan.total);
      const warm: LoadFigures[] = [];
      let last: Awaited<ReturnType<typeof loadRequests>> | null = null;
      for (let i = 0; i < RUNS.warm; i++) {
        const run = await loadRequests(browser, host.url, firstWeek, plan.total, i === RUNS.warm - 1);
        warm.push(run.figures);
        last = run;
      }
      log(`requests warm: rows painted ${warm.map(figures).join('; ')}`);
      const page = last!.page;
      const domRows = await page.getByTestId('request-row').count();
      await page.evaluate(PLAIN_INPUT);
      await page.waitForTimeout(300);
      const filter = await filters(page, plan, RUNS.filter);
      log(`filter to ${FILTER_HITS}: ${filter.samples.map((s) => s.toFixed(0)).join(', ')} ms`);
      const open = await opens(page, RUNS.open);
      log(`open a request: ${open.samples.map((s) => s.toFixed(0)).join(', ')} ms`);
      if (last!.errors.length) throw new Error(`bench: the requests view threw: ${last!.errors.join('; ')}`);
      await page.context().close();

      const total = plan.total.toLocaleString('en-US');
      const view = `the requests view of ${total} requests (${domRows} row elements in the DOM; page clock pinned to ${firstWeek})`;
      return [
        {
          key: 'requests-paint-warm',
          label: `requests view first paint, warm (x${RUNS.warm})`,
          includes:
            `new browser context, navigation to #requests -> frame painting the first rows of ${view} with the count reading ` +
            `${total}: plan-info, then requests-list (asked after the board, specialists and flags calls the app makes at start, ` +
            'on the same host), transfer, sort by id, first render; web host already served the view once',
          baseline: 'first contentful paint of the same loads (the app shell, no data)',
          samples: warm.map((f) => f.rows),
          baselineSamples: warm.map((f) => f.fcp),
          limitMs: null,
          maxRatio: null,
        },
        {
          key: 'requests-paint-cold',
          label: `requests view first paint, fresh host (x${RUNS.cold})`,
          includes: `as warm, on a web host process started just before (plan open, nothing served yet): ${view}`,
          baseline: 'first contentful paint of the same loads',
          samples: cold.map((f) => f.rows),
          baselineSamples: cold.map((f) => f.fcp),
          limitMs: null,
          maxRatio: null,
        },
        {
          key: 'requests-filter',
          label: `requests filter to ${FILTER_HITS} (x${RUNS.filter})`,
          includes:
            `one input event putting "${plan.filterText}" into the text filter (event time, as a paste) -> frame painting exactly ` +
            `${FILTER_HITS} rows and "${FILTER_HITS} of ${total}", on ${view}; the filter is cleared between runs`,
          baseline: 'the same text put into a plain <input> with no listener -> next painted frame',
          samples: filter.samples,
          baselineSamples: filter.baseline,
          limitMs: null,
          maxRatio: null,
        },
        {
          key: 'requests-open',
          label: `open a request from the list (x${RUNS.open})`,
          includes:
            `Enter on a focused row (keydown event time; the first ${OPEN_ROWS} rows in turn) -> frame painting the editor with ` +
            `that request's details (requests-get call, skills-list alongside, the editor's render), on ${view}`,
          baseline: 'Enter in a plain <input> with no listener -> next painted frame',
          samples: open.samples,
          baselineSamples: open.baseline,
          limitMs: null,
          maxRatio: null,
        },
      ];
    } finally {
      await host.stop();
    }
  } finally {
    await browser.close();
  }
}
