/**
 * Export measures on the bench plan (`npm run bench`, or alone with `--only exports`): each
 * run in its own child process (tests/bench/exports-child.ts), so that its peak memory
 * (maxRSS) is its own, alternating with its baseline so that machine load hits both alike.
 *
 * - XLSX of the 250,000 allocations: the app's export job (exports-start with a target path
 *   on an open plan, polled until done: the worker thread opens the plan, computes the rows
 *   and streams the workbook) against one hand-written SQL join of the same rows written by
 *   a bare exceljs streaming WorkbookWriter (no styles, no shared strings, no cover).
 * - CSV of the 250,000 allocations: the same job as CSV, against the same SQL join written
 *   as CSV text by hand; and the CSV writing alone on the open plan (rows computed and
 *   streamed to the file, as the worker does once the plan is read).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend/handlers';
import { endStream } from '../../electron/backend/export/report-source';
import { allocationsTable } from '../../electron/backend/export/report-tables';
import { writeCsv } from '../../electron/backend/export/write-csv';
import { allocationRows } from '../../shared/domain';
import { median, onBenchPlanFile } from './bench-plan-file';
import type { Measure } from './measure';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = join(ROOT, 'tests/bench/exports-child.ts');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface MemoryFigure {
  label: string;
  peakMb: number;
  baselinePeakMb: number;
  limitMb: number;
  verdict: 'ok' | 'over';
}

interface ChildResult {
  ms: number;
  maxRssMb: number;
  bytes: number;
}

function child(...args: string[]): ChildResult {
  const r = spawnSync(process.execPath, [TSX, CHILD, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench: exports-child ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

export async function exportsBench(
  planPath: string,
  log: (s: string) => void,
  runs = { xlsx: 3, csv: 5 },
): Promise<{ measures: Measure[]; memory: MemoryFigure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tm-planner-bench-exports-'));
  try {
    const xlsx: ChildResult[] = [];
    const bare: ChildResult[] = [];
    const cli: ChildResult[] = [];
    for (let i = 0; i < runs.xlsx; i++) {
      xlsx.push(child('job', planPath, 'xlsx', join(dir, `job-${i}.xlsx`)));
      bare.push(child('bare', planPath, 'xlsx', join(dir, `bare-${i}.xlsx`)));
      cli.push(child('cli', planPath, 'xlsx', join(dir, `cli-${i}.xlsx`)));
      log(
        `xlsx run ${i + 1}: job ${xlsx[i]!.ms.toFixed(0)} ms ${xlsx[i]!.maxRssMb.toFixed(0)} MB, ` +
          `bare writer ${bare[i]!.ms.toFixed(0)} ms ${bare[i]!.maxRssMb.toFixed(0)} MB, ` +
          `command line ${cli[i]!.ms.toFixed(0)} ms ${cli[i]!.maxRssMb.toFixed(0)} MB`,
      );
    }
    const csv: ChildResult[] = [];
    const csvBare: ChildResult[] = [];
    for (let i = 0; i < runs.csv; i++) {
      csv.push(child('job', planPath, 'csv', join(dir, `job-${i}.csv`)));
      csvBare.push(child('bare', planPath, 'csv', join(dir, `bare-${i}.csv`)));
      log(`csv run ${i + 1}: job ${csv[i]!.ms.toFixed(0)} ms, hand-written ${csvBare[i]!.ms.toFixed(0)} ms`);
    }

    // The CSV writing alone, on a plan the backend has open (as the worker has once it read it).
    const backend = createBackend();
    await backend.call('plan-open', { path: planPath });
    const s = backend.context.session!;
    const span = { from: '0000-W01', to: '9999-W53' };
    const write: number[] = [];
    const writeBase: number[] = [];
    for (let i = 0; i < runs.csv; i++) {
      const out = join(dir, `write-${i}.csv`);
      const t0 = performance.now();
      const stream = createWriteStream(out);
      await writeCsv(allocationsTable(allocationRows(s.snapshot(), span, s.index()), s.meta.minorDigits), stream);
      await endStream(stream);
      write.push(performance.now() - t0);
      writeBase.push(child('bare', planPath, 'csv-text', join(dir, `base-${i}.csv`)).ms);
    }
    backend.close();

    const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const ms = (xs: readonly ChildResult[]): number[] => xs.map((x) => x.ms);
    const peak = (xs: readonly ChildResult[]): number => Math.max(...xs.map((x) => x.maxRssMb));
    const measures: Measure[] = [
      {
        key: 'export-xlsx',
        label: `XLSX export, 250,000 allocations (x${runs.xlsx})`,
        includes:
          'exports-start (allocations, xlsx, target path) on an open plan until its status is done: worker thread start, ' +
          'read-only open and snapshot of the plan, rows, cover sheet, typed and formatted cells, autofilter, fsync and rename',
        baseline: 'one SQL join of the same rows, written by a bare exceljs streaming WorkbookWriter (no styles, no shared strings)',
        samples: ms(xlsx),
        baselineSamples: ms(bare),
        limitMs: null,
        maxRatio: 2,
      },
      {
        key: 'export-xlsx-cli',
        label: `XLSX report --out, 250,000 allocations (x${runs.xlsx})`,
        includes: 'tm-planner report allocations --format xlsx --out FILE in one process: plan open, rows, workbook, fsync and rename',
        baseline: 'the bare exceljs writer above',
        samples: ms(cli),
        baselineSamples: ms(bare),
        limitMs: null,
        maxRatio: 2,
      },
      {
        key: 'export-csv',
        label: `CSV export job, 250,000 allocations (x${runs.csv})`,
        includes: 'exports-start (allocations, csv, target path) until done: worker start, read-only open and snapshot, rows, file',
        baseline: 'one SQL join of the same rows, written as CSV text by hand',
        samples: ms(csv),
        baselineSamples: ms(csvBare),
        limitMs: null,
        maxRatio: null,
      },
      {
        key: 'export-csv-write',
        label: `CSV writing, 250,000 allocations (x${runs.csv})`,
        includes: 'on the open plan: allocation rows computed and sorted, every cell written as interchange.md says, streamed to a file',
        baseline: 'one SQL join of the same rows, written as CSV text by hand (in a child process)',
        samples: write,
        baselineSamples: writeBase,
        limitMs: 1000,
        maxRatio: null,
      },
    ];
    const memory: MemoryFigure[] = [
      {
        label: "XLSX export job peak memory (the backend's process: its own open plan plus the worker's)",
        peakMb: peak(xlsx),
        baselinePeakMb: peak(bare),
        limitMb: 400,
        verdict: peak(xlsx) < 400 ? 'ok' : 'over',
      },
      {
        label: 'XLSX report --out peak memory (command line, one process)',
        peakMb: peak(cli),
        baselinePeakMb: peak(bare),
        limitMb: 400,
        verdict: peak(cli) < 400 ? 'ok' : 'over',
      },
    ];
    log(
      `export medians: xlsx ${median(ms(xlsx)).toFixed(0)} ms vs ${median(ms(bare)).toFixed(0)} ms; csv ${median(ms(csv)).toFixed(0)} ms`,
    );
    return { measures, memory };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const memoryLines = (memory: readonly MemoryFigure[]): string[] =>
  memory.map(
    (m) =>
      `${m.label}: ${m.peakMb.toFixed(0)} MB maxRSS, bare writer ${m.baselinePeakMb.toFixed(0)} MB; ` +
      `target under ${m.limitMb} MB: ${m.verdict}`,
  );

/** `npm run bench -- --only exports`: the export measures alone, on the bench plan built as run.ts builds it. */
export async function printExportsBench(): Promise<void> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  await onBenchPlanFile(async (path, plan) => {
    log(`bench plan: ${plan.counts.specialists} specialists, ${plan.counts.allocations} allocations`);
    const { measures, memory } = await exportsBench(path, log);
    for (const m of measures) {
      const med = median(m.samples);
      const base = median(m.baselineSamples);
      const ratio = med / base;
      const over = (m.limitMs !== null && med >= m.limitMs) || (m.maxRatio !== null && ratio > m.maxRatio);
      const target = [m.limitMs !== null ? `<${m.limitMs} ms` : null, m.maxRatio !== null ? `<=${m.maxRatio}x` : null]
        .filter(Boolean)
        .join(', ');
      process.stdout.write(
        `${m.label}: median ${med.toFixed(0)} ms, baseline ${base.toFixed(0)} ms, ratio ${ratio.toFixed(2)}x` +
          `${target ? `; target ${target}: ${over ? 'over' : 'ok'}` : ''}\n  includes: ${m.includes}\n  baseline: ${m.baseline}\n`,
      );
    }
    for (const line of memoryLines(memory)) process.stdout.write(`${line}\n`);
  });
}
