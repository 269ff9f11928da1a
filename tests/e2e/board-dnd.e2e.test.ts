// The resource manager's Monday on the board, in Chromium against the local web host:
// drag a specialist onto a demand line, confirm the editor, see the over-allocation flag at
// 110% at once, undo and redo with the keys, reload and find the same plan (history too),
// and the same assignment again with the keyboard alone.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIsoWeeks, formatHours, formatMoneyGrouped, weekLabel } from '../../shared/domain';
import { hoursShort } from '../../shared/format';
import { closeWithoutErrors, openPage, screenshot, useBrowser } from '../helpers/browser';
import { TEST_WEEK } from '../helpers/clock';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { startHost, type RunningHost, api } from '../helpers/web-host';

const temp = useTempDir();

/** Olga Ivanova (Backup L5) has nothing allocated in the demo plan; REQ-204 asks for Backup L4+. */
const SPECIALIST = { id: 'E3003', name: 'Olga Ivanova' };
const REQUEST = 'REQ-204';
const SKILL = 'Backup';

describe('drag and drop on the board, in a browser', () => {
  const browser = useBrowser();

  it(
    'assigns by pointer and by keyboard, flags at once, undoes and redoes, and keeps it all in the plan file',
    { timeout: 120_000 },
    async () => {
      const db = join(temp(), 'demo.db');
      expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
      const from = TEST_WEEK;
      const to = addIsoWeeks(from, 7);
      let host: RunningHost | undefined;
      try {
        host = await startHost(db);

        // Numbers first, from the same API the screen uses: a week of the line where the
        // specialist is free, and the hours that make that week exactly 110% of capacity.
        const board = await api(host, 'board-get', { from, to });
        const card = board.lanes.flatMap((l) => l.requests).find((r) => r.id === REQUEST)!;
        const line = card.demand.find((d) => d.skill === SKILL)!;
        const people = await api(host, 'specialists-list', { from, to });
        const olga = people.specialists.find((s) => s.id === SPECIALIST.id)!;
        const lineWeeks = new Set(line.weeks.map((w) => w.week));
        const target = olga.weeks.find((w) => lineWeeks.has(w.week) && w.allocated === 0 && w.capacity > 0 && (w.capacity * 11) % 10 === 0);
        expect(target, 'a week of the line where Olga is free').toBeDefined();
        const week = target!.week;
        const minutes = (target!.capacity * 11) / 10;
        const hours = hoursShort(minutes);
        const capacity = hoursShort(target!.capacity);
        const servedBefore = line.weeks.find((w) => w.week === week)!;
        // What the one week costs REQ-204 (domain.md: round(minutes × rate / 60)), against its budget.
        const added = Math.round((minutes * olga.hourlyRateMinor) / 60);
        const costEffect = `+${formatMoneyGrouped(added)} EUR, ${Math.round(((card.costMinor + added) * 100) / card.budgetMinor!)}% of budget`;
        expect(card.staffing).toBe('unstaffed');

        // ---------- (a) pointer ----------
        const page = await openBoard(host.url, 'light');
        await page.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
        await expect.poll(() => overFlags(page).count()).toBe(0);

        // Selecting the demand line ranks the specialists by fit, with the reason.
        const lineButton = demandLine(page, line.ref).getByRole('button');
        await lineButton.click();
        const first = page.getByTestId('specialist-row').first();
        await expect.poll(() => first.getAttribute('data-specialist-id')).toBe(SPECIALIST.id);
        expect(await first.getByTestId('fit-reason').textContent()).toMatch(/^Backup L5, [\d.]+ h free in \S+, 57\.00\/h$/);
        await lineButton.click();
        await expect.poll(() => page.getByTestId('fit-reason').count()).toBe(0);

        // Filters bring the card and the specialist to the top of their columns.
        await page.getByLabel('Search requests').fill(REQUEST);
        await page.getByLabel('Specialist name').fill('Olga');
        await expect.poll(() => page.getByTestId('request-card').count()).toBe(1);
        await expect.poll(() => page.getByTestId('specialist-row').count()).toBe(1);

        const row = specialistRow(page);
        const rowBox = (await row.boundingBox())!;
        const lineBox = (await demandLine(page, line.ref).boundingBox())!;
        await page.mouse.move(rowBox.x + 60, rowBox.y + rowBox.height / 2);
        await page.mouse.down();
        // dnd-kit's pointer sensor starts only after a few pixels of movement.
        await page.mouse.move(rowBox.x + 50, rowBox.y + rowBox.height / 2 + 4, { steps: 4 });
        await page.mouse.move(lineBox.x + 40, lineBox.y + lineBox.height / 2, { steps: 16 });
        await expect.poll(() => demandLine(page, line.ref).getAttribute('data-drop-over')).toBe('true');
        const preview = demandLine(page, line.ref).getByTestId('drop-preview');
        expect(await preview.textContent()).toMatch(
          /^Olga: [\d.]+ of [\d.]+ h in W\d\d(, (over|full))? · \+[\d,]+\.\d\d EUR, \d+% of budget$/,
        );
        expect(await liveRegion(page)).toMatch(
          new RegExp(`^Olga Ivanova is over ${REQUEST} ${SKILL} L4\\+: [\\d.]+ of [\\d.]+ h in W\\d\\d`),
        );
        await screenshot(page, 'board-dnd-mid-drag-light');
        await page.mouse.up();

        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await expect.poll(() => liveRegion(page)).toContain(`Dropped Olga Ivanova on ${REQUEST} ${SKILL} L4+`);
        await dialog.getByLabel('Hours per week').fill(hours);
        await dialog.getByLabel('From week').fill(week);
        await dialog.getByLabel('To week').fill(week);
        await expect
          .poll(() => dialog.getByRole('status').textContent())
          .toBe(`After saving: Olga: ${hours} of ${capacity} h in ${weekLabel(week)}, over · ${costEffect}`);
        await screenshot(page, 'board-dnd-editor-light');
        await dialog.getByLabel('Hours per week').press('Enter');
        await dialog.waitFor({ state: 'detached' });

        // Flags, the specialist's week and the card change at once, without a reload.
        await expectFlagged(page, week);
        const cardEl = page.locator(`[data-testid="request-card"][data-request-id="${REQUEST}"]`);
        await expect.poll(() => cardEl.locator('.staffing').textContent()).toBe('partly staffed');
        expect(await cardEl.locator('.card-people').textContent()).toContain(`Olga Ivanova ${hours} h`);
        expect(await demandLine(page, line.ref).locator('.demand-week').nth(line.weeks.indexOf(servedBefore)).getAttribute('title')).toBe(
          `${week}: ${hours} of ${hoursShort(servedBefore.demanded)} h`,
        );
        expect(await page.getByTestId('last-change').textContent()).toBe(
          `Assign Olga Ivanova to ${REQUEST}, ${formatHours(minutes)} h in ${weekLabel(week)}`,
        );
        expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
        await screenshot(page, 'board-dnd-after-drop-light');

        // On disk the moment the screen shows it: the CLI reads the same plan file.
        const onDisk = JSON.parse((await cli('flags', '--db', db, '--from', week, '--to', week, '--format', 'json')).out) as {
          kind: string;
          specialist_id: string | null;
          detail: string;
        }[];
        expect(onDisk.find((f) => f.kind === 'over_allocation' && f.specialist_id === SPECIALIST.id)?.detail).toContain('110%');
        // ---------- (b) undo and redo with the keys ----------
        await expect.poll(() => focused(page, 'data-specialist-id')).toBe(SPECIALIST.id);
        await page.keyboard.press('Control+z');
        await expect.poll(() => overFlags(page).count()).toBe(0);
        await expect.poll(() => weekBar(page, week).textContent()).toBe(capacity);
        await expect.poll(() => page.getByTestId('last-change').textContent()).toMatch(/^Undo: Assign Olga Ivanova/);
        await page.keyboard.press('Control+Shift+z');
        await expectFlagged(page, week);
        await page.keyboard.press('Control+z');
        await expect.poll(() => overFlags(page).count()).toBe(0);
        await page.keyboard.press('Control+y');
        await expectFlagged(page, week);
        // ---------- (c) reload: the same plan, and the history with it ----------
        await page.reload();
        await page.getByTestId('request-card').first().waitFor();
        // Filters are not kept, so Olga's row is further down: a click on her flag takes us to it.
        await expect.poll(() => overFlags(page).count()).toBe(1);
        await overFlags(page).click();
        await expect.poll(() => specialistRow(page).getAttribute('data-highlighted')).toBe('true');
        await expectFlagged(page, week);
        await expect
          .poll(() => page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title'))
          .toMatch(/^Undo: Assign Olga Ivanova to REQ-204/);
        await page.keyboard.press('Control+z');
        await expect.poll(() => overFlags(page).count()).toBe(0);
        await closeWithoutErrors(page);
        // ---------- (d) the same assignment with the keyboard alone ----------
        const dark = await openBoard(host.url, 'dark');
        await expect.poll(() => overFlags(dark).count()).toBe(0);
        await dark.getByLabel('Search requests').focus();
        await dark.keyboard.type(REQUEST);
        await dark.getByLabel('Specialist name').focus();
        await dark.keyboard.type('Olga');
        await expect.poll(() => dark.getByTestId('specialist-row').count()).toBe(1);
        for (let i = 0; i < 8 && (await focused(dark, 'data-testid')) !== 'specialist-row'; i++) await dark.keyboard.press('Tab');
        expect(await focused(dark, 'data-specialist-id')).toBe(SPECIALIST.id);
        await dark.keyboard.press('Space');
        await expect.poll(() => liveRegion(dark)).toBe('Picked up Olga Ivanova.');
        for (let i = 0; i < 6 && (await demandLine(dark, line.ref).getAttribute('data-drop-over')) !== 'true'; i++) {
          await dark.keyboard.press('ArrowDown');
          await dark.waitForTimeout(50);
        }
        expect(await demandLine(dark, line.ref).getAttribute('data-drop-over')).toBe('true');
        expect(await liveRegion(dark)).toContain(`Olga Ivanova is over ${REQUEST} ${SKILL} L4+:`);
        // The chip glides to its place beside the target (dnd-kit animates keyboard moves).
        await dark.waitForTimeout(300);
        await screenshot(dark, 'board-dnd-mid-drag-dark');
        await dark.keyboard.press('Enter');

        const darkDialog = dark.getByRole('dialog');
        await darkDialog.waitFor();
        expect(await focused(dark, 'name')).toBe('hours');
        await dark.keyboard.press('Control+a');
        await dark.keyboard.type(hours);
        const typedWeek = `${week.slice(6)}${week.slice(0, 4)}`;
        // Tab walks the segments of a week field (week, year) before the next field.
        for (const field of ['from', 'to']) {
          for (let i = 0; i < 4 && (await focusedName(dark)) !== field; i++) await dark.keyboard.press('Tab');
          await dark.keyboard.type(typedWeek);
        }
        expect(await darkDialog.getByLabel('From week').inputValue()).toBe(week);
        expect(await darkDialog.getByLabel('To week').inputValue()).toBe(week);
        await screenshot(dark, 'board-dnd-editor-dark');
        await dark.keyboard.press('Enter');
        await darkDialog.waitFor({ state: 'detached' });
        await expectFlagged(dark, week);
        await expect.poll(() => focused(dark, 'data-specialist-id')).toBe(SPECIALIST.id);
        await screenshot(dark, 'board-dnd-after-drop-dark');
        // Escape lets go without assigning anything.
        const assignsBefore = await dark.getByTestId('last-change').textContent();
        await dark.keyboard.press('Enter');
        await expect.poll(() => liveRegion(dark)).toBe('Picked up Olga Ivanova.');
        await dark.keyboard.press('ArrowDown');
        await dark.keyboard.press('Escape');
        await expect.poll(() => liveRegion(dark)).toBe('Cancelled: Olga Ivanova was not assigned.');
        expect(await dark.getByRole('dialog').count()).toBe(0);
        expect(await dark.getByTestId('last-change').textContent()).toBe(assignsBefore);
        await closeWithoutErrors(dark);
      } finally {
        await host?.stop();
      }
    },
  );

  async function openBoard(url: string, colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await openPage(browser(), url, { colorScheme, stepTimeout: 10_000 });
    await page.getByTestId('request-card').first().waitFor();
    await page.getByTestId('specialist-row').first().waitFor();
    return page;
  }
});

const specialistRow = (page: Page) => page.locator(`[data-testid="specialist-row"][data-specialist-id="${SPECIALIST.id}"]`);
const demandLine = (page: Page, ref: number) =>
  page.locator(`[data-testid="request-card"][data-request-id="${REQUEST}"] [data-testid="demand-line"][data-demand-line-ref="${ref}"]`);
const overFlags = (page: Page) =>
  page.locator(`[data-testid="flag-item"][data-flag-kind="over_allocation"][data-specialist-id="${SPECIALIST.id}"]`);
const weekBar = (page: Page, week: string) => specialistRow(page).locator(`.week-bar[data-week="${week}"] .bar-text`);
/** An attribute of the focused element, read from the document (a week field's focus sits in its inner parts, which `:focus` misses). */
const focused = (page: Page, attribute: string) =>
  page.evaluate(
    (a) =>
      (
        globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }
      ).document.activeElement?.getAttribute(a) ?? null,
    attribute,
  );
const focusedName = (page: Page) => focused(page, 'name');
const liveRegion = (page: Page) => page.locator('[id^="DndLiveRegion"]').textContent();

async function expectFlagged(page: Page, week: string): Promise<void> {
  await expect.poll(() => overFlags(page).count()).toBe(1);
  expect(await overFlags(page).textContent()).toContain('110%');
  expect(await overFlags(page).textContent()).toContain(weekLabel(week));
  await expect.poll(() => weekBar(page, week).textContent()).toBe('110%');
}
