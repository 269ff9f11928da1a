// The journey's step 6 in a browser: fix Ana's over-allocation on the timeline by moving 8 h
// to next week, move chips by pointer and by keyboard, mark one tentative, delete one, undo,
// and find everything as it was after a reload. The page is checked against the plan file.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIsoWeeks, weekLabel } from '../../shared/domain';
import { closeWithoutErrors, openPage, screenshot, useBrowser } from '../helpers/browser';
import { TEST_WEEK } from '../helpers/clock';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { startHost, type RunningHost } from '../helpers/web-host';
import { measureTimelineScroll, openTimeline } from './timeline-scroll';

const temp = useTempDir();

const cell = (page: Page, specialistId: string, week: string) =>
  page.locator(`[data-testid="timeline-cell"][data-specialist-id="${specialistId}"][data-week="${week}"]`);
const chipIn = (page: Page, specialistId: string, week: string, requestId: string) =>
  cell(page, specialistId, week).locator(`[data-testid="allocation-chip"][data-request-id="${requestId}"]`);
const menu = (page: Page) => page.getByRole('dialog');

/** Open flags as the plan file has them, for the weeks on screen. */
interface DiskFlag {
  kind: string;
  specialist_id: string | null;
  week: string | null;
}
async function flagsOnDisk(db: string, from: string, to: string): Promise<DiskFlag[]> {
  return JSON.parse((await cli('flags', '--db', db, '--from', from, '--to', to, '--format', 'json')).out);
}

/** Drags with the mouse as a person would: press, move a little to start, move over the target, release. */
async function pointerDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, check?: () => Promise<void>) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await check?.();
  await page.mouse.up();
}

