import type { Writable } from 'node:stream';
import { REPORT_NAMES, type ExportFormat, type ExportReport, type ReportName } from '../../../shared/api/reports';
import {
  allocationRows,
  costRows,
  skillRows,
  stageRows,
  utilizationRows,
  type AllocationRow,
  type IsoWeek,
  type ReportFilter,
  type Stage,
} from '../../../shared/domain';
import { reportFileName } from '../../../shared/exchange/file-names';
import { reportsViewData } from '../handlers/reports';
import type { PlanSession } from '../plan-session';
import { allocationsTable, costsTable, skillsTable, stagesTable, utilizationTable, type ReportTable } from './report-tables';
import { writeCsv } from './write-csv';

/** Everything an export needs to know, resolved by the backend before the job starts (plain data: it crosses to a worker). */
export interface ExportSpec {
  report: ExportReport;
  format: ExportFormat;
  from: IsoWeek;
  to: IsoWeek;
  /** Department names as given; empty = all. */
  departments: string[];
  /** Lifecycle stages, as the Reports view filters them (costs, stages, skill demand, allocations); empty = all. */
  stages: Stage[];
  /** The week "after now" is measured from (planned cost after the current week). */
  currentWeek: IsoWeek;
  /** ISO date-time the file says it was generated at. */
  generatedAt: string;
}

export type ExportProgress = (done: number, total: number, phase: string) => void;

/** The reports a file holds: a pack holds all of them, in interchange.md's order. */
export const reportsOf = (report: ExportReport): readonly ReportName[] => (report === 'pack' ? REPORT_NAMES : [report]);

/** A PDF lists at most this many allocation rows (the rest are counted): 250,000 rows would be thousands of pages. */
export const PDF_ALLOCATION_ROWS = 2000;

const filterOf = (spec: ExportSpec): ReportFilter => ({ from: spec.from, to: spec.to, departments: spec.departments, stages: spec.stages });

/** One report as a table, with the same figures the Reports view and the report-* calls show. */
export function reportTable(s: PlanSession, name: ReportName, spec: ExportSpec): ReportTable {
  const f = filterOf(spec);
  const snap = s.snapshot();
  const ix = s.index();
  const digits = s.meta.minorDigits;
  switch (name) {
    case 'utilization':
      return utilizationTable(utilizationRows(snap, f, ix), digits);
    case 'costs':
      return costsTable(costRows(snap, f, spec.currentWeek, ix), digits);
    case 'stages':
      return stagesTable(stageRows(snap, f, spec.currentWeek, ix), digits);
    case 'skills':
      return skillsTable(skillRows(snap, f, ix), digits);
    case 'allocations':
      return allocationsTable(allocationRows(snap, f, ix), digits);
  }
}

/** The print page of the Reports view for these reports, as one HTML document. */
export async function reportHtml(s: PlanSession, spec: ExportSpec): Promise<string> {
  const view = reportsViewData(s, { from: spec.from, to: spec.to, departments: spec.departments, stages: spec.stages }, spec.currentWeek);
  const reports = reportsOf(spec.report);
  let allocations: AllocationRow[] = [];
  let allocationTotal = 0;
  if (reports.includes('allocations')) {
    const all = allocationRows(s.snapshot(), filterOf(spec), s.index());
    allocationTotal = all.length;
    allocations = all.slice(0, PDF_ALLOCATION_ROWS);
  }
  // React and the print page load only for a PDF.
  const { reportsPrintHtml } = await import('./reports-print');
  return reportsPrintHtml({
    view,
    reports,
    allocations,
    allocationTotal,
    generatedAt: spec.generatedAt,
    departments: spec.departments,
    stages: spec.stages,
  });
}

/** The name a file gets when nobody chose one: `tm-planner-costs-2026-W40_2026-W52.xlsx`. */
export function exportFileName(spec: Pick<ExportSpec, 'report' | 'format' | 'from' | 'to'>): string {
  return reportFileName(spec.report, spec.format, spec);
}

/**
 * Writes a CSV or XLSX export to `out` and ends it: the one function the export worker and
 * the command line both run. (A PDF is HTML printed by Chromium: see reportHtml.)
 */
export async function writeTableExport(
  s: PlanSession,
  spec: ExportSpec,
  out: Writable,
  progress: ExportProgress,
  o: { releasePlan?: boolean } = {},
): Promise<void> {
  if (spec.format === 'pdf') throw new Error('A PDF is printed from reportHtml, not written as a table.');
  progress(0, 0, 'Reading the plan');
  const tables = reportsOf(spec.report).map((name) => reportTable(s, name, spec));
  // The rows are computed: a session that is only exporting lets the plan's snapshot go
  // before the file is written, so the two never sit in memory together for long.
  if (o.releasePlan) s.invalidate();
  if (spec.format === 'csv') {
    const t = tables[0]!;
    await writeCsv(t, out, (done, total) => progress(done, total, `Writing ${t.title}`));
  } else {
    // ExcelJS takes longer to load than most commands take to run: only an XLSX loads it.
    const { writeXlsx } = await import('./write-xlsx');
    await writeXlsx(
      tables,
      {
        planName: s.meta.name,
        currency: s.meta.currency,
        from: spec.from,
        to: spec.to,
        departments: spec.departments,
        stages: spec.stages,
        generatedAt: new Date(spec.generatedAt),
      },
      out,
      progress,
    );
  }
  await endStream(out);
}

/** Ends a stream and waits until everything written is handed to the file. */
export function endStream(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.writableFinished) return resolve();
    out.once('error', reject);
    out.end(() => resolve());
  });
}
