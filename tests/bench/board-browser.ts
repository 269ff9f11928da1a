// The board on the bench plan in Chromium, through the real web host: how long until it
// shows its cards and answers a click (warm and on a fresh host), and how long picking up a
// specialist takes before the drag shows. Used by `npm run bench` (tests/bench/run.ts).
//
// Definitions (all times are the page's own clock, performance.now(), whose zero is the
// navigation start; "painted" = the first frame rendered after the DOM showed it, read as a
// message posted from that frame's requestAnimationFrame callback, which runs once the frame
// is done):
// - interactive: navigation start -> the frame that paints a demand line selected, after a
//   click on the first card's first demand line issued as soon as that line is on screen.
//   So it holds the board's data, its first render, and any work that would make a click
//   wait. Baseline: the same page's first contentful paint (the app's shell, no data).
// - pick-up: the pointermove that carries the pointer past the drag's activation distance
//   (its event time, so waiting in the input queue counts) -> the frame that paints the drag
//   chip. Baseline: a pointermove over the same row with no button pressed -> next frame.
import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { IsoWeek } from '../../shared/domain';
import { CHROMIUM, launchChromium } from '../helpers/browser';
import { startHost } from '../helpers/web-host';
// @ts-expect-error: a plain .mjs script shared with `npm run web`, no type declarations.
import { ensureRendererBuilt } from '../../scripts/build-renderer.mjs';
import type { Measure } from './measure';
import { pinnedPageClock } from './page-clock';

const RUNS = { warm: 10, cold: 5, pickup: 20 };
const VIEWPORT = { width: 1440, height: 900 };
/** The pointer sensor's activation distance in BoardDnd.tsx. */
const ACTIVATION_PX = 6;

/**
 * Page clock set to Monday of `firstWeek` (time keeps running), so the board opens on the
 * plan's first weeks whatever today is. Only Date moves: Playwright's page.clock also wraps
 * Intl.DateTimeFormat, which would add its own cost to every date the board formats.
 * Then probes that note when cards and a selected demand line are first painted.
 */
function initScript(firstWeek: IsoWeek): string {
  return `(() => {
    ${pinnedPageClock(firstWeek)}
    const probe = (globalThis.__boardProbe = { cards: null, selected: null });
    const seen = { cards: false, selected: false };
    const watch = new MutationObserver(() => {
      if (!seen.cards && document.querySelector('[data-testid="request-card"]')) {
        seen.cards = true;
        nextPaint((t) => (probe.cards = t));
      }
      if (!seen.selected && document.querySelector('[data-testid="demand-line"] button[aria-pressed="true"]')) {
        seen.selected = true;
        watch.disconnect();
        nextPaint((t) => (probe.selected = t));
      }
    });
    watch.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-pressed'] });
    globalThis.__nextPaint = nextPaint;
  })();`;
}

interface LoadFigures {
  /** Navigation start to the click's answer painted. */
  interactive: number;
  cards: number;
  fcp: number;
}

/** One board load in a fresh context (no HTTP or code cache): see "interactive" above. */
async function loadBoard(browser: Browser, url: string, firstWeek: IsoWeek, keep = false): Promise<{ figures: LoadFigures; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(initScript(firstWeek));
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(url, { waitUntil: 'commit' });
  const line = page.locator('[data-testid="demand-line"] button').first();
  await line.waitFor();
  const box = (await line.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => (globalThis as unknown as { __boardProbe: { selected: number | null } }).__boardProbe.selected !== null);
  const figures = (await page.evaluate(`({
    interactive: globalThis.__boardProbe.selected,
    cards: globalThis.__boardProbe.cards,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  })`)) as LoadFigures;
  // Leave the page as it was found: no line selected. Clicked where the line is now, not at
  // the box read before the first click: the card can still move down after its first paint.
  await page.locator('[data-testid="demand-line"] button[aria-pressed="true"]').click();
  await page.waitForSelector('[data-testid="demand-line"] button[aria-pressed="true"]', { state: 'detached' });
  if (!keep) await context.close();
  return { figures, page };
}

/**
 * In the page: arms a probe for the next drag (see "pick-up" above), whose result
 * `globalThis.__probe` then resolves to. Armed before the pointer moves: a CDP evaluate is
 * not ordered with the input events, and a fast pick-up would otherwise be missed.
 */
const ARM_PICKUP = `void (globalThis.__probe = new Promise((resolve) => {
  let from = null;
  let start = null;
  const down = (e) => (from = { x: e.clientX, y: e.clientY });
  const move = (e) => {
    if (from && start === null && Math.hypot(e.clientX - from.x, e.clientY - from.y) >= ${ACTIVATION_PX}) start = e.timeStamp;
  };
  addEventListener('pointerdown', down, true);
  addEventListener('pointermove', move, true);
  const watch = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="drag-chip"]')) return;
    watch.disconnect();
    globalThis.__nextPaint((t) => {
      removeEventListener('pointerdown', down, true);
      removeEventListener('pointermove', move, true);
      resolve(t - start);
    });
  });
  watch.observe(document.body, { childList: true, subtree: true });
}))`;

