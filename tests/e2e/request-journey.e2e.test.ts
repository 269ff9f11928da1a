// The project lead's request from first draft to staffed, as the lead and the resource
// manager do it in Chromium against the local web host (TM Planner issue 8): the lead
// writes and submits it, the manager approves and staffs it by dragging specialists onto
// its demand lines, the lead sees the progress; the staffing summary PDF from the page; and
// a request carried between two plan files as a file, with its differences shown first and
// damaged or newer files refused. The plan file is checked with the real CLI at each step.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIsoWeeks, formatMoney, formatMoneyGrouped, weekRange } from '../../shared/domain';
import { moneyTextGrouped } from '../../shared/format/request-diff';
import type { RequestFile, StaffingSummaryFile } from '../../shared/exchange';
import { SCREENSHOTS, closeWithoutErrors, openPage, screenshot, useBrowser } from '../helpers/browser';
import { errorOf } from './form-errors';
import { TEST_WEEK } from '../helpers/clock';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { startHost, type RunningHost, api } from '../helpers/web-host';

const temp = useTempDir();

/** The board's first 8 weeks from the pinned week (2026-W48): the journey's request lies inside them. */
const FROM = TEST_WEEK;
const TO = addIsoWeeks(FROM, 7);
const START = addIsoWeeks(FROM, 1);
const END = addIsoWeeks(FROM, 3);
const WEEKS = weekRange(START, END);

/** In the demo plan: PostgreSQL L3 with 24 h free a week (16 h on REQ-201), and Terraform L3 with nothing allocated. */
const POSTGRES = { skill: 'PostgreSQL', level: 3, hours: 16, specialist: { id: 'E1002', name: 'Bernd Keller', first: 'Bernd' } };
const TERRAFORM = { skill: 'Terraform', level: 3, hours: 8, specialist: { id: 'E4003', name: 'Tess Nguyen', first: 'Tess' } };

/** What `request show --format json` prints, as far as these tests read it. */
interface ShownRequest {
  id: string;
  title: string;
  status: string;
  start_week: string;
  end_week: string;
  budget: string | null;
  cost: string;
  staffing: string;
  demand: {
    skill: string;
    min_level: number;
    hours_per_week: string;
    start_week: string;
    end_week: string;
    demanded_hours: string;
    served_hours: string;
  }[];
}

async function show(db: string, id: string): Promise<{ text: string; request: ShownRequest }> {
  const run = await cli('request', 'show', '--db', db, '--id', id, '--format', 'json');
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return { text: run.out, request: JSON.parse(run.out) as ShownRequest };
}

const editor = (page: Page) => page.getByTestId('request-editor');
const statusOf = (page: Page) => page.getByTestId('request-status').textContent();
const card = (page: Page, id: string) => page.locator(`[data-testid="request-card"][data-request-id="${id}"]`);
const demandLine = (page: Page, id: string, skill: string) => card(page, id).getByTestId('demand-line').filter({ hasText: skill });
const specialistRow = (page: Page, id: string) => page.locator(`[data-testid="specialist-row"][data-specialist-id="${id}"]`);

