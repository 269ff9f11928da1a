import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExportJobStatus } from '../../shared/api/reports';
import { DOWNLOAD_KEPT_MS, ExportJobs, FINISHED_JOBS_KEPT } from '../../electron/backend/export/export-jobs';
import { reportHtml } from '../../electron/backend/export/report-source';
import { writeXlsx } from '../../electron/backend/export/write-xlsx';
import { exportSpec } from '../../electron/backend/handlers/exports';
import { createBackend, type Backend } from '../../electron/backend/handlers';
import { generatePlan } from '../bench/generate-plan';
import { cli } from '../helpers/cli';
import { testClock } from '../helpers/clock';
import { CSV_FIXTURES, IMPORT_ORDER } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp';

const temp = useTempDir();

/** The CSV fixtures plus a request whose id and title look like formulas, with one allocation. */
async function fixturePlan(): Promise<{ b: Backend; db: string; dir: string }> {
  const dir = temp();
  const db = join(dir, 'plan.db');
  const b = createBackend({ clock: testClock });
  await b.call('plan-create', { path: db, name: '=Plan "Ü"' });
  for (const [kind, file] of IMPORT_ORDER) {
    await b.call('import-csv', { kind, fileName: file, text: readFileSync(join(CSV_FIXTURES, file), 'utf8') });
  }
  await b.call('import-csv', {
    kind: 'requests',
    fileName: 'requests.csv',
    text: 'id,title,stage,status,start_week,end_week,budget\n-R0,@SUM(A1),design,approved,2026-W48,2026-W49,10.00\n',
  });
  await b.call('import-csv', {
    kind: 'allocations',
    fileName: 'allocations.csv',
    text: 'specialist_id,request_id,week,hours\nS1,-R0,2026-W48,1.5\n',
  });
  return { b, db, dir };
}

/** A plan large enough that an export is still running while the test looks at it. */
async function largePlan(): Promise<{ b: Backend; db: string; dir: string; allocations: number }> {
  const dir = temp();
  const db = join(dir, 'large.db');
  const plan = generatePlan({ seed: 7, specialists: 300, requests: 600, weeks: 26, allocations: 40_000, startWeek: '2027-W01' });
  const b = createBackend({ clock: testClock });
  await b.call('plan-create', { path: db, name: 'Large' });
  for (const kind of ['specialists', 'holidays', 'time-off', 'requests', 'demand', 'allocations'] as const) {
    await b.call('import-csv', { kind, fileName: `${kind}.csv`, text: plan.csv[kind] });
  }
  return { b, db, dir, allocations: plan.counts.allocations };
}

const nextTurn = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

/** Polls a job as the page does until it ends; returns every status seen. */
async function settle(b: Backend, first: ExportJobStatus): Promise<ExportJobStatus[]> {
  const seen = [first];
  while (seen.at(-1)!.state === 'running') {
    await nextTurn();
    seen.push(await b.call('exports-status', { jobId: first.jobId }));
  }
  return seen;
}

async function readXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

