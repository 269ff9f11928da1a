/**
 * One export measure in its own process (tests/bench/exports.ts starts it), so that its
 * peak memory (process.resourceUsage().maxRSS) is its own: prints {ms, maxRssMb, bytes}.
 *
 *   exports-child.ts job <plan> <csv|xlsx> <out>   the app's export job: exports-start with a
 *                                                  target path, polled until done
 *   exports-child.ts bare <plan> <out>             the baseline: one SQL join for the same rows,
 *                                                  written by a bare exceljs streaming WorkbookWriter
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import { createBackend } from '../../electron/backend/handlers';

const [mode, plan, a, b] = process.argv.slice(2) as [string, string, string, string | undefined];

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

async function bare(out: string): Promise<number> {
  const t0 = performance.now();
  const db = new Database(plan, { readonly: true, fileMustExist: true });
  const rows = db.prepare(ROWS_SQL).raw().all() as unknown[][];
  db.close();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out });
  const ws = wb.addWorksheet('Allocations');
  ws.addRow(HEADER).commit();
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
  if (rows.length !== 250_000) throw new Error(`the baseline query gave ${rows.length} rows`);
  return performance.now() - t0;
}

const ms = mode === 'job' ? await job(a as 'csv' | 'xlsx', b!) : await bare(a);
const out = mode === 'job' ? b! : a;
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: statSync(out).size }) + '\n');
