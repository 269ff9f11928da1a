import ExcelJS from 'exceljs';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/handlers';
import { parseCsv } from '../../electron/backend/import/csv';
import { generatePlan } from '../bench/generate-plan';
import { cli, tmPlanner } from '../helpers/cli';
import { testClock } from '../helpers/clock';
import { CSV_FIXTURES as FIXTURES, IMPORT_ORDER } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp';

const temp = useTempDir();
const ROOT = join(__dirname, '../..');

async function fixturePlan(): Promise<string> {
  const db = join(temp(), 'plan.db');
  expect((await cli('init', '--db', db, '--name', 'Fixture plan')).code).toBe(0);
  for (const [kind, file] of IMPORT_ORDER) {
    const r = await cli('import', '--db', db, kind, join(FIXTURES, file));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
  return db;
}

describe('tm-planner command line', () => {
  it('init --demo makes a realistic plan that raises flags of several kinds, and refuses to overwrite it', async () => {
    const db = join(temp(), 'demo.db');
    const init = await cli('init', '--db', db, '--demo');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/5 departments, 30 specialists, 14 requests, \d+ allocations/);
    const flags = await cli('flags', '--db', db, '--format', 'json');
    const kinds = new Set((JSON.parse(flags.out) as { kind: string }[]).map((f) => f.kind));
    expect([...kinds].sort()).toEqual([
      'cost_at_risk',
      'cost_overrun',
      'leave_conflict',
      'outside_window',
      'over_allocation',
      'skill_mismatch',
      'unfilled_demand',
    ]);
    const size = statSync(db).size;
    const again = await cli('init', '--db', db, '--demo');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    expect(statSync(db).size).toBe(size);
  });

  it('imports the same CSV twice and the second time changes nothing', async () => {
    const db = await fixturePlan();
    const r = await cli('import', '--db', db, 'allocations', join(FIXTURES, 'allocations.csv'));
    expect(r.out).toBe('Imported 5 allocations rows from allocations.csv: nothing changed.\n');
  });

  it('prints flags as CSV in the interchange columns, limited to a week range', async () => {
    const db = await fixturePlan();
    const r = await cli('flags', '--db', db, '--from', '2026-W48', '--to', '2026-W48');
    const t = parseCsv(r.out);
    expect(t.header).toEqual(['kind', 'week', 'specialist_id', 'request_id', 'detail']);
    const kinds = t.records.map((x) => x.cells[0]);
    expect(kinds).toContain('over_allocation');
    expect(t.records.every((x) => x.cells[1] === '' || x.cells[1] === '2026-W48')).toBe(true);
    expect(t.records.find((x) => x.cells[0] === 'over_allocation')?.cells[4]).toBe('Ana Souza: 44:00 of 20:00 h, 220%');
  });

  it('writes the utilization, costs and allocations reports as CSV with exact hours and money', async () => {
    const db = await fixturePlan();
    const dir = temp();
    const util = join(dir, 'util.csv');
    const u = await cli('report', '--db', db, 'utilization', '--from', '2026-W48', '--to', '2026-W50', '--format', 'csv', '--out', util);
    expect(u.code).toBe(0);
    const ut = parseCsv(readFileSync(util, 'utf8'));
    expect(ut.header).toEqual([
      'specialist_id',
      'specialist',
      'department',
      'week',
      'capacity_hours',
      'allocated_hours',
      'utilization_pct',
      'over_allocated',
    ]);
    // 4 active specialists × 3 weeks, weeks without allocations included.
    expect(ut.records).toHaveLength(12);
    expect(ut.records[0]!.cells).toEqual(['S1', 'Ana Souza', 'Database Services', '2026-W48', '20.00', '44.00', '220', 'true']);
    const s3w50 = ut.records.find((x) => x.cells[0] === 'S3' && x.cells[3] === '2026-W50')!;
    expect(s3w50.cells.slice(4)).toEqual(['0.00', '4.00', '', 'true']);
    // Formula-looking names are defused.
    expect(ut.records.find((x) => x.cells[0] === 'S4')!.cells[1]).toBe(`'=HYPERLINK("x")`);

    const costs = await cli('report', '--db', db, 'costs', '--format', 'csv');
    const ct = parseCsv(costs.out);
    expect(ct.header).toEqual(['request_id', 'title', 'stage', 'status', 'budget', 'cost', 'variance', 'overrun', 'at_risk']);
    expect(ct.records.map((x) => x.cells)).toEqual([
      ['R1', 'Oracle to PostgreSQL migration', 'transition', 'approved', '2000.00', '2060.00', '-60.00', 'true', 'false'],
      ['R2', 'Capacity model', 'design', 'submitted', '', '1250.00', '', 'false', 'false'],
      ['R3', 'Patching rota', 'operation', 'approved', '100.00', '626.17', '-526.17', 'true', 'false'],
    ]);

    const alloc = await cli('report', '--db', db, 'allocations', '--department', 'Storage', '--format', 'csv');
    const at = parseCsv(alloc.out);
    expect(at.header).toEqual([
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
    expect(at.records.map((x) => x.cells)).toEqual([
      ['2026-W50', 'S3', 'Chloé Martin', 'Storage', 'R3', 'Patching rota', 'operation', '4.00', 'confirmed', '221.00'],
      ['2027-W01', 'S3', 'Chloé Martin', 'Storage', 'R3', 'Patching rota', 'operation', '7.33', 'tentative', '405.17'],
    ]);
  });

  it('writes an XLSX with a cover sheet, typed cells and a frozen header', async () => {
    const db = await fixturePlan();
    const out = join(temp(), 'costs.xlsx');
    const r = await cli('report', '--db', db, 'costs', '--format', 'xlsx', '--out', out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const cover = wb.getWorksheet('Cover')!;
    expect(cover.getCell('B2').value).toBe('Fixture plan');
    expect(String(cover.getCell('B3').value)).toMatch(/^\d{4}-W\d\d to \d{4}-W\d\d$/);
    const sheet = wb.getWorksheet('Costs')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toContain('budget');
    expect(sheet.getCell('E2').value).toBe(2000);
    expect(sheet.getCell('F4').value).toBe(626.17);
    expect(sheet.getCell('H2').value).toBe(true);
  });

  it('writes report files through a part file renamed into place, and refuses what it cannot write', async () => {
    const db = await fixturePlan();
    const dir = temp();
    const csv = join(dir, 'alloc.csv');
    const r = await cli('report', '--db', db, 'allocations', '--format', 'csv', '--out', csv);
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toMatch(/^Wrote 5 allocations rows for \d{4}-W\d\d\.\.\d{4}-W\d\d to .*alloc\.csv\.\n$/);
    const bytes = readFileSync(csv);
    // A file carries the BOM spreadsheets need to read UTF-8; stdout does not.
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(bytes.toString('utf8').slice(1)).toBe((await cli('report', '--db', db, 'allocations', '--format', 'csv')).out);
    expect(readdirSync(dir)).toEqual(['alloc.csv']);

    const missing = await cli('report', '--db', db, 'costs', '--format', 'xlsx', '--out', join(dir, 'none', 'c.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^The folder of .*c\.xlsx does not exist: choose another place for the export\.\n$/);
    const overPlan = await cli('report', '--db', db, 'costs', '--format', 'csv', '--out', db);
    expect(overPlan.code).toBe(1);
    expect(overPlan.err).toMatch(/is the plan itself/);
    expect(readdirSync(dir)).toEqual(['alloc.csv']);

    const pack = await cli('report', '--db', db, 'pack', '--format', 'csv', '--out', join(dir, 'p.csv'));
    expect(pack.code).toBe(2);
    expect(pack.err).toMatch(/^A pack is one XLSX or PDF file: use --format xlsx or pdf, or choose a single report for CSV\.\n/);
    expect((await cli('report', '--db', db, 'costs', '--format', 'pdf')).err).toMatch(/^--out FILE is required for pdf\.\n/);
    expect((await cli('report', '--db', db, 'costs', '--format', 'ods', '--out', 'x')).err).toMatch(
      /^--format "ods" is not csv, xlsx, pdf\.\n/,
    );
    expect(readdirSync(dir)).toEqual(['alloc.csv']);
  });

  it('writes every report of a pack as one XLSX, a sheet each after the cover, and packs and single reports as PDF', async () => {
    const db = await fixturePlan();
    const dir = temp();
    const xlsx = join(dir, 'pack.xlsx');
    const r = await cli('report', '--db', db, 'pack', '--from', '2026-W48', '--to', '2026-W50', '--format', 'xlsx', '--out', xlsx);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Utilization', 'Costs', 'Stages', 'Skills', 'Allocations']);
    expect(wb.getWorksheet('Cover')!.getCell('B8').value).toBe('Utilization, Costs, Stages, Skills, Allocations');
    // The same rows as each report's CSV.
    for (const [sheet, kind] of [
      ['Utilization', 'utilization'],
      ['Stages', 'stages'],
      ['Skills', 'skills'],
    ] as const) {
      const csv = parseCsv((await cli('report', '--db', db, kind, '--from', '2026-W48', '--to', '2026-W50', '--format', 'csv')).out);
      const ws = wb.getWorksheet(sheet)!;
      expect(ws.getRow(1).values).toEqual([undefined, ...csv.header]);
      expect(ws.rowCount - 1).toBe(csv.records.length);
    }
    for (const kind of ['pack', 'stages']) {
      const pdf = join(dir, `${kind}.pdf`);
      const p = await cli('report', '--db', db, kind, '--format', 'pdf', '--out', pdf);
      expect(p.err).toMatch(new RegExp(`^Wrote the ${kind} report for .* to `));
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    expect(readdirSync(dir).sort()).toEqual(['pack.pdf', 'pack.xlsx', 'stages.pdf']);
  });

  it('keeps formula-like ids unchanged as text cells in XLSX', async () => {
    const db = await fixturePlan();
    const req = join(temp(), 'req.csv');
    writeFileSync(req, 'id,title,stage,status,start_week,end_week,budget\n-R0,=1+2,design,approved,2026-W48,2026-W49,\n');
    expect((await cli('import', '--db', db, 'requests', req)).code).toBe(0);
    const out = join(temp(), 'costs.xlsx');
    expect((await cli('report', '--db', db, 'costs', '--format', 'xlsx', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Costs')!;
    expect(sheet.getCell('A2').value).toBe('-R0');
    expect(sheet.getCell('B2').value).toBe('=1+2');
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').formula).toBeUndefined();
    expect(sheet.autoFilter).toBe('A1:I5');
  });

  it('answers user errors with one sentence and status 1, usage errors with status 2', async () => {
    const dir = temp();
    const missing = await cli('flags', '--db', join(dir, 'none.db'));
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toBe(`There is no plan at ${join(dir, 'none.db')}.\n`);
    const notPlan = join(dir, 'notes.txt');
    writeFileSync(notPlan, 'hello');
    expect((await cli('flags', '--db', notPlan)).err).toMatch(/is not a TM Planner plan/);
    expect((await cli('flags', '--db', notPlan, '--format', 'xml')).code).toBe(2);
    expect((await cli('report', '--db', notPlan, 'salaries', '--format', 'csv')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect(await cli('constructor')).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^"constructor" is not a command\./) });
    expect((await cli('__proto__')).code).toBe(2);
    expect((await cli('init', '--db', join(dir, 'x.db'), '--format', 'csv')).err).toMatch(/^Unknown option --format for init\.\n/);
    expect((await cli('init', '--db', join(dir, 'x.db'), '--demo=yes')).err).toMatch(/^--demo takes no value\.\n/);
    expect((await cli('flags', '--db', notPlan, '--db', notPlan)).err).toMatch(/^--db is given more than once\.\n/);
    expect((await cli('flags', '--db', '--format', 'csv')).err).toMatch(/^--db needs a value\.\n/);
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
    expect(await cli('flags', '--db')).toMatchObject({ code: 2, err: expect.stringMatching(/^--db needs a value\.\n/) });
    expect((await cli('flags', '--db', notPlan, '--from', '2026-W60')).err).toMatch(/--from: "2026-W60": 2026 has weeks 1 to 53/);
    const db = await fixturePlan();
    const badCsv = join(dir, 'bad.csv');
    writeFileSync(badCsv, 'id,name,department,weekly_hours,hourly_rate\nS7,X,Y,40,12.345\n');
    const bad = await cli('import', '--db', db, 'specialists', badCsv);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.csv:2: hourly_rate: "12.345" has more than 2 decimal places');
    expect((await cli('report', '--db', db, 'costs', '--department', 'Nowhere', '--format', 'csv')).err).toMatch(
      /No department named "Nowhere"/,
    );
  });

  it('runs as a real process: status codes and no stack traces', () => {
    const dir = temp();
    const notPlan = join(dir, 'x.db');
    writeFileSync(notPlan, 'not sqlite');
    const run = (...args: string[]) => tmPlanner(ROOT, ...args);
    const bad = run('flags', '--db', notPlan);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(`${notPlan} is not a TM Planner plan (it is not an SQLite database).`);
    expect(bad.stderr).not.toMatch(/\bat \S+:\d+/);
    expect(run('nope').status).toBe(2);
    const db = join(dir, 'demo.db');
    expect(run('init', '--db', db, '--demo').status).toBe(0);
    expect(existsSync(db)).toBe(true);
    copyFileSync(db, join(dir, 'copy.db'));
  });
});

describe('public holidays from the offline data set', () => {
  it('writes a region’s public holidays into the plan, and capacity uses them', async () => {
    const db = await fixturePlan();
    const r = await cli('holidays', '--db', db, '--calendar', 'DE', '--country', 'DE', '--region', 'BY', '--years', '2026:2027');
    expect(r.code).toBe(0);
    // Bavaria has 12 to 14 public holidays a year, depending on the data set's regional rules.
    expect(r.out).toMatch(/^Calendar DE: 2[4-8] public holidays for 2026-2027, \d+ added or changed\.\n$/);
    const again = await cli('holidays', '--db', db, '--calendar', 'DE', '--country', 'DE', '--region', 'BY', '--years', '2026:2027');
    expect(again.out).toMatch(/, 0 added or changed\.\n$/);
    // Christmas Day 2026 is a Friday (the 26th a Saturday): S1's 2026-W52 has 4 working days.
    const util = await cli('report', '--db', db, 'utilization', '--from', '2026-W52', '--to', '2026-W52', '--format', 'csv');
    const s1 = parseCsv(util.out).records.find((x) => x.cells[0] === 'S1')!;
    expect(s1.cells[4]).toBe('32.00');
    const bad = await cli('holidays', '--db', db, '--calendar', 'X', '--country', 'DE', '--region', 'ZZ', '--years', '2026');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/"ZZ" is not a region of DE \(known: .*BY/);
    expect((await cli('holidays', '--db', db, '--calendar', 'X', '--country', 'DE', '--years', '26')).code).toBe(2);
  });
});

function setTreeTime(path: string, time: Date): void {
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) setTreeTime(join(path, name), time);
  utimesSync(path, time, time);
}

describe('the tm-planner command (bin/tm-planner.js)', () => {
  it('prints the usage with --help, and exits 2 for a usage error or a name that is not a command', () => {
    const help = tmPlanner(ROOT, '--help');
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}tm-planner init {5}--db FILE/);
    for (const name of ['constructor', 'toString', '__proto__']) {
      const r = tmPlanner(ROOT, name);
      expect(r.status, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^"${name}" is not a command\\.\\nUsage:`));
    }
    const usage = tmPlanner(ROOT, 'report', '--db', join(temp(), 'p.db'), 'costs', '--format');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^--format needs a value\.\nUsage:/);
  });

  it('answers --help and usage errors without loading SQLite, ExcelJS or the holiday data set', () => {
    expect(tmPlanner(ROOT, '--help').status).toBe(0); // builds the bundle if it is stale
    const bundle = pathToFileURL(join(ROOT, 'out/cli/main.js')).href;
    const heavy = (...argv: string[]) => {
      const probe = `
        import { createRequire } from 'node:module';
        const { runCli } = await import(${JSON.stringify(bundle)});
        const code = await runCli(${JSON.stringify(argv)}, { out() {}, err() {} });
        const loaded = Object.keys(createRequire(import.meta.url).cache)
          .map((p) => /node_modules[\\\\/](better-sqlite3|exceljs|date-holidays)[\\\\/]/.exec(p)?.[1]).filter(Boolean);
        process.stdout.write(JSON.stringify({ code, loaded: [...new Set(loaded)].sort() }));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { code: number; loaded: string[] };
    };
    expect(heavy('--help')).toEqual({ code: 0, loaded: [] });
    expect(heavy('flags', '--help')).toEqual({ code: 0, loaded: [] });
    expect(heavy('flags', '--frob')).toEqual({ code: 2, loaded: [] });
    // The probe sees a real command's imports, so an empty list above means something.
    expect(heavy('flags', '--db', join(temp(), 'none.db')).loaded).toContain('better-sqlite3');
  });

  it('builds its bundle when it is missing and rebuilds it when a source is newer', () => {
    // A checkout of its own, so the repository's bundle is left alone.
    const clone = temp();
    for (const p of [
      'bin',
      'scripts',
      'electron/cli',
      'electron/backend',
      'shared',
      'renderer/src/print',
      // The Reports print page (report --format pdf) draws the charts and formats numbers with these.
      'renderer/src/views/reports/charts',
      'renderer/src/model',
      'package.json',
      'tsconfig.json',
      'tsconfig.base.json',
    ])
      cpSync(join(ROOT, p), join(clone, p), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'junction');
    const bundle = join(clone, 'out/cli/main.js');

    const first = tmPlanner(clone, '--help');
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Usage:\n/);
    expect(existsSync(bundle)).toBe(true);

    // Untouched sources: the same bundle runs again. Times come from the file system, not
    // this process's clock, which faketime may have moved (npm run test:dates).
    const past = new Date(statSync(bundle).mtimeMs - 3_600_000);
    for (const p of ['scripts', 'electron', 'shared', 'renderer']) setTreeTime(join(clone, p), new Date(past.getTime() - 60_000));
    utimesSync(bundle, past, past);
    expect(tmPlanner(clone, '--help').status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBeCloseTo(past.getTime(), -1); // unchanged, to the filesystem's precision

    // A changed source: the next run rebuilds first and prints what the source now says.
    const main = join(clone, 'electron/cli/main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('`Usage:\n', '`Usage (rebuilt):\n'));
    const second = tmPlanner(clone, '--help');
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Usage \(rebuilt\):\n/);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(past.getTime() + 1000);
  });
});

describe('report files from the command line', () => {
  it('says what to do instead of a PDF report when there is no Chromium', async () => {
    const db = await fixturePlan();
    const out = join(temp(), 'r.pdf');
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = '/nonexistent';
    try {
      const r = await cli('report', '--db', db, 'costs', '--format', 'pdf', '--out', out);
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        'A PDF is printed with Chrome or Chromium, and CHROME_PATH names /nonexistent, which does not exist: install Chromium or set CHROME_PATH to a Chrome or Chromium program, or export XLSX or CSV.\n',
      );
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
    expect(existsSync(out)).toBe(false);
  });

  it('stopped with Ctrl+C mid-export, exits 130 and leaves neither the file nor its part file', async () => {
    const dir = temp();
    const db = join(dir, 'large.db');
    const plan = generatePlan({ seed: 7, specialists: 300, requests: 600, weeks: 26, allocations: 40_000, startWeek: '2027-W01' });
    const b = createBackend({ clock: testClock });
    await b.call('plan-create', { path: db, name: 'Large' });
    for (const kind of ['specialists', 'holidays', 'time-off', 'requests', 'demand', 'allocations'] as const) {
      await b.call('import-csv', { kind, fileName: `${kind}.csv`, text: plan.csv[kind] });
    }
    b.close();
    expect(tmPlanner(ROOT, '--help').status).toBe(0); // the bundle is built before the clock of the export starts
    const out = join(dir, 'big.xlsx');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/tm-planner.js'), 'report', '--db', db, 'allocations', '--format', 'xlsx', '--out', out],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const parts = () => readdirSync(dir).filter((f) => f.endsWith('.part'));
    while (parts().length === 0) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('');
    expect(parts()).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