/** Downloads what `click` starts into test-output/e2e/<name>, returning its path and the name the page gave it. */
async function download(page: Page, click: () => Promise<void>, name: string): Promise<{ path: string; suggested: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(SCREENSHOTS, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await (file as Download).saveAs(path);
  return { path, suggested: (file as Download).suggestedFilename() };
}

/** A pointer drag of a specialist's row onto a target, as a person does it (dnd-kit starts after a few pixels). */
async function drag(page: Page, row: Locator, target: Locator): Promise<void> {
  const from = (await row.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 60, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 50, from.y + from.height / 2 + 4, { steps: 4 });
  await page.mouse.move(to.x + 40, to.y + to.height / 2, { steps: 16 });
  await expect.poll(() => target.getAttribute('data-drop-over')).toBe('true');
  await page.mouse.up();
}

describe("a project lead's request, from draft to staffed, in a browser served by the local web host", () => {
  const browser = useBrowser();

  it(
    'the lead writes and submits it, the manager approves and staffs it by drag and drop, the lead sees partly staffed, then staffed',
    { timeout: 240_000 },
    async () => {
      const db = join(temp(), 'journey.db');
      expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
      let host: RunningHost | undefined;
      try {
        host = await startHost(db);

        // The people the manager will drag have the hours free in every week of the request.
        const people = (await api(host, 'specialists-list', { from: FROM, to: TO })).specialists;
        const specialist = (id: string) => people.find((s) => s.id === id)!;
        for (const line of [POSTGRES, TERRAFORM]) {
          const s = specialist(line.specialist.id);
          expect(s.skills.find((k) => k.name === line.skill)?.level, `${s.name}'s ${line.skill}`).toBeGreaterThanOrEqual(line.level);
          for (const week of WEEKS) {
            const w = s.weeks.find((x) => x.week === week)!;
            expect(w.capacity - w.allocated, `${s.name}'s free minutes in ${week}`).toBeGreaterThanOrEqual(line.hours * 60);
          }
        }

        // ---------- the lead: a draft with two demand lines ----------
        const lead = await openPage(browser(), `${host.url}#requests`, { stepTimeout: 15_000 });
        await lead.getByTestId('request-row').first().waitFor();
        await lead.getByTestId('new-request').click();
        const e = editor(lead);
        await e.getByLabel('Title', { exact: true }).fill('Reporting cluster to PostgreSQL');
        await e.getByLabel('Priority', { exact: true }).selectOption('high');
        await e.getByLabel('IT service', { exact: true }).fill('Reporting');
        await e.getByLabel('Requester', { exact: true }).fill('Nina Park');
        await e.getByLabel('Budget (EUR)').fill('8000.00');

        // The weeks the wrong way round: said next to the field, in words, until fixed.
        const start = e.getByLabel('Start week', { exact: true });
        const end = e.getByLabel('End week', { exact: true });
        await start.fill(END);
        await end.fill(START);
        const endError = e.locator('[data-testid="field-error"][data-field="endWeek"]');
        await expect.poll(() => endError.textContent()).toBe(`End week ${START} is before start week ${END}`);
        expect(await errorOf(end)).toBe(`End week ${START} is before start week ${END}`);
        expect(await end.getAttribute('aria-invalid')).toBe('true');
        await screenshot(lead, 'journey-1-field-error');
        await start.fill(START);
        await end.fill(END);
        await expect.poll(() => endError.count()).toBe(0);
        expect(await end.getAttribute('aria-invalid')).toBeNull();

        // Two lines; the second's hours are forgotten, and the save says so at that field.
        const lines = e.getByTestId('demand-line-fields');
        await e.getByRole('button', { name: 'Add demand line' }).click();
        await lines.nth(0).getByLabel('Skill').fill(POSTGRES.skill);
        await lines.nth(0).getByLabel('Minimum level').selectOption(String(POSTGRES.level));
        await lines.nth(0).getByLabel('Hours per week').fill(String(POSTGRES.hours));
        await e.getByRole('button', { name: 'Add demand line' }).click();
        await lines.nth(1).getByLabel('Skill').fill(TERRAFORM.skill);
        await lines.nth(1).getByLabel('Minimum level').selectOption(String(TERRAFORM.level));
        // A new line runs over the request's weeks.
        expect(await lines.nth(1).getByLabel('Start week').inputValue()).toBe(START);
        expect(await lines.nth(1).getByLabel('End week').inputValue()).toBe(END);
        await lead.getByTestId('save-request').click();
        await expect
          .poll(() => lead.getByTestId('editor-message').textContent())
          .toBe('Not saved: 1 field needs attention (marked below).');
        const missingHours = lines.nth(1).getByLabel('Hours per week');
        expect(await errorOf(missingHours)).toBe('Hours per week is required');
        await expect.poll(() => missingHours.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await e.getAttribute('data-request-id')).toBeNull();
        await screenshot(lead, 'journey-2-save-refused');
        await missingHours.fill(String(TERRAFORM.hours));
        await expect.poll(() => errorOf(missingHours)).toBe('');

        await lead.getByTestId('save-request').click();
        await expect.poll(() => statusOf(lead)).toBe('Draft');
        const id = (await e.getAttribute('data-request-id'))!;
        expect(id).toMatch(/^R\d+$/);
        expect(lead.url()).toContain(`#requests/${id}`);
        await expect.poll(() => lead.getByTestId('save-state').textContent()).toBe('All changes saved');

        // A reload finds it as saved: on disk, not in the page.
        await lead.reload();
        await expect.poll(() => editor(lead).getAttribute('data-request-id')).toBe(id);
        await expect.poll(() => statusOf(lead)).toBe('Draft');
        expect(await e.getByLabel('Title', { exact: true }).inputValue()).toBe('Reporting cluster to PostgreSQL');
        expect(await lines.count()).toBe(2);
        expect(await lines.nth(1).getByLabel('Hours per week').inputValue()).toBe('8.00');
        const drafted = (await show(db, id)).request;
        expect(drafted).toMatchObject({ status: 'draft', start_week: START, end_week: END, budget: '8000.00', staffing: 'unstaffed' });
        expect(drafted.demand.map((d) => [d.skill, d.min_level, d.hours_per_week, d.start_week, d.end_week])).toEqual([
          [POSTGRES.skill, POSTGRES.level, '16.00', START, END],
          [TERRAFORM.skill, TERRAFORM.level, '8.00', START, END],
        ]);

        await lead.getByTestId('transition-submitted').click();
        await expect.poll(() => statusOf(lead)).toBe('Submitted');
        expect((await show(db, id)).request.status).toBe('submitted');
        await screenshot(lead, 'journey-3-submitted');

        // ---------- the manager: finds it on the board, approves it, staffs it ----------
        const manager = await openPage(browser(), host.url, { stepTimeout: 15_000 });
        await manager.getByTestId('request-card').first().waitFor();
        await manager.getByTestId('specialist-row').first().waitFor();
        await manager.getByLabel('Search requests').fill('Reporting cluster');
        await expect.poll(() => manager.getByTestId('request-card').count()).toBe(1);
        expect(await card(manager, id).count()).toBe(1);
        expect(await card(manager, id).locator('.staffing').textContent()).toBe('unstaffed');
        await card(manager, id).getByTestId('edit-request').click();
        const dialog = manager.getByTestId('request-dialog');
        await dialog.waitFor();
        await expect.poll(() => dialog.getByTestId('request-editor').getAttribute('data-request-id')).toBe(id);
        await expect.poll(() => statusOf(manager)).toBe('Submitted');
        await screenshot(manager, 'journey-4-manager-dialog');
        await dialog.getByTestId('transition-approved').click();
        await expect.poll(() => statusOf(manager)).toBe('Approved');
        expect((await show(db, id)).request.status).toBe('approved');
        await dialog.getByTestId('editor-close').click();
        await dialog.waitFor({ state: 'detached' });
        await expect.poll(() => card(manager, id).locator('.badge.status').textContent()).toBe('approved');

        /** Drags the line's specialist onto it; the editor offers the line's weeks and hours, Enter saves. */
        const staff = async (line: typeof POSTGRES, shot: string) => {
          await manager.getByLabel('Specialist name').fill(line.specialist.first);
          await expect.poll(() => manager.getByTestId('specialist-row').count()).toBe(1);
          await drag(manager, specialistRow(manager, line.specialist.id), demandLine(manager, id, line.skill));
          const drop = manager.getByRole('dialog');
          await drop.waitFor();
          expect(await drop.getByLabel('Hours per week').inputValue()).toBe(String(line.hours));
          expect(await drop.getByLabel('From week').inputValue()).toBe(START);
          expect(await drop.getByLabel('To week').inputValue()).toBe(END);
          await expect.poll(() => drop.getByTestId('drop-weeks').textContent()).toMatch(/^Writes 3 weeks: /);
          await screenshot(manager, shot);
          await drop.getByLabel('Hours per week').press('Enter');
          await drop.waitFor({ state: 'detached' });
          await expect
            .poll(() => card(manager, id).locator(`.card-people [data-specialist-id="${line.specialist.id}"]`).textContent())
            .toBe(`${line.specialist.name} ${line.hours * WEEKS.length} h`);
        };

        await staff(POSTGRES, 'journey-5-drop-editor');
        await expect.poll(() => card(manager, id).locator('.staffing').textContent()).toBe('partly staffed');
        const half = (await show(db, id)).request;
        expect(half.staffing).toBe('partly staffed');
        expect(half.demand.map((d) => d.served_hours)).toEqual(['48.00', '0.00']);

        // The lead looks again: the list and the request both say it.
        await lead.getByTestId('editor-close').click();
        await lead.reload();
        const row = lead.locator(`[data-testid="request-row"][data-request-id="${id}"]`);
        await expect.poll(() => row.locator('.staffing').textContent()).toBe('partly staffed');
        await screenshot(lead, 'journey-6-list-partly-staffed');

        await staff(TERRAFORM, 'journey-7-second-drop');
        await expect.poll(() => card(manager, id).locator('.staffing').textContent()).toBe('staffed');
        await screenshot(manager, 'journey-8-board-staffed');

        await lead.reload();
        await expect.poll(() => row.locator('.staffing').textContent()).toBe('staffed');
        await row.click();
        await expect.poll(() => editor(lead).getAttribute('data-request-id')).toBe(id);
        await expect.poll(() => lead.getByTestId('request-staffing').textContent()).toBe('staffed');
        await screenshot(lead, 'journey-9-lead-staffed');

        // Every week of every line is served, at the people's own rates (domain.md: round(minutes × rate / 60)).
        const done = (await show(db, id)).request;
        expect(done.staffing).toBe('staffed');
        expect(done.demand.map((d) => [d.demanded_hours, d.served_hours])).toEqual([
          ['48.00', '48.00'],
          ['24.00', '24.00'],
        ]);
        const cost = [POSTGRES, TERRAFORM].reduce(
          (sum, l) => sum + WEEKS.length * Math.round((l.hours * 60 * specialist(l.specialist.id).hourlyRateMinor) / 60),
          0,
        );
        expect(done.cost).toBe(formatMoney(cost));
        await expect.poll(() => lead.locator('.rq-side').textContent()).toContain(formatMoneyGrouped(cost));
        await closeWithoutErrors(manager);
        await closeWithoutErrors(lead);

        const dark = await openPage(browser(), `${host.url}#requests/${id}`, { colorScheme: 'dark', stepTimeout: 15_000 });
        await expect.poll(() => dark.getByTestId('request-staffing').textContent()).toBe('staffed');
        await screenshot(dark, 'journey-10-lead-staffed-dark');
        await closeWithoutErrors(dark);
      } finally {
        await host?.stop();
      }
    },
  );

  it(
    'prints the staffing summary PDF from the request editor, with the request, its people and its cost',
    { timeout: 180_000 },
    async () => {
      const db = join(temp(), 'summary.db');
      expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
      // The migration: four people on it in the demo plan, partly staffed, with a budget.
      const id = 'REQ-201';
      const json = join(temp(), 'summary.json');
      expect((await cli('request', 'summary', '--db', db, '--id', id, '--out', json)).code).toBe(0);
      const summary = JSON.parse(readFileSync(json, 'utf8')) as StaffingSummaryFile;
      expect(summary.people.length).toBeGreaterThan(1);
      let host: RunningHost | undefined;
      try {
        host = await startHost(db);
        const page = await openPage(browser(), `${host.url}#requests/${id}`, { stepTimeout: 15_000 });
        await expect.poll(() => editor(page).getAttribute('data-request-id')).toBe(id);
        const pdf = await download(page, () => page.getByTestId('summary-pdf').click(), 'journey-summary.pdf');
        expect(pdf.suggested).toMatch(/\.pdf$/);
        expect(pdf.suggested).toContain(id);
        await expect.poll(() => page.locator('.rq-file-status').textContent()).toBe(`Saved the staffing summary as ${pdf.suggested}.`);
        await screenshot(page, 'summary-1-editor');
        expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');

        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf.path, join(SCREENSHOTS, 'summary-2-pdf-page')]);
        const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
        expect(text).toContain(id);
        expect(text).toContain(summary.request.title);
        const person = summary.people[0]!;
        expect(text).toContain(person.name);
        expect(text).toContain(summary.staffing);
        // The file says "34392.00"; the PDF groups it for people.
        expect(text).toContain(`${moneyTextGrouped(summary.cost, 2)} EUR`);
        await closeWithoutErrors(page);

        const dark = await openPage(browser(), `${host.url}#requests/${id}`, { colorScheme: 'dark', stepTimeout: 15_000 });
        await expect.poll(() => editor(dark).getAttribute('data-request-id')).toBe(id);
        await download(dark, () => dark.getByTestId('summary-pdf').click(), 'journey-summary-dark.pdf');
        await expect.poll(() => dark.locator('.rq-file-status').textContent()).toMatch(/^Saved the staffing summary as /);
        await screenshot(dark, 'summary-3-editor-dark');
        await closeWithoutErrors(dark);
      } finally {
        await host?.stop();
      }
    },
  );

  it(
    'carries a request from plan A to plan B as a file: differences field by field and line by line, Cancel and Apply, damaged and newer files refused',
    { timeout: 240_000 },
    async () => {
      const dir = temp();
      const dbA = join(dir, 'plan-a.db');
      const dbB = join(dir, 'plan-b.db');
      expect((await cli('init', '--db', dbA, '--demo')).code).toBe(0);
      // B is A as it was before the lead's edits: the same request under the same id.
      copyFileSync(dbA, dbB);
      const id = 'REQ-103';
      const before = await show(dbB, id);
      expect(before.text).toBe((await show(dbA, id)).text);
      const firewalls = before.request.demand.find((d) => d.skill === 'Firewalls')!;
      const cisco = before.request.demand.find((d) => d.skill === 'Cisco')!;
      const newTitle = `${before.request.title} and DC3`;

      let hostA: RunningHost | undefined;
      let hostB: RunningHost | undefined;
      try {
        [hostA, hostB] = await Promise.all([startHost(dbA), startHost(dbB)]);
        const a = await openPage(browser(), `${hostA.url}#requests/${id}`, { stepTimeout: 15_000 });
        const b = await openPage(browser(), `${hostB.url}#requests`, { stepTimeout: 15_000 });
        await expect.poll(() => editor(a).getAttribute('data-request-id')).toBe(id);
        await b.getByTestId('request-row').first().waitFor();
        const importDialog = b.getByTestId('import-dialog');
        const importFile = async (file: string | { name: string; mimeType: string; buffer: Buffer }) => {
          await b.getByTestId('import-file').first().setInputFiles(file);
          await importDialog.waitFor();
        };

        // The request as it is: B recognises it by its id and has nothing to change.
        const first = await download(a, () => a.getByTestId('export-request').click(), 'journey-export-1.json');
        expect(first.suggested).toMatch(/\.json$/);
        await importFile(first.path);
        await expect.poll(() => importDialog.textContent()).toContain('The file matches the plan: nothing would change.');
        expect(await importDialog.getByTestId('import-apply').isDisabled()).toBe(true);
        await importDialog.getByRole('button', { name: 'Cancel' }).click();
        await importDialog.waitFor({ state: 'detached' });

        // The lead changes it in A: a new title, more Firewalls hours, and a BGP line.
        const e = editor(a);
        await e.getByLabel('Title', { exact: true }).fill(newTitle);
        const lines = e.getByTestId('demand-line-fields');
        const skills = await lines.getByLabel('Skill').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
        expect(skills).toEqual(before.request.demand.map((d) => d.skill));
        await lines.nth(skills.indexOf('Firewalls')).getByLabel('Hours per week').fill('12');
        await e.getByRole('button', { name: 'Add demand line' }).click();
        await lines.nth(2).getByLabel('Skill').fill('BGP');
        await lines.nth(2).getByLabel('Minimum level').selectOption('3');
        await lines.nth(2).getByLabel('Hours per week').fill('8');
        await a.getByTestId('save-request').click();
        await expect.poll(() => a.getByTestId('save-state').textContent()).toBe('All changes saved');
        await expect.poll(async () => (await show(dbA, id)).request.title).toBe(newTitle);
        const second = await download(a, () => a.getByTestId('export-request').click(), 'journey-export-2.json');
        const exported = JSON.parse(readFileSync(second.path, 'utf8')) as RequestFile;
        expect(exported.request.title).toBe(newTitle);
        await screenshot(a, 'exchange-1-plan-a-edited');
        await closeWithoutErrors(a);

        // B sees every difference, field by field and line by line, before anything is written.
        const differences = [
          `${id} title: ${JSON.stringify(before.request.title)} -> ${JSON.stringify(newTitle)}`,
          ...[
            `${id} ~ demand Firewalls L4 8 h/wk ${firewalls.start_week}..${firewalls.end_week} -> L4 12 h/wk ${firewalls.start_week}..${firewalls.end_week}`,
            `${id} + demand BGP L3 8 h/wk ${before.request.start_week}..${before.request.end_week}`,
          ].sort(),
        ];
        // Fields first, then the lines in the file's order.
        const shownDifferences = async () => {
          const [field, ...lineChanges] = await importDialog.getByTestId('import-differences').locator('li').allTextContents();
          return [field, ...lineChanges.sort()];
        };
        await importFile(second.path);
        await expect.poll(shownDifferences).toEqual(differences);
        expect(await importDialog.textContent()).toContain(`Changes to ${id}:`);
        // Having read the changes, Enter applies them (the dialog puts focus on Apply).
        await expect
          .poll(() => b.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent))
          .toBe('import-apply');
        await screenshot(b, 'exchange-2-plan-b-differences');
        await importDialog.getByRole('button', { name: 'Cancel' }).click();
        await importDialog.waitFor({ state: 'detached' });
        expect((await show(dbB, id)).text).toBe(before.text);

        await importFile(second.path);
        await expect.poll(shownDifferences).toEqual(differences);
        await importDialog.getByTestId('import-apply').click();
        await importDialog.waitFor({ state: 'detached' });
        const applied = (await show(dbB, id)).request;
        expect(applied.title).toBe(newTitle);
        expect(applied.demand.map((d) => [d.skill, d.min_level, d.hours_per_week, d.start_week, d.end_week])).toEqual(
          expect.arrayContaining([
            ['Cisco', cisco.min_level, cisco.hours_per_week, cisco.start_week, cisco.end_week],
            ['Firewalls', 4, '12.00', firewalls.start_week, firewalls.end_week],
            ['BGP', 3, '8.00', before.request.start_week, before.request.end_week],
          ]),
        );
        expect(applied.demand).toHaveLength(3);
        // The page opens what it imported, as B now holds it.
        await expect.poll(() => editor(b).getAttribute('data-request-id')).toBe(id);
        await expect.poll(() => editor(b).getByLabel('Title', { exact: true }).inputValue()).toBe(newTitle);
        expect(await editor(b).getByTestId('demand-line-fields').count()).toBe(3);
        await screenshot(b, 'exchange-3-plan-b-applied');
        const afterApply = await show(dbB, id);
        await closeWithoutErrors(b);

        // Files B must not take: the dialog says why, and B stays as it is. Seen in the dark theme.
        const dark = await openPage(browser(), `${hostB.url}#requests`, { colorScheme: 'dark', stepTimeout: 15_000 });
        await dark.getByTestId('request-row').first().waitFor();
        const refusal = async (name: string, text: string, message: string, shot: string) => {
          await dark
            .getByTestId('import-file')
            .first()
            .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
          const d = dark.getByTestId('import-dialog');
          await d.waitFor();
          await expect.poll(() => d.getByTestId('import-refused').locator('.rq-refused-message').textContent()).toBe(message);
          expect(await d.getByTestId('import-refused').textContent()).toContain('This file was refused; nothing was changed.');
          expect(await d.getByTestId('import-apply').count()).toBe(0);
          await screenshot(dark, shot);
          await d.getByRole('button', { name: 'Close' }).click();
          await d.waitFor({ state: 'detached' });
          expect((await show(dbB, id)).text).toBe(afterApply.text);
        };
        const whole = readFileSync(second.path, 'utf8');
        const truncatedName = 'REQ-103-truncated.json';
        await refusal(
          truncatedName,
          whole.slice(0, Math.floor(whole.length / 2)),
          `${truncatedName} is not a complete JSON file (damaged or truncated): nothing was imported.`,
          'exchange-4-truncated-refused-dark',
        );
        const newerName = 'REQ-103-v2.json';
        await refusal(
          newerName,
          JSON.stringify({ ...exported, version: 2, request: { ...exported.request, title: 'Never applied' } }),
          `${newerName} was written by a newer TM Planner (version 2; this one reads 1): nothing was imported. Update TM Planner to import it.`,
          'exchange-5-newer-refused-dark',
        );
        await closeWithoutErrors(dark);
      } finally {
        await Promise.all([hostA?.stop(), hostB?.stop()]);
      }
    },
  );
});
