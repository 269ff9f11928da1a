// Planning safety on the board, in Chromium against the local web host (TM Planner issue 8,
// item 7): dragging a specialist onto a card shows what the drop costs the request against
// its budget, the editor keeps that up to date and warns about weeks outside the request,
// the saved cost is the one shown, and a cost flag clicked on the timeline lands on its card.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIsoWeeks, formatMoneyGrouped, weekRange } from '../../shared/domain';
import { hoursShort } from '../../shared/format';
import { closeWithoutErrors, openPage, screenshot, useBrowser } from '../helpers/browser';
import { TEST_WEEK } from '../helpers/clock';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { startHost, type RunningHost, api } from '../helpers/web-host';

const temp = useTempDir();

/** Olga Ivanova (57.00/h) has nothing allocated in the demo plan; REQ-204 runs 3 to 6 weeks from now, budget 8,000.00. */
const OLGA = 'E3003';
const REQUEST = 'REQ-204';
/** Over its budget in the demo plan: a cost_overrun flag. */
const OVERRUN = 'REQ-203';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('planning safety on the board, in a browser', () => {
  const browser = useBrowser();

  it(
    'shows the cost of a drop, warns about weeks outside the request, and takes a cost flag on the timeline to its card',
    { timeout: 120_000 },
    async () => {
      const db = join(temp(), 'demo.db');
      expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
      const from = TEST_WEEK;
      const to = addIsoWeeks(from, 7);
      let host: RunningHost | undefined;
      try {
        host = await startHost(db);

        // The numbers, worked out here from the rows the API gives (domain.md: cost per
        // allocation = round(minutes × rate / 60), one allocation per week).
        const cardOf = async () =>
          (await api(host!, 'board-get', { from, to })).lanes.flatMap((l) => l.requests).find((r) => r.id === REQUEST)!;
        const card = await cardOf();
        const olga = (await api(host, 'specialists-list', { from, to })).specialists.find((s) => s.id === OLGA)!;
        expect(card.budgetMinor).not.toBeNull();
        const budget = card.budgetMinor!;
        const weeks = weekRange(card.startWeek < from ? from : card.startWeek, card.endWeek > to ? to : card.endWeek);
        const free = Math.min(...olga.weeks.filter((w) => weeks.includes(w.week)).map((w) => Math.max(0, w.capacity - w.allocated)));
        const minutes = Math.min(8 * 60, free);
        expect(minutes, 'Olga has free hours in every week of REQ-204').toBeGreaterThan(0);
        const weekCost = Math.round((minutes * olga.hourlyRateMinor) / 60);
        const costText = (n: number) => {
          const added = n * weekCost;
          return `+${formatMoneyGrouped(added)} EUR, ${Math.round(((card.costMinor + added) * 100) / budget)}% of budget`;
        };

        const page = await openPage(browser(), host.url, { stepTimeout: 10_000 });
        await page.getByTestId('request-card').first().waitFor();
        await page.getByLabel('Search requests').fill(REQUEST);
        await page.getByLabel('Specialist name').fill('Olga');
        await expect.poll(() => page.getByTestId('request-card').count()).toBe(1);
        await expect.poll(() => page.getByTestId('specialist-row').count()).toBe(1);

        // ---------- the preview while dragging onto the card ----------
        const cardEl = page.locator(`[data-testid="request-card"][data-request-id="${REQUEST}"]`);
        const rowBox = (await page.getByTestId('specialist-row').boundingBox())!;
        await page.mouse.move(rowBox.x + 60, rowBox.y + rowBox.height / 2);
        await page.mouse.down();
        await page.mouse.move(rowBox.x + 50, rowBox.y + rowBox.height / 2 + 4, { steps: 4 });
        // The card's details, above its demand lines (each a target of its own), and low
        // enough that the chip following the pointer leaves the preview at the top readable.
        const service = (await cardEl.getByText('Service', { exact: true }).boundingBox())!;
        await page.mouse.move(service.x + 20, service.y + service.height / 2, { steps: 16 });
        await expect.poll(() => cardEl.getAttribute('data-drop-over')).toBe('true');
        const preview = cardEl.locator(':scope > [data-testid="drop-preview"]');
        expect(await preview.textContent()).toMatch(
          new RegExp(`^Olga: [\\d.]+ of [\\d.]+ h in W\\d\\d · ${escape(costText(weeks.length))}$`),
        );
        await screenshot(page, 'planning-safety-preview');
        await page.mouse.up();

        // ---------- the editor ----------
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        const status = dialog.getByRole('status');
        expect(await dialog.getByLabel('From week').inputValue()).toBe(weeks[0]);
        expect(await dialog.getByLabel('To week').inputValue()).toBe(weeks[weeks.length - 1]);
        expect(await dialog.getByLabel('Hours per week').inputValue()).toBe(hoursShort(minutes));
        expect(await status.textContent()).toContain(` · ${costText(weeks.length)}`);
        expect(await dialog.getByTestId('drop-weeks').textContent()).toMatch(new RegExp(`^Writes ${weeks.length} weeks: `));

        // Weeks before the request: said in words, with the way back.
        const early = addIsoWeeks(card.startWeek, -2);
        await dialog.getByLabel('From week').fill(early);
        await expect
          .poll(() => dialog.getByTestId('weeks-outside').textContent())
          .toBe(
            `2 of ${weeks.length + 2} weeks are outside ${REQUEST}'s ${card.startWeek}..${card.endWeek}: they will raise an outside-window flag. ` +
              `Clip to ${card.startWeek}..${weeks[weeks.length - 1]}`,
          );
        await expect.poll(() => status.textContent()).toContain(` · ${costText(weeks.length + 2)}`);
        await screenshot(page, 'planning-safety-editor');
        await dialog.getByRole('button', { name: /^Clip to/ }).click();
        expect(await dialog.getByLabel('From week').inputValue()).toBe(card.startWeek);
        expect(await dialog.getByTestId('weeks-outside').count()).toBe(0);

        // One week: the cost follows, and the saved cost is the one shown.
        await dialog.getByLabel('To week').fill(card.startWeek);
        await expect.poll(() => status.textContent()).toContain(` · ${costText(1)}`);
        expect(await dialog.getByTestId('drop-weeks').textContent()).toMatch(/^Writes 1 week: W\d\d\.$/);
        await dialog.getByLabel('Hours per week').press('Enter');
        await dialog.waitFor({ state: 'detached' });
        await expect.poll(async () => (await cardOf()).costMinor).toBe(card.costMinor + weekCost);

        // ---------- a cost flag clicked on the timeline ----------
        await page.getByLabel('Search requests').fill('');
        await page.getByTestId('view-timeline').click();
        await page.getByTestId('timeline').waitFor();
        const flag = page.locator(`[data-testid="flag-item"][data-flag-kind="cost_overrun"][data-request-id="${OVERRUN}"]`);
        await flag.click();
        await expect.poll(() => page.getByTestId('view-board').getAttribute('aria-current')).toBe('page');
        expect(await page.getByTestId('timeline').count()).toBe(0);
        const overrun = page.locator(`[data-testid="request-card"][data-request-id="${OVERRUN}"]`);
        await expect.poll(() => overrun.getAttribute('data-highlighted')).toBe('true');
        await expect.poll(() => inView(page, OVERRUN)).toBe(true);
        await screenshot(page, 'planning-safety-flag-to-card');
        await closeWithoutErrors(page);
      } finally {
        await host?.stop();
      }
    },
  );
});

/** Whether the card shows inside the window (1440 × 900, openPage's viewport): scrolled to, not just present. */
async function inView(page: Page, requestId: string): Promise<boolean> {
  const box = await page.locator(`[data-testid="request-card"][data-request-id="${requestId}"]`).boundingBox();
  return box !== null && box.height > 0 && box.y >= 0 && box.y + box.height <= 900;
}