const centre = async (locator: ReturnType<Page['locator']>) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe('the timeline in a browser, served by the local web host', () => {
  const browser = useBrowser();

  it('clears Ana’s over-allocation by moving hours, moves chips by pointer and keyboard, toggles, deletes, undoes, and keeps it all after a reload', async () => {
    const db = join(temp(), 'demo.db');
    expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
    const w0 = TEST_WEEK;
    const [w1, w2, w3, w4] = [1, 2, 3, 4].map((n) => addIsoWeeks(w0, n)) as [string, string, string, string];
    const to = addIsoWeeks(w0, 7);
    const anaOver = (flags: DiskFlag[]) =>
      flags.filter((f) => f.kind === 'over_allocation' && f.specialist_id === 'E1001' && f.week === w0);
    expect(anaOver(await flagsOnDisk(db, w0, to))).toHaveLength(1);

    let host: RunningHost | undefined;
    try {
      host = await startHost(db);
      const page = await openPage(browser(), host.url);
      await page.getByTestId('request-card').first().waitFor();
      await openTimeline(page);
      expect(page.url()).toMatch(/#timeline$/);
      await expect.poll(() => page.getByTestId('timeline-total').textContent()).toBe('30');
      // Windowed: 30 specialists, fewer rows in the DOM, and the grid scrolls to the others.
      const rendered = await page.getByTestId('timeline-row').count();
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(30);

      // Ana Souza: 24 h confirmed on REQ-201 and 20 h tentative on REQ-101 = 44 of 40 h.
      const anaNow = cell(page, 'E1001', w0);
      await expect.poll(() => anaNow.textContent()).toContain('44/40 h');
      expect(await anaNow.textContent()).toContain('110%');
      expect(await anaNow.getAttribute('data-band')).toBe('over');
      const anaFlag = page.locator('[data-testid="flag-item"][data-flag-kind="over_allocation"][data-specialist-id="E1001"]', {
        hasText: weekLabel(w0),
      });
      await expect.poll(() => anaFlag.count()).toBe(1);

      // 1. Split: 8 h of the tentative REQ-101 allocation from this week to next, in the chip's menu.
      const req101 = chipIn(page, 'E1001', w0, 'REQ-101');
      expect(await req101.getAttribute('data-status')).toBe('tentative');
      await req101.click();
      await expect.poll(() => menu(page).count()).toBe(1);
      expect(await menu(page).getByLabel('Hours', { exact: true }).inputValue()).toBe('20');
      await menu(page).getByRole('button', { name: 'Split…' }).click();
      await menu(page).getByLabel('Hours to move').fill('8.333');
      await menu(page).getByRole('button', { name: 'Move hours' }).click();
      // The shared parser's message, shown where the hours were typed; nothing was written.
      await expect.poll(() => menu(page).getByRole('alert').textContent()).toContain('more than 2 decimal places');
      await menu(page).getByLabel('Hours to move').fill('8');
      await menu(page).getByLabel('To week').selectOption(w1);
      await menu(page).getByRole('button', { name: 'Move hours' }).click();
      await expect.poll(() => anaNow.textContent()).toContain('36/40 h');
      await expect.poll(() => cell(page, 'E1001', w1).textContent()).toContain('40/40 h');
      expect(await chipIn(page, 'E1001', w0, 'REQ-101').textContent()).toContain('12 h');
      expect(await menu(page).count()).toBe(0);
      expect(await page.getByTestId('timeline-status').textContent()).toBe(
        `Moved 8 h of REQ-101 for Ana Souza from ${weekLabel(w0)} to ${weekLabel(w1)}.`,
      );
      // The flag is gone from the panel at once, and the panel agrees with the plan file.
      await expect.poll(() => anaFlag.count()).toBe(0);
      let disk = await flagsOnDisk(db, w0, to);
      expect(anaOver(disk)).toHaveLength(0);
      await expect.poll(() => page.getByTestId('flag-count').textContent()).toBe(String(disk.length));

      // 2. Pointer drag of a whole chip to another week of the same person, with the preview.
      const vera = chipIn(page, 'E4005', w3, 'REQ-202');
      const veraTarget = cell(page, 'E4005', w4);
      const veraLoad = /(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?) h/.exec((await veraTarget.textContent()) ?? '')!;
      const targetCapacity = veraLoad[2]!;
      await pointerDrag(page, await centre(vera), await centre(veraTarget), async () => {
        await expect
          .poll(() => page.getByTestId('drop-preview').textContent())
          .toBe(`Vera: 16 of ${targetCapacity} h in ${weekLabel(w4)}${Number(targetCapacity) === 16 ? ', full' : ''}`);
        await screenshot(page, 'timeline-drag-light');
      });
      await expect.poll(() => chipIn(page, 'E4005', w4, 'REQ-202').count()).toBe(1);
      expect(await chipIn(page, 'E4005', w3, 'REQ-202').count()).toBe(0);
      expect(await cell(page, 'E4005', w3).textContent()).toContain('0/40 h');
      expect(await veraTarget.textContent()).toContain(`16/${targetCapacity} h`);

      // 3. Keyboard drag: Space picks the chip up, the right arrow moves it a week, Space drops.
      await page.getByTestId('timeline-query').fill('Hiro');
      await expect.poll(() => page.getByTestId('timeline-total').textContent()).toBe('1');
      const hiro = chipIn(page, 'E2002', w2, 'REQ-303');
      await hiro.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByTestId('drop-preview').textContent())
        .toMatch(new RegExp(`^Hiro: 12 of \\d+ h in ${weekLabel(w3)}$`));
      await page.keyboard.press('Space');
      await expect.poll(() => chipIn(page, 'E2002', w3, 'REQ-303').count()).toBe(1);
      expect(await chipIn(page, 'E2002', w2, 'REQ-303').count()).toBe(0);
      await page.getByTestId('timeline-query').fill('');
      await expect.poll(() => page.getByTestId('timeline-total').textContent()).toBe('30');

      // 4. Move a chip to another request from its menu.
      await chipIn(page, 'E4005', w0, 'REQ-202').click();
      await menu(page).getByRole('button', { name: 'Move to request…' }).click();
      await menu(page).getByLabel('Request', { exact: true }).selectOption({ label: 'REQ-201 Oracle 19c to PostgreSQL migration' });
      await menu(page).getByRole('button', { name: 'Move allocation' }).click();
      await expect.poll(() => chipIn(page, 'E4005', w0, 'REQ-201').count()).toBe(1);
      expect(await chipIn(page, 'E4005', w0, 'REQ-202').count()).toBe(0);

      // 5. Toggle tentative on Ana's confirmed REQ-201 chip.
      const req201 = chipIn(page, 'E1001', w0, 'REQ-201');
      expect(await req201.getAttribute('data-status')).toBe('confirmed');
      await req201.click();
      await menu(page).getByRole('button', { name: 'Toggle tentative' }).click();
      await expect.poll(() => req201.getAttribute('data-status')).toBe('tentative');

      // 6. Delete with the Delete key; the status line says what went; Ctrl+Z brings it back.
      await req201.focus();
      await page.keyboard.press('Delete');
      await expect.poll(() => req201.count()).toBe(0);
      await expect.poll(() => anaNow.textContent()).toContain('12/40 h');
      expect(await page.getByTestId('timeline-status').textContent()).toBe(
        `Deleted REQ-201 24 h of Ana Souza in ${weekLabel(w0)}. Ctrl+Z restores it.`,
      );
      await page.keyboard.press('Control+z');
      await expect.poll(() => req201.count()).toBe(1);
      expect(await req201.getAttribute('data-status')).toBe('tentative');
      await expect.poll(() => anaNow.textContent()).toContain('36/40 h');
      // Redo deletes it again, undo restores it again.
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => req201.count()).toBe(0);
      await page.keyboard.press('Control+z');
      await expect.poll(() => req201.count()).toBe(1);

      disk = await flagsOnDisk(db, w0, to);
      await expect.poll(() => page.getByTestId('flag-count').textContent()).toBe(String(disk.length));
      const before = await page
        .getByTestId('timeline-cell')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-specialist-id')}|${e.getAttribute('data-week')}|${e.textContent}`).sort(),
        );

      // 7. Reload: the same view, the same cells, the same flags.
      await page.reload();
      await page.getByTestId('timeline-cell').first().waitFor();
      await expect.poll(() => anaNow.textContent()).toContain('36/40 h');
      expect(await req201.getAttribute('data-status')).toBe('tentative');
      expect(await chipIn(page, 'E1001', w0, 'REQ-101').textContent()).toContain('12 h');
      expect(await chipIn(page, 'E4005', w4, 'REQ-202').count()).toBe(1);
      await expect.poll(() => page.getByTestId('flag-count').textContent()).toBe(String(disk.length));
      const after = await page
        .getByTestId('timeline-cell')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-specialist-id')}|${e.getAttribute('data-week')}|${e.textContent}`).sort(),
        );
      expect(after).toEqual(before);

      // The rows below the window load as the grid scrolls: the last specialist appears.
      await page.getByTestId('timeline').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await expect.poll(() => page.locator('[data-testid="timeline-row"][data-specialist-id="E5002"]').count()).toBe(1);
      const scroll = await measureTimelineScroll(page, { seconds: 1 });
      expect(scroll.frames).toBeGreaterThan(10);
      expect(scroll.scrolledY).toBeGreaterThan(0);
      await closeWithoutErrors(page);
    } finally {
      await host?.stop();
    }
  });

  it('looks right in light and dark (screenshots), with the chip menu open', async () => {
    const db = join(temp(), 'demo.db');
    expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
    const w0 = TEST_WEEK;
    let host: RunningHost | undefined;
    try {
      host = await startHost(db);
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openPage(browser(), `${host.url}#timeline`, { colorScheme: scheme });
        await page.getByTestId('timeline-cell').first().waitFor();
        await expect.poll(() => page.getByTestId('flag-count').textContent()).not.toBe('0');
        // Ana's row in view: the journey's over-allocated cell is the subject.
        await page.getByTestId('timeline').evaluate((el) => (el.scrollTop = 4 * 80));
        await cell(page, 'E1001', w0).waitFor();
        await screenshot(page, `timeline-${scheme}`);
        await chipIn(page, 'E1001', w0, 'REQ-101').click();
        await menu(page).getByRole('button', { name: 'Split…' }).click();
        await screenshot(page, `timeline-menu-${scheme}`);
        await page.keyboard.press('Escape');
        await expect.poll(() => menu(page).count()).toBe(0);
        await closeWithoutErrors(page);
      }
    } finally {
      await host?.stop();
    }
  });
});
