import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/handlers';
import { reportsPrintHtml } from '../../electron/backend/export/reports-print';
import { addIsoWeeks, type HeatCell, type IsoWeek } from '../../shared/domain';
import { BENCH_PLAN, SETUP_KINDS, generatePlan } from '../bench/generate-plan';
import { SCREENSHOTS, closeWithoutErrors, openPage, screenshot, useBrowser } from '../helpers/browser';
import { cli } from '../helpers/cli';
import { TEST_WEEK, testClock } from '../helpers/clock';
import { useTempDir } from '../helpers/temp';
import { viewFixture } from '../renderer/report-fixtures';
import { api, startHost, type RunningHost } from '../helpers/web-host';

const temp = useTempDir();

/**
 * The same figures worked out here from the plan file's tables with SQL, not with the
 * product's functions: allocated minutes of active specialists (the heat map), and the
 * allocations table's count, minutes and cost (cost = round(minutes x rate / 60) each).
 */
interface Figures {
  allocatedMinutes: number;
  count: number;
  minutes: number;
  costMinor: number;
  maxMinutes: number;
}

function planFigures(path: string, from: IsoWeek, to: IsoWeek, departments: string[] = [], stages: string[] = []): Figures {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const where = [
      'a.week BETWEEN ? AND ?',
      departments.length ? `d.name IN (${departments.map(() => '?').join(',')})` : '1',
      stages.length ? `r.stage IN (${stages.map(() => '?').join(',')})` : '1',
    ].join(' AND ');
    const from_ = `FROM allocations a JOIN specialists s ON s.id = a.specialist_id JOIN departments d ON d.id = s.department_id
                   JOIN requests r ON r.id = a.request_id WHERE ${where}`;
    const args = [from, to, ...departments, ...stages];
    const table = db
      .prepare(
        `SELECT count(*) AS count, coalesce(sum(a.minutes), 0) AS minutes,
                coalesce(sum((a.minutes * s.hourly_rate_minor + 30) / 60), 0) AS cost, coalesce(max(a.minutes), 0) AS maxMinutes ${from_}`,
      )
      .get(...args) as { count: number; minutes: number; cost: number; maxMinutes: number };
    const heat = db
      .prepare(
        `SELECT coalesce(sum(a.minutes), 0) AS m FROM allocations a JOIN specialists s ON s.id = a.specialist_id
         JOIN departments d ON d.id = s.department_id WHERE a.week BETWEEN ? AND ? AND s.active = 1
         ${departments.length ? `AND d.name IN (${departments.map(() => '?').join(',')})` : ''}`,
      )
      .get(from, to, ...departments) as { m: number };
    return { allocatedMinutes: heat.m, count: table.count, minutes: table.minutes, costMinor: table.cost, maxMinutes: table.maxMinutes };
  } finally {
    db.close();
  }
}

/** Hours as the view writes them in `locale`: whole hours without decimals, else two places (from integers). */
function hoursText(minutes: number, locale: string): string {
  const hundredths = Math.floor((minutes * 100 + 30) / 60);
  const whole = hundredths % 100 === 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 }).format(
    hundredths / 100,
  );
}
const moneyText = (minor: number, locale: string): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);

const shown = (page: Page) => page.getByTestId('reports-view').getAttribute('data-shown');
const figureValue = async (page: Page, key: string) => Number(await page.getByTestId(`reports-figure-${key}`).getAttribute('data-value'));
const totals = (page: Page) => page.getByTestId('reports-allocation-totals');

async function tableFigures(page: Page) {
  const t = totals(page);
  return {
    count: Number(await t.getAttribute('data-count')),
    minutes: Number(await t.getAttribute('data-minutes')),
    cost: Number(await t.getAttribute('data-cost')),
  };
}

/** What the view shows agrees with the plan file for this filter. */
async function expectFigures(page: Page, expected: Figures) {
  await expect.poll(() => tableFigures(page)).toEqual({ count: expected.count, minutes: expected.minutes, cost: expected.costMinor });
  expect(await figureValue(page, 'allocated')).toBe(expected.allocatedMinutes);
}

/** No average or over-allocated count beside the heat map is cut off (wider than its column). */
async function expectNoClippedFigures(page: Page) {
  const clipped = await page
    .locator('.rc-heat-labels .rc-num')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  expect(clipped).toEqual([]);
}

