import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/backend/import/csv';
import { addIsoWeeks, STAGES } from '../../shared/domain';
import { closeWithoutErrors, openPage, screenshot, useBrowser } from '../helpers/browser';
import { TEST_WEEK } from '../helpers/clock';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { startHost, type RunningHost } from '../helpers/web-host';

const temp = useTempDir();

describe('the board in a browser, served by the local web host', () => {
  const browser = useBrowser();

  it('shows the lanes, cards and flag count that tm-planner reports for the same plan file', async () => {
    const db = join(temp(), 'demo.db');
    expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
    // The board opens on this ISO week and the next seven.
    const from = TEST_WEEK;
    const to = addIsoWeeks(from, 7);
    const flags = JSON.parse((await cli('flags', '--db', db, '--from', from, '--to', to, '--format', 'json')).out) as { kind: string }[];
    const costs = parseCsv((await cli('report', '--db', db, 'costs', '--from', from, '--to', to, '--format', 'csv')).out);
    const expectedLanes = Object.fromEntries(
      STAGES.map((stage) => [
        stage,
        costs.records
          .filter((r) => r.cells[2] === stage)
          .map((r) => r.cells[0])
          .sort(),
      ]),
    );
    expect(flags.length).toBeGreaterThan(5);

    let host: RunningHost | undefined;
    try {
      host = await startHost(db);
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openPage(browser(), host.url, { colorScheme: scheme });
        await page.getByTestId('request-card').first().waitFor();
        await expect.poll(() => page.getByTestId('flag-count').textContent()).toBe(String(flags.length));

        for (const stage of STAGES) {
          const lane = page.getByTestId(`lane-${stage}`);
          const ids = await lane.getByTestId('request-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-request-id')));
          expect(ids.sort(), `cards in the ${stage} lane`).toEqual(expectedLanes[stage]);
        }
        expect(await page.title()).toBe('TM Planner — Demo plan');
        // Ana is over-allocated this week, as the journey says: 44 of 40 h.
        const ana = page.locator('[data-testid="specialist-row"][data-specialist-id="E1001"]');
        await expect.poll(() => ana.textContent()).toContain('110%');
        await screenshot(page, `board-${scheme}`);
        await closeWithoutErrors(page);
      }
    } finally {
      await host?.stop();
    }
  });

  it('shows a clear message for a damaged plan instead of a blank page', async () => {
    const { writeFileSync } = await import('node:fs');
    const db = join(temp(), 'broken.db');
    writeFileSync(db, 'not a database');
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(
      process.execPath,
      [join(__dirname, '../../node_modules/tsx/dist/cli.mjs'), join(__dirname, '../../electron/web/main.ts'), '--db', db, '--port', '0'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${db} is not a TM Planner plan (it is not an SQLite database).`);
  });
});
