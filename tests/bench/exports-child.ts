/**
 * One export measure in its own process (tests/bench/exports.ts starts it), so that its
 * peak memory (process.resourceUsage().maxRSS) is its own: prints {ms, maxRssMb, bytes}.
 *
 *   exports-child.ts job <plan> <csv|xlsx> <out>   the app's export job: exports-start with a
 *                                                  target path, polled until done
 *   exports-child.ts cli <plan> <csv|xlsx> <out>   the command line: report allocations --out, inline
 *   exports-child.ts bare <plan> <xlsx|csv> <out>  the baseline: one SQL join for the same rows,
 *                                                  written by a bare exceljs streaming WorkbookWriter,
 *                                                  or as CSV text by hand
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { statSync, writeFileSync } from 'node:fs';
import { createBackend } from '../../electron/backend/handlers';
import { runCli } from '../../electron/cli/main';

const [mode, plan, format, out] = process.argv.slice(2) as [string, string, string, string];

/** The allocations report's rows as one hand-written query: the same cells, already joined and sorted. */
const ROWS_SQL = `
  SELECT a.week, s.code, s.name, d.name, r.code, r.title, r.stage,
         round(a.minutes / 60.0, 2), a.status, round(a.minutes * s.hourly_rate_minor / 60.0) / 100.0
    FROM allocations a
    JOIN specialists s ON s.id = a.specialist_id
    JOIN departments d ON d.id = s.department_id
    JOIN requests r ON r.id = a.request_id
   ORDER BY a.week, s.code, r.code`;
const HEADER = ['week', 'specialist_id', 'specialist', 'department', 'request_id', 'request', 'stage', 'hours', 'status', 'cost'];

async function job(format: 'csv' | 'xlsx', out: string): Promise<number> {
  const backend = createBackend();
  await backend.call('plan-open', { path: plan });
  const t0 = performance.now();
  let st = await backend.call('exports-start', { report: 'allocations', format, filter: {}, targetPath: out });
  while (st.state === 'running') {
    await new Promise((r) => setTimeout(r, 10));
    st = await backend.call('exports-status', { jobId: st.jobId });
  }
  const ms = performance.now() - t0;
  if (st.state !== 'done') throw new Error(`the export ended ${st.state}: ${st.error ?? ''}`);
  if (st.total !== 250_000) throw new Error(`the export wrote ${st.total} rows`);
  await backend.context.exports?.dispose();
  backend.close();
  return ms;
}

async function inline(): Promise<number> {
  const t0 = performance.now();
  let err = '';
  const code = await runCli(['report', '--db', plan, 'allocations', '--format', format, '--out', out], {
    out: () => {},
    err: (t) => (err += t),
  });
  if (code !== 0) throw new Error(err);
  return performance.now() - t0;
}

async function bare(): Promise<number> {
  const t0 = performance.now();
  const db = new Database(plan, { readonly: true, fileMustExist: true });
  const rows = db.prepare(ROWS_SQL).raw().all() as unknown[][];
  db.close();
  if (format !== 'xlsx') {
    const quote = (v: unknown): string => {
      const t = String(v);
      return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    };
    writeFileSync(out, '\uFEFF' + HEADER.join(',') + '\r\n' + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
    return performance.now() - t0;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out });
  const ws = wb.addWorksheet('Allocations');
  ws.addRow(HEADER).commit();
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
  if (rows.length !== 250_000) throw new Error(`the baseline query gave ${rows.length} rows`);
  return performance.now() - t0;
}

const ms = mode === 'job' ? await job(format as 'csv' | 'xlsx', out) : mode === 'cli' ? await inline() : await bare();
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: statSync(out).size }) + '\n');