async function exportFile(page: Page, report: string, format: string): Promise<{ download: Download; path: string }> {
  await page.getByTestId('export-report').selectOption(report);
  await page.getByTestId('export-format').selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-start').click()]);
  const path = await download.path();
  await expect.poll(() => page.getByTestId('export-dialog').getAttribute('data-state')).toBe('done');
  expect(await page.getByTestId('export-message').textContent()).toContain(download.suggestedFilename());
  await page.getByTestId('export-close').click();
  return { download, path };
}

async function readXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

describe("the department head's reports, in a browser served by the local web host", () => {
  const browser = useBrowser();

  it('changes the weeks, departments and stages and sees the figures the plan file holds, in light, dark and de-DE', async () => {
    const db = join(temp(), 'demo.db');
    expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
    let host: RunningHost | undefined;
    try {
      host = await startHost(db);
      const page = await openPage(browser(), host.url, { locale: 'en-US' });
      await page.getByTestId('request-card').first().waitFor();
      await page.getByRole('button', { name: 'Reports', exact: true }).click();
      expect(page.url()).toContain('#reports');
      const to = addIsoWeeks(TEST_WEEK, 12);
      await expect.poll(() => shown(page)).toBe(`${TEST_WEEK}/${to}`);
      const quarter = planFigures(db, TEST_WEEK, to);
      expect(quarter.count).toBeGreaterThan(0);
      await expectFigures(page, quarter);
      expect(await totals(page).textContent()).toBe(
        `${quarter.count.toLocaleString('en-US')} allocations · ${hoursText(quarter.minutes, 'en-US')} h · ${moneyText(quarter.costMinor, 'en-US')} EUR`,
      );
      expect(await page.getByTestId('reports-figure-allocated').locator('.rp-figure-value').textContent()).toBe(
        `${hoursText(quarter.allocatedMinutes, 'en-US')} h`,
      );
      await screenshot(page, 'reports-light');

      // The first answer holds department rows only; opening one brings its specialists.
      const heat = page.getByTestId('rp-utilization');
      expect(await heat.locator('.rc-specialist').count()).toBe(0);
      const dbsToggle = heat.getByRole('button', { name: /^Database Services \(\d+\)$/ });
      const dbsCount = Number((await dbsToggle.textContent())!.match(/\((\d+)\)/)![1]);
      expect(dbsCount).toBeGreaterThan(0);
      await dbsToggle.click();
      expect(await dbsToggle.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => heat.locator('.rc-specialist').count()).toBe(dbsCount);
      expect(await heat.locator('.rc-loading-line').count()).toBe(0);
      await expectNoClippedFigures(page);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await heat.screenshot({ path: join(SCREENSHOTS, 'reports-heatmap-open.png') });
      await dbsToggle.click();
      expect(await heat.locator('.rc-specialist').count()).toBe(0);

      // Four weeks: fewer allocations, and exactly the plan file's.
      await page.getByTestId('reports-span-4').click();
      await expect.poll(() => shown(page)).toBe(`${TEST_WEEK}/${addIsoWeeks(TEST_WEEK, 3)}`);
      const month = planFigures(db, TEST_WEEK, addIsoWeeks(TEST_WEEK, 3));
      expect(month.count).toBeLessThan(quarter.count);
      await expectFigures(page, month);

      // One department, then two.
      await page.getByTestId('reports-departments').locator('summary').click();
      await page.getByRole('checkbox', { name: 'Database Services' }).check();
      const dbs = planFigures(db, TEST_WEEK, addIsoWeeks(TEST_WEEK, 3), ['Database Services']);
      expect(dbs.count).toBeLessThan(month.count);
      await expectFigures(page, dbs);
      await page.getByRole('checkbox', { name: 'Cloud Platform' }).check();
      await expectFigures(page, planFigures(db, TEST_WEEK, addIsoWeeks(TEST_WEEK, 3), ['Cloud Platform', 'Database Services']));
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('reports-departments').locator('summary').textContent()).toBe('2 departments');

      // Without the operation stage the table leaves out operation requests' allocations.
      await page.getByTestId('reports-departments').locator('summary').click();
      await page.getByRole('button', { name: 'All departments' }).click();
      await page.keyboard.press('Escape');
      await expectFigures(page, month);
      await page.getByTestId('reports-stage-operation').uncheck();
      await expect
        .poll(() => tableFigures(page))
        .toEqual(
          (({ count, minutes, costMinor }) => ({ count, minutes, cost: costMinor }))(
            planFigures(db, TEST_WEEK, addIsoWeeks(TEST_WEEK, 3), [], ['design', 'transition']),
          ),
        );
      await page.getByTestId('reports-stage-operation').check();

      // Sorted by hours, biggest first: the first row holds the plan's largest allocation of the range.
      await page.getByTestId('allocations-sort-hours').click();
      expect(await page.locator('[role="columnheader"][data-sort-key="hours"]').getAttribute('aria-sort')).toBe('descending');
      await expect
        .poll(() => page.getByTestId('allocation-row').first().locator('[role="cell"]').nth(6).textContent())
        .toBe(hoursText(month.maxMinutes, 'en-US'));

      // The last rows arrive as the table scrolls to them.
      await page.getByTestId('reports-span-52').click();
      const year = planFigures(db, TEST_WEEK, addIsoWeeks(TEST_WEEK, 51));
      await expectFigures(page, year);
      await page.locator('.rp-tbody').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect.poll(() => page.getByTestId('allocation-row').last().getAttribute('aria-rowindex')).toBe(String(year.count + 1));
      await closeWithoutErrors(page);

      const dark = await openPage(browser(), `${host.url}#reports`, { colorScheme: 'dark', locale: 'en-US' });
      await expect.poll(() => shown(dark)).toBe(`${TEST_WEEK}/${to}`);
      await dark.getByTestId('rp-utilization').locator('button[aria-expanded]').first().click();
      expect(await dark.getByTestId('rp-utilization').locator('button[aria-expanded]').first().getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => dark.getByTestId('rp-utilization').locator('.rc-specialist').count()).toBeGreaterThan(0);
      await screenshot(dark, 'reports-dark');
      await closeWithoutErrors(dark);

      // de-DE: the same figures in German notation (12.284,00).
      const de = await openPage(browser(), `${host.url}#reports`, { locale: 'de-DE' });
      await expect.poll(() => shown(de)).toBe(`${TEST_WEEK}/${to}`);
      await expectFigures(de, quarter);
      const cost = await figureValue(de, 'cost');
      expect(await de.getByTestId('reports-figure-cost').locator('.rp-figure-value').textContent()).toBe(moneyText(cost, 'de-DE'));
      expect(moneyText(cost, 'de-DE')).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
      expect(await totals(de).textContent()).toContain(`${moneyText(quarter.costMinor, 'de-DE')} EUR`);
      await screenshot(de, 'reports-de-DE');
      await closeWithoutErrors(de);
    } finally {
      await host?.stop();
    }
  });

  it("fits five-digit over-allocation counts in the heat map's Over column", async () => {
    const view = viewFixture();
    const big = (c: HeatCell): HeatCell => ({ ...c, overAllocated: 12_345 });
    const heatmap = {
      ...view.heatmap,
      departments: view.heatmap.departments.map((d) => ({ ...d, row: { ...d.row, total: big(d.row.total) } })),
      total: big(view.heatmap.total),
    };
    const html = reportsPrintHtml({
      view: { ...view, heatmap },
      reports: ['utilization'],
      allocations: [],
      allocationTotal: 0,
      generatedAt: '2026-11-26T12:00:00.000Z',
      departments: [],
    });
    const file = join(temp(), 'heatmap.html');
    writeFileSync(file, html);
    const page = await openPage(browser(), pathToFileURL(file).href, { locale: 'en-GB' });
    expect(await page.locator('.rc-heat-labels .rc-over').first().textContent()).toBe('▲ 12,345');
    await expectNoClippedFigures(page);
    await closeWithoutErrors(page);
  });

  it('exports CSV, XLSX, PDF and a pack from the view: the files arrive and open', async () => {
    const db = join(temp(), 'demo.db');
    expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
    let host: RunningHost | undefined;
    try {
      host = await startHost(db);
      const page = await openPage(browser(), `${host.url}#reports`, { locale: 'en-US' });
      await expect.poll(() => shown(page)).toBe(`${TEST_WEEK}/${addIsoWeeks(TEST_WEEK, 12)}`);
      await page.getByTestId('reports-departments').locator('summary').click();
      await page.getByRole('checkbox', { name: 'Database Services' }).check();
      await page.keyboard.press('Escape');
      const dbs = planFigures(db, TEST_WEEK, addIsoWeeks(TEST_WEEK, 12), ['Database Services']);
      await expectFigures(page, dbs);

      // CSV: UTF-8 with BOM, the interchange header, the filter's rows.
      const csv = await exportFile(page, 'allocations', 'csv');
      const bytes = readFileSync(csv.path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trimEnd().split(/\r?\n/);
      expect(lines[0]).toBe('week,specialist_id,specialist,department,request_id,request,stage,hours,status,cost');
      expect(lines).toHaveLength(dbs.count + 1);
      expect(lines.slice(1).every((l) => l.includes(',Database Services,'))).toBe(true);
      expect(csv.download.suggestedFilename()).toMatch(/\.csv$/);

      // XLSX of one report: the cover and its sheet, typed cells.
      const xlsx = await exportFile(page, 'allocations', 'xlsx');
      const wb = await readXlsx(xlsx.path);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Allocations']);
      const sheet = wb.getWorksheet('Allocations')!;
      expect(sheet.rowCount).toBe(dbs.count + 1);
      expect(typeof sheet.getRow(2).getCell(8).value).toBe('number');

      // A pack as XLSX: one sheet per report after the cover, with the plan's name on it.
      const pack = await exportFile(page, 'pack', 'xlsx');
      const packBook = await readXlsx(pack.path);
      expect(packBook.worksheets.map((w) => w.name)).toEqual(['Cover', 'Utilization', 'Costs', 'Stages', 'Skills', 'Allocations']);
      expect(packBook.getWorksheet('Cover')!.getColumn(2).values).toContain('Demo plan');

      // A PDF: a real PDF whose text holds the plan's name.
      const pdf = await exportFile(page, 'pack', 'pdf');
      expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' });
      expect(text).toContain('Demo plan');
      await closeWithoutErrors(page);
    } finally {
      await host?.stop();
    }
  });

  it('cancels a long export: the dialog says so, no file arrives and none is left behind', async () => {
    const dir = temp();
    const path = join(dir, 'large.tmplan');
    // The bench plan scaled down, starting this week: large enough that its XLSX pack takes seconds.
    const plan = generatePlan({ ...BENCH_PLAN, specialists: 600, requests: 1500, weeks: 26, allocations: 80_000, startWeek: TEST_WEEK });
    const setup = createBackend({ clock: testClock });
    await setup.call('plan-create', { path, name: 'Large plan' });
    for (const kind of [...SETUP_KINDS, 'allocations'] as const) {
      await setup.call('import-csv', { kind, fileName: `${kind}.csv`, text: plan.csv[kind] });
    }
    setup.close();
    let host: RunningHost | undefined;
    try {
      host = await startHost(path);
      const page = await openPage(browser(), `${host.url}#reports`, { locale: 'en-US' });
      const downloads: Download[] = [];
      page.on('download', (d) => downloads.push(d));
      await page.getByTestId('reports-span-26').click();
      await expect.poll(() => shown(page), { timeout: 30_000 }).toBe(`${TEST_WEEK}/${addIsoWeeks(TEST_WEEK, 25)}`);
      await page.getByTestId('export-report').selectOption('pack');
      await page.getByTestId('export-format').selectOption('xlsx');
      await page.getByTestId('export-start').click();
      const dialog = page.getByTestId('export-dialog');
      // Progress shows, and the page keeps answering while the backend's job works.
      await expect
        .poll(async () => Number(await page.getByTestId('export-progress').getAttribute('value')), { timeout: 30_000 })
        .toBeGreaterThan(0);
      expect(await dialog.getAttribute('data-state')).toBe('running');
      const jobId = (await dialog.getAttribute('data-job-id'))!;
      await screenshot(page, 'reports-export-progress');
      await page.getByTestId('export-cancel').click();
      await expect.poll(() => dialog.getAttribute('data-state')).toBe('cancelled');
      expect(await page.getByTestId('export-message').textContent()).toBe('Export cancelled: no file was written.');

      expect((await api(host, 'exports-status', { jobId })).state).toBe('cancelled');
      const res = await fetch(`${host.url}exports/${jobId}`);
      expect(res.ok).toBe(false);
      // The host keeps downloads in tm-planner-exports-* folders of the temp dir: nothing of this job is in any.
      const leftovers = readdirSync(tmpdir())
        .filter((d) => d.startsWith('tm-planner-exports-'))
        .flatMap((d) => (existsSync(join(tmpdir(), d)) ? readdirSync(join(tmpdir(), d)) : []))
        .filter((f) => f.includes(jobId));
      expect(leftovers).toEqual([]);
      await page.getByTestId('export-close').click();
      expect(downloads).toEqual([]);
      await closeWithoutErrors(page);
    } finally {
      await host?.stop();
    }
  }, 180_000);
});
