import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RequestFile } from '../../shared/exchange';
import { closeWithoutErrors, openPage, screenshot, useBrowser } from '../helpers/browser';
import { errorOf } from './form-errors';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { startHost, type RunningHost } from '../helpers/web-host';

const temp = useTempDir();

const editor = (page: Page) => page.getByTestId('request-editor');

describe("the project lead's request, in a browser served by the local web host", () => {
  const browser = useBrowser();

  it('creates a request with a demand line, sees worded errors, saves, submits, and undoes: all in the plan file', async () => {
    const db = join(temp(), 'demo.db');
    expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
    let host: RunningHost | undefined;
    try {
      host = await startHost(db);
      const page = await openPage(browser(), host.url);
      await page.getByTestId('request-card').first().waitFor();
      await page.getByRole('button', { name: 'Requests', exact: true }).click();
      await page.getByTestId('request-row').first().waitFor();
      await page.getByTestId('new-request').click();

      const e = editor(page);
      await e.getByLabel('Title', { exact: true }).fill('Exadata decommission');
      await e.getByLabel('Requester', { exact: true }).fill('Nina Park');
      const start = e.getByLabel('Start week', { exact: true });
      const end = e.getByLabel('End week', { exact: true });
      await start.fill('2027-W12');
      await end.fill('2027-W10');
      await expect.poll(() => errorOf(end)).toBe('End week 2027-W10 is before start week 2027-W12');
      expect(await end.getAttribute('aria-invalid')).toBe('true');
      await end.fill('2027-W20');
      await expect.poll(() => errorOf(end)).toBe('');
      const budget = e.getByLabel('Budget (EUR)');
      await budget.fill('12000.505');
      await expect.poll(() => errorOf(budget)).toBe('Budget "12000.505" has more than 2 decimal places');
      await budget.fill('12000.50');

      await e.getByRole('button', { name: 'Add demand line' }).click();
      const line = e.getByTestId('demand-line-fields');
      await line.getByLabel('Skill').fill('PostgreSQL');
      await line.getByLabel('Minimum level').selectOption('3');
      await line.getByLabel('Hours per week').fill('16');
      await page.getByTestId('save-request').click();
      await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('Draft');
      const id = await e.getAttribute('data-request-id');
      expect(page.url()).toContain(`#requests/${id}`);

      await page.getByTestId('transition-submitted').click();
      await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('Submitted');
      await screenshot(page, 'request-editor-light');

      // The plan file holds it, in the exchange file's words.
      const out = join(temp(), 'exported.json');
      expect((await cli('request', 'export', '--db', db, '--id', id!, '--out', out)).code).toBe(0);
      const file = JSON.parse(readFileSync(out, 'utf8')) as RequestFile;
      expect(file.request).toMatchObject({
        title: 'Exadata decommission',
        requester: 'Nina Park',
        status: 'submitted',
        start_week: '2027-W12',
        end_week: '2027-W20',
        budget: '12000.50',
      });
      expect(file.demand).toEqual([
        { skill: 'PostgreSQL', min_level: 3, hours_per_week: '16.00', start_week: '2027-W12', end_week: '2027-W20' },
      ]);

      // Ctrl+Z outside a text field takes the submission back; the editor reads the request again.
      await page.getByTestId('request-status').click();
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('Draft');

      // A reload keeps the request open: nothing unsaved, all of it on disk.
      await page.reload();
      await expect.poll(() => editor(page).getAttribute('data-request-id')).toBe(id);
      await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('Draft');
      await closeWithoutErrors(page);

      const dark = await openPage(browser(), `${host.url}#requests`, { colorScheme: 'dark' });
      await dark.getByTestId('request-row').first().waitFor();
      await dark.getByTestId('request-filter-text').fill('Exadata');
      await expect.poll(() => dark.getByTestId('request-row').count()).toBe(1);
      await dark.getByTestId('request-row').focus();
      await dark.keyboard.press('Enter');
      await expect.poll(() => editor(dark).getAttribute('data-request-id')).toBe(id);
      await screenshot(dark, 'request-editor-dark');
      await closeWithoutErrors(dark);
    } finally {
      await host?.stop();
    }
  });
});