/** In the page: arms a probe for the next pointermove to its next painted frame. */
const ARM_MOVE_FRAME = `void (globalThis.__probe = new Promise((resolve) => {
  addEventListener('pointermove', (e) => globalThis.__nextPaint((t) => resolve(t - e.timeStamp)), { capture: true, once: true });
}))`;

const probed = async (page: Page, arm: string, act: () => Promise<void>): Promise<number> => {
  await page.evaluate(arm);
  await act();
  const timeout = "new Promise((_, reject) => setTimeout(() => reject(new Error('the probed frame never came')), 30000))";
  return (await page.evaluate(`Promise.race([globalThis.__probe, ${timeout}])`)) as number;
};

async function pickups(page: Page, runs: number): Promise<{ samples: number[]; baseline: number[] }> {
  const rows = page.getByTestId('specialist-row');
  // The first rows, all in view at 1440 x 900.
  const shown = Math.min(5, await rows.count());
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    const box = (await rows.nth(i % shown).boundingBox())!;
    const x = box.x + 60;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.waitForTimeout(100);
    baseline.push(await probed(page, ARM_MOVE_FRAME, () => page.mouse.move(x + 1, y)));
    samples.push(
      await probed(page, ARM_PICKUP, async () => {
        await page.mouse.down();
        await page.mouse.move(x + 3, y);
        await page.mouse.move(x + 3 + ACTIVATION_PX + 4, y + 2);
      }),
    );
    // Let go where it started, over the specialists: nothing is assigned.
    await page.mouse.move(x, y);
    await page.mouse.up();
    await page.getByTestId('drag-chip').waitFor({ state: 'detached' });
    await page.waitForTimeout(200);
  }
  return { samples, baseline };
}

/**
 * The board rows of the bench: interactive on a warm host (each load in a fresh browser
 * context), interactive on a fresh host process, and pick-up. Empty without Chromium.
 */
export async function boardInBrowser(planPath: string, firstWeek: IsoWeek, log: (s: string) => void): Promise<Measure[]> {
  if (!existsSync(CHROMIUM)) {
    log(`board in Chromium: not measured (no Chromium at ${CHROMIUM})`);
    return [];
  }
  (ensureRendererBuilt as () => void)();
  const browser = await launchChromium();
  try {
    const cold: LoadFigures[] = [];
    for (let i = 0; i < RUNS.cold; i++) {
      const host = await startHost(planPath);
      try {
        cold.push((await loadBoard(browser, host.url, firstWeek)).figures);
      } finally {
        await host.stop();
      }
      log(`board cold ${i + 1}: interactive ${cold[i]!.interactive.toFixed(0)} ms (cards ${cold[i]!.cards.toFixed(0)} ms)`);
    }

    const host = await startHost(planPath);
    try {
      await loadBoard(browser, host.url, firstWeek);
      const warm: LoadFigures[] = [];
      let page: Page | null = null;
      for (let i = 0; i < RUNS.warm; i++) {
        const last = i === RUNS.warm - 1;
        const run = await loadBoard(browser, host.url, firstWeek, last);
        warm.push(run.figures);
        if (last) page = run.page;
      }
      log(`board warm: interactive ${warm.map((f) => f.interactive.toFixed(0)).join(', ')} ms`);
      const cardCount = await page!.getByTestId('request-card').count();
      const lineCount = await page!.getByTestId('demand-line').count();
      const pick = await pickups(page!, RUNS.pickup);
      log(`pick-up: ${pick.samples.map((s) => s.toFixed(0)).join(', ')} ms`);
      const board = `the board of ${firstWeek} + 7 weeks (${cardCount} cards, ${lineCount} demand lines; page clock pinned to ${firstWeek})`;
      return [
        {
          key: 'board-interactive-warm',
          label: `board interactive, warm (x${RUNS.warm})`,
          includes:
            `new browser context, navigation start -> ${board} painted and a click on the first demand line answered (painted selected); ` +
            'web host already served the board once',
          baseline: 'first contentful paint of the same loads (the app shell, no data)',
          samples: warm.map((f) => f.interactive),
          baselineSamples: warm.map((f) => f.fcp),
          limitMs: 500,
          maxRatio: null,
        },
        {
          key: 'board-interactive-cold',
          label: `board interactive, fresh host (x${RUNS.cold})`,
          includes: `as warm, on a web host process started just before (plan open, nothing served yet): ${board}`,
          baseline: 'first contentful paint of the same loads',
          samples: cold.map((f) => f.interactive),
          baselineSamples: cold.map((f) => f.fcp),
          limitMs: 1000,
          maxRatio: null,
        },
        {
          key: 'board-pickup',
          label: `pick up a specialist (x${RUNS.pickup})`,
          includes: `pointermove past the ${ACTIVATION_PX} px activation distance (event time) -> frame painting the drag chip, on ${board}`,
          baseline: 'a pointermove over the same row, no button pressed -> next painted frame',
          samples: pick.samples,
          baselineSamples: pick.baseline,
          limitMs: 50,
          p95LimitMs: 50,
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