describe('export jobs', () => {
  it('write an XLSX a spreadsheet reads back: cover, typed cells, number formats, frozen header, autofilter, formula-like text as text', async () => {
    const { b, dir } = await fixturePlan();
    const target = join(dir, 'costs.xlsx');
    const start = await b.call('exports-start', { report: 'allocations', format: 'xlsx', filter: {}, targetPath: target });
    expect(start).toMatchObject({ state: 'running', fileName: 'costs.xlsx' });
    const end = (await settle(b, start)).at(-1)!;
    expect(end).toMatchObject({ state: 'done', done: 6, total: 6, phase: 'Done' });
    expect(end.downloadUrl).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);

    const wb = await readXlsx(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Allocations']);
    const cover = wb.getWorksheet('Cover')!;
    expect(cover.getColumn(1).values.slice(2)).toEqual(['Plan', 'Weeks', 'Departments', 'Stages', 'Currency', 'Generated', 'Sheets']);
    expect(cover.getColumn(2).values.slice(2)).toEqual([
      '=Plan "Ü"',
      '2026-W48 to 2027-W01',
      'all',
      'all',
      'EUR',
      '2026-11-26T12:00:00.000Z',
      'Allocations',
    ]);
    expect(cover.getCell('B2').type).toBe(ExcelJS.ValueType.String);

    const ws = wb.getWorksheet('Allocations')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'week',
      'specialist_id',
      'specialist',
      'department',
      'request_id',
      'request',
      'stage',
      'hours',
      'status',
      'cost',
    ]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    // The formula-like request keeps its id and title exactly, as text cells.
    const row = ws.getRow(2);
    expect(row.values).toEqual([
      undefined,
      '2026-W48',
      'S1',
      'Ana Souza',
      'Database Services',
      '-R0',
      '@SUM(A1)',
      'design',
      1.5,
      'confirmed',
      93.75,
    ]);
    for (const col of [1, 2, 5, 6]) {
      expect(row.getCell(col).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(col).formula).toBeUndefined();
    }
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(8).numFmt).toBe('0.00');
    expect(row.getCell(10).numFmt).toBe('#,##0.00');
    expect(row.getCell(1).numFmt).toBe('@');
    const rateRow = ws.getRow(3);
    expect(rateRow.getCell(10).value).toBeTypeOf('number');
    expect(ws.getColumn(6).width).toBeGreaterThan(10);

    // In the file itself: no formula anywhere, the ids as shared strings, the autofilter over the header and rows.
    const zip = await JSZip.loadAsync(readFileSync(target));
    const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain('<autoFilter ref="A1:J7"/>');
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('<t>-R0</t>');
    expect(strings).not.toContain("'-R0");
    b.close();
  });

  it('write the CSV of interchange.md, UTF-8 with BOM and CRLF, the same rows the command line prints', async () => {
    const { b, db, dir } = await fixturePlan();
    const target = join(dir, 'alloc.csv');
    const end = (
      await settle(b, await b.call('exports-start', { report: 'allocations', format: 'csv', filter: {}, targetPath: target }))
    ).at(-1)!;
    expect(end.state).toBe('done');
    const bytes = readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('week,specialist_id,specialist,department,request_id,request,stage,hours,status,cost');
    expect(text).not.toMatch(/[^\r]\n/);
    // CSV keeps its formula defusing: text a spreadsheet would run gets an apostrophe.
    expect(text).toContain("2026-W48,S1,Ana Souza,Database Services,'-R0,'@SUM(A1),design,1.50,confirmed,");
    const stdout = await cli('report', '--db', db, 'allocations', '--format', 'csv');
    expect(text).toBe(stdout.out);
    expect(end.bytes).toBe(bytes.length);
    b.close();
  });

  it('report progress as they go, and a job cancelled mid-way leaves neither the file nor a part file', async () => {
    const { b, dir, allocations } = await largePlan();
    const target = join(dir, 'big.xlsx');
    const start = await b.call('exports-start', { report: 'allocations', format: 'xlsx', filter: {}, targetPath: target });
    let st = start;
    while (st.state === 'running' && st.done === 0) {
      await nextTurn();
      st = await b.call('exports-status', { jobId: start.jobId });
    }
    expect(st).toMatchObject({ state: 'running', total: allocations, phase: 'Writing Allocations sheet' });
    expect(st.done).toBeGreaterThan(0);
    expect(st.done).toBeLessThan(st.total);
    const cancelled = await b.call('exports-cancel', { jobId: start.jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(readdirSync(dir).sort()).toEqual(['large.db', 'large.db-shm', 'large.db-wal']);
    expect((await b.call('exports-status', { jobId: start.jobId })).state).toBe('cancelled');

    // Run to the end, the statuses only ever move forward.
    const seen = await settle(
      b,
      await b.call('exports-start', { report: 'allocations', format: 'csv', filter: {}, targetPath: target + '.csv' }),
    );
    const dones = seen.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((x, y) => x - y));
    expect(seen.at(-1)).toMatchObject({ state: 'done', done: allocations, total: allocations });
    b.close();
  });

  it('fail with a clear message and leave nothing when the file cannot be put in place', async () => {
    const { b, dir } = await fixturePlan();
    // The target's name is taken by a folder once the job runs: the rename fails.
    const target = join(dir, 'taken.xlsx');
    const start = await b.call('exports-start', { report: 'costs', format: 'xlsx', filter: {}, targetPath: target });
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'mine');
    const end = (await settle(b, start)).at(-1)!;
    expect(end.state).toBe('failed');
    expect(end.error).toMatch(new RegExp(`^The export failed: ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be written: `));
    expect(readdirSync(dir).filter((f) => f.includes('taken'))).toEqual(['taken.xlsx']);
    expect(readdirSync(target)).toEqual(['keep.txt']);

    // The target folder removed while the job runs.
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    const start2 = await b.call('exports-start', { report: 'costs', format: 'csv', filter: {}, targetPath: join(gone, 'c.csv') });
    rmSync(gone, { recursive: true });
    const end2 = (await settle(b, start2)).at(-1)!;
    expect(end2).toMatchObject({ state: 'failed' });
    expect(end2.error).toContain(`the folder ${gone} does not exist`);
    expect(existsSync(gone)).toBe(false);
    b.close();
  });

  it('refuse a target in a missing folder, the plan file itself, and unknown departments before starting', async () => {
    const { b, db, dir } = await fixturePlan();
    const start = (targetPath: string, departments?: string[]) =>
      b.call('exports-start', { report: 'costs', format: 'csv', filter: departments ? { departments } : {}, targetPath });
    await expect(start(join(dir, 'none', 'x.csv'))).rejects.toThrow(/The folder of .*none.x\.csv does not exist/);
    await expect(start(db)).rejects.toThrow(/is the plan itself: an export never overwrites the plan/);
    await expect(start(join(dir, 'x.csv'), ['Nowhere'])).rejects.toThrow(/No department named "Nowhere"/);
    await expect(b.call('exports-start', { report: 'pack', format: 'csv', filter: {} })).rejects.toThrow(/a pack is one XLSX or PDF file/);
    await expect(b.call('exports-status', { jobId: 'nope' })).rejects.toThrow(/There is no export nope/);
    expect(readdirSync(dir).sort()).toEqual(['plan.db', 'plan.db-shm', 'plan.db-wal']);
    b.close();
  });

  it('print a PDF of the print page with Chromium, off the backend, and a pack XLSX with a sheet per report', async () => {
    const { b, dir } = await fixturePlan();
    const pdf = join(dir, 'pack.pdf');
    const end = (await settle(b, await b.call('exports-start', { report: 'pack', format: 'pdf', filter: {}, targetPath: pdf }))).at(-1)!;
    expect(end).toMatchObject({ state: 'done', fileName: 'pack.pdf' });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = join(dir, 'pack.xlsx');
    const done = (await settle(b, await b.call('exports-start', { report: 'pack', format: 'xlsx', filter: {}, targetPath: xlsx }))).at(-1)!;
    expect(done.state).toBe('done');
    expect((await readXlsx(xlsx)).worksheets.map((w) => w.name)).toEqual([
      'Cover',
      'Utilization',
      'Costs',
      'Stages',
      'Skills',
      'Allocations',
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    b.close();
  });

  it('keep a file without a target for download, with a name saying what and when, removed when the backend closes', async () => {
    const { b } = await fixturePlan();
    const end = (
      await settle(b, await b.call('exports-start', { report: 'costs', format: 'xlsx', filter: { from: '2026-W48', to: '2026-W50' } }))
    ).at(-1)!;
    expect(end).toMatchObject({ state: 'done', fileName: 'tm-planner-costs-2026-W48_2026-W50.xlsx', downloadUrl: `/exports/${end.jobId}` });
    const file = b.context.exports!.download(end.jobId)!;
    expect(existsSync(file.path)).toBe(true);
    expect((await readXlsx(file.path)).getWorksheet('Costs')!.getCell('A2').value).toBe('-R0');
    await b.context.exports!.dispose();
    expect(existsSync(file.path)).toBe(false);
    b.close();
  });
});

describe('the streaming XLSX writer', () => {
  it('reports progress between slices of rows and writes every row, lazily produced', async () => {
    let produced = 0;
    const rows = {
      *[Symbol.iterator]() {
        for (let i = 0; i < 9000; i++) {
          produced++;
          yield [`=id${i}`, i * 60, i % 2 === 0];
        }
      },
    };
    const table = {
      title: 'Rows',
      minorDigits: 2,
      rowCount: 9000,
      rows,
      columns: [
        { name: 'id', type: 'text' as const },
        { name: 'hours', type: 'hours' as const },
        { name: 'flag', type: 'boolean' as const },
      ],
    };
    const calls: [number, number, string][] = [];
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsx([table], { planName: 'P', currency: 'JPY', from: '2026-W01', to: '2026-W02', generatedAt: new Date(0) }, out, (...c) =>
      calls.push(c),
    );
    expect(produced).toBe(9000);
    const dones = calls.map((c) => c[0]);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(dones.some((d) => d > 0 && d < 9000)).toBe(true);
    expect(calls.at(-1)).toEqual([9000, 9000, 'Finishing the file']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Rows')!;
    expect(ws.rowCount).toBe(9001);
    expect(ws.getCell('A9001').value).toBe('=id8999');
    expect(ws.getCell('A9001').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B9001').value).toBe(8999);
    expect(ws.getCell('C9001').value).toBe(false);
    expect(ws.getCell('C9000').value).toBe(true);
  });
});

/** Cells of one sheet's column (by header name), rows after the header. */
function columnOf(ws: ExcelJS.Worksheet, name: string): ExcelJS.CellValue[] {
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).indexOf(name);
  expect(header).toBeGreaterThan(0);
  const out: ExcelJS.CellValue[] = [];
  ws.eachRow((row, n) => void (n > 1 && out.push(row.getCell(header).value)));
  return out;
}

describe('exports of a filtered range', () => {
  it('hold exactly what the Reports view shows for the same stages: every sheet, the CSV, the cover and the print page', async () => {
    const { b, dir } = await fixturePlan();
    const filter = { from: '2026-W48', to: '2027-W01', stages: ['transition', 'design'] as ('transition' | 'design')[] };
    const view = await b.call('reports-view', filter);
    const page = await b.call('reports-allocations-page', { filter, sort: { key: 'week', dir: 'asc' }, offset: 0, limit: 1000 });
    // The filter matters here: R3 (operation) has cost, allocations and skill demand in the range.
    expect(view.costs.map((c) => c.requestId).sort()).toEqual(['-R0', 'R1', 'R2']);
    expect(page.total).toBe(4);

    const xlsx = join(dir, 'pack.xlsx');
    const end = (await settle(b, await b.call('exports-start', { report: 'pack', format: 'xlsx', filter, targetPath: xlsx }))).at(-1)!;
    expect(end.state).toBe('done');
    const wb = await readXlsx(xlsx);
    const cover = wb.getWorksheet('Cover')!;
    expect(cover.getColumn(1).values.slice(2)).toEqual(['Plan', 'Weeks', 'Departments', 'Stages', 'Currency', 'Generated', 'Sheets']);
    expect(cover.getCell('B5').value).toBe('transition, design');
    expect(columnOf(wb.getWorksheet('Costs')!, 'request_id').sort()).toEqual(view.costs.map((c) => c.requestId).sort());
    expect(columnOf(wb.getWorksheet('Stages')!, 'stage')).toEqual(view.stages.map((s) => s.stage));
    const allocations = wb.getWorksheet('Allocations')!;
    const keyOf = (week: unknown, sp: unknown, rq: unknown) => `${String(week)}|${String(sp)}|${String(rq)}`;
    const sheetKeys = columnOf(allocations, 'week').map((w, i) =>
      keyOf(w, columnOf(allocations, 'specialist_id')[i], columnOf(allocations, 'request_id')[i]),
    );
    expect(sheetKeys.sort()).toEqual(page.rows.map((r) => keyOf(r.week, r.specialistId, r.requestId)).sort());
    const demandMinutes = columnOf(wb.getWorksheet('Skills')!, 'demand_hours').reduce<number>((n, h) => n + Math.round(Number(h) * 60), 0);
    expect(demandMinutes).toBe(view.skills.reduce((n, s) => n + s.demandMinutes, 0));
    expect(columnOf(wb.getWorksheet('Skills')!, 'skill')).not.toContain('NetApp');

    const csv = join(dir, 'alloc.csv');
    expect(
      (await settle(b, await b.call('exports-start', { report: 'allocations', format: 'csv', filter, targetPath: csv }))).at(-1)!.state,
    ).toBe('done');
    const lines = readFileSync(csv, 'utf8').slice(1).trim().split('\r\n');
    expect(lines.length - 1).toBe(page.total);

    // The print page says which stages it shows and lists none of the others' requests.
    const s = b.context.session!;
    const html = await reportHtml(s, exportSpec(b.context, s, { report: 'pack', format: 'pdf', filter }));
    expect(html).toMatch(/<dt>Stages<\/dt><dd>Transition, Design<\/dd>/);
    expect(html).not.toContain('Patching rota');
    const all = await reportHtml(
      s,
      exportSpec(b.context, s, { report: 'pack', format: 'pdf', filter: { from: filter.from, to: filter.to } }),
    );
    expect(all).toContain('Patching rota');
    expect(all).toMatch(/<dt>Stages<\/dt><dd>All stages<\/dd>/);
    b.close();
  });

  it('name at most five unknown departments, each cut short, however many and long the names asked for', async () => {
    const { b, dir } = await fixturePlan();
    const names = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(100_000, 'x'));
    const s = b.context.session!;
    let message = '';
    try {
      exportSpec(b.context, s, { report: 'costs', format: 'csv', filter: { departments: names } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^No department named "0x+…", "1x+…", "2x+…", "3x+…", "4x+…" and 45 more \(known: /);
    expect(message.length).toBeLessThan(1000);
    // Through the contract a name that long is refused before anything echoes it.
    await expect(
      b.call('exports-start', { report: 'costs', format: 'csv', filter: { departments: names }, targetPath: join(dir, 'x.csv') }),
    ).rejects.toThrow(/filter\.departments\.0: .*200/);
    await expect(b.call('reports-view', { from: '2026-W48', to: '2026-W49', departments: [names[0]!] })).rejects.toThrow(/200/);
    b.close();
  });
});

describe('export jobs when the host stops', () => {
  it('leave no part file and no download folder once the backend is closed mid-export', async () => {
    const { b, dir } = await largePlan();
    const downloads = join(dir, 'downloads');
    mkdirSync(downloads);
    b.context.exports = new ExportJobs({ downloadRoot: downloads });
    const target = join(dir, 'big.xlsx');
    const start = await b.call('exports-start', { report: 'allocations', format: 'xlsx', filter: {}, targetPath: target });
    const kept = await b.call('exports-start', { report: 'allocations', format: 'csv', filter: {} });
    let st = start;
    while (st.state === 'running' && st.done === 0) {
      await nextTurn();
      st = await b.call('exports-status', { jobId: start.jobId });
    }
    expect(st.state).toBe('running');
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toHaveLength(1);
    expect(readdirSync(downloads)).toHaveLength(1);
    expect(kept.state).toBe('running');
    b.close();
    // At once, as a host exiting right after close() finds it.
    expect(readdirSync(dir).sort()).toEqual(['downloads', 'large.db', 'large.db-shm', 'large.db-wal']);
    expect(readdirSync(downloads)).toEqual([]);
  });

  it('name a download-only file by its name when it fails, never by its temporary path', async () => {
    const { b, dir } = await fixturePlan();
    const downloads = join(dir, 'downloads');
    mkdirSync(downloads);
    b.context.exports = new ExportJobs({ downloadRoot: downloads });
    const start = await b.call('exports-start', { report: 'costs', format: 'xlsx', filter: { from: '2026-W48', to: '2026-W50' } });
    // The temporary folder goes while the job runs (a cleaner of /tmp): the rename fails.
    rmSync(downloads, { recursive: true });
    const end = (await settle(b, start)).at(-1)!;
    expect(end.state).toBe('failed');
    expect(end.error).toBe(
      'The export failed: tm-planner-costs-2026-W48_2026-W50.xlsx could not be written: its temporary folder is gone.',
    );
    expect(end.error).not.toContain(dir);
    b.close();
  });

  it('keep only the newest finished jobs, removing older ones with their download files', async () => {
    expect(FINISHED_JOBS_KEPT).toBe(20);
    expect(DOWNLOAD_KEPT_MS).toBe(10 * 60 * 1000);
    const { b, dir } = await fixturePlan();
    const downloads = join(dir, 'downloads');
    mkdirSync(downloads);
    const jobs = new ExportJobs({ downloadRoot: downloads, finishedKept: 2 });
    b.context.exports = jobs;
    const ends: ExportJobStatus[] = [];
    for (let i = 0; i < 4; i++) {
      ends.push((await settle(b, await b.call('exports-start', { report: 'costs', format: 'csv', filter: {} }))).at(-1)!);
      expect(ends.at(-1)!.state).toBe('done');
    }
    const [folder] = readdirSync(downloads);
    expect(readdirSync(join(downloads, folder!)).sort()).toEqual([`${ends[2]!.jobId}.csv`, `${ends[3]!.jobId}.csv`].sort());
    await expect(b.call('exports-status', { jobId: ends[0]!.jobId })).rejects.toThrow(/There is no export/);
    expect(jobs.download(ends[1]!.jobId)).toBeNull();
    expect(jobs.download(ends[3]!.jobId)).not.toBeNull();
    b.close();
  });

  it('remove a download file once its time is up, whether or not it was fetched', async () => {
    const { b, dir } = await fixturePlan();
    const downloads = join(dir, 'downloads');
    mkdirSync(downloads);
    const jobs = new ExportJobs({ downloadRoot: downloads, downloadKeptMs: 0 });
    b.context.exports = jobs;
    const end = (await settle(b, await b.call('exports-start', { report: 'costs', format: 'csv', filter: {} }))).at(-1)!;
    expect(end.state).toBe('done');
    while (jobs.download(end.jobId) !== null) await nextTurn();
    const [folder] = readdirSync(downloads);
    expect(readdirSync(join(downloads, folder!))).toEqual([]);
    b.close();
  });
});
