import { z } from 'zod';
import type { AllocationRow, CostRow, IsoWeek, SkillRow, SkillTotal, StageRow, UtilizationHeatmap, UtilizationRow } from '../domain';
import { STAGES } from '../domain/model';
import { MAX_REPORT_WEEKS, op, spanWithin, weekSchema } from './operation';

/** A department name as a filter names it: bounded, since unknown names are echoed back in messages. */
export const MAX_DEPARTMENT_NAME = 200;
const departmentNames = z.array(z.string().min(1).max(MAX_DEPARTMENT_NAME)).max(500);
/** Lifecycle stages a report is restricted to; empty or absent = all. */
const stagesFilter = z.array(z.enum(STAGES)).max(3);

const reportFilterFields = {
  from: weekSchema.optional(),
  to: weekSchema.optional(),
  departments: departmentNames.optional(),
};

export const reportFilterSchema = z
  .object(reportFilterFields)
  .strict()
  .refine((w) => w.from === undefined || w.to === undefined || w.from <= w.to, { message: 'from must not be after to' })
  .refine(spanWithin(MAX_REPORT_WEEKS), { message: `at most ${MAX_REPORT_WEEKS} weeks per report` });

/** An export's filter: the report filter plus the Reports view's stages, so a file holds what the view shows. */
export const exportFilterSchema = z
  .object({ ...reportFilterFields, stages: stagesFilter.optional() })
  .strict()
  .refine((w) => w.from === undefined || w.to === undefined || w.from <= w.to, { message: 'from must not be after to' })
  .refine(spanWithin(MAX_REPORT_WEEKS), { message: `at most ${MAX_REPORT_WEEKS} weeks per report` });

export interface ReportRange {
  from: string;
  to: string;
}

/** The reports of interchange.md, in the order a pack holds them. */
export const REPORT_NAMES = ['utilization', 'costs', 'stages', 'skills', 'allocations'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
export const EXPORT_REPORTS = [...REPORT_NAMES, 'pack'] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const viewFilterSchema = z
  .object({
    from: weekSchema,
    to: weekSchema,
    departments: departmentNames.optional(),
    /** Stages shown in the cost and skill parts; empty or absent = all. */
    stages: stagesFilter.optional(),
    /**
     * Departments whose specialist rows the heat map sends; absent = every department. The
     * screen opens departments one at a time: 2,000 specialists x 13 weeks are 2.6 MB of
     * cells nobody sees until a department is opened.
     */
    expanded: departmentNames.optional(),
  })
  .strict()
  .refine((w) => w.from <= w.to, { message: 'from must not be after to' })
  .refine(spanWithin(MAX_REPORT_WEEKS), { message: `at most ${MAX_REPORT_WEEKS} weeks per report` });

export const ALLOCATION_SORT_KEYS = ['week', 'specialist', 'department', 'request', 'stage', 'hours', 'status', 'cost'] as const;
export type AllocationSortKey = (typeof ALLOCATION_SORT_KEYS)[number];

/** Everything the Reports view draws for one range, except the allocations table (paged). */
export interface ReportsViewData {
  from: IsoWeek;
  to: IsoWeek;
  currentWeek: IsoWeek;
  currency: string;
  minorDigits: number;
  planName: string;
  /** Every department of the plan, for the picker. */
  allDepartments: string[];
  heatmap: UtilizationHeatmap;
  stages: StageRow[];
  /** Requests touching the range, as the costs report lists them. */
  costs: CostRow[];
  /** Sum of plannedAfterMinor over `costs`. */
  plannedAfterMinor: number;
  skills: SkillTotal[];
  allocationCount: number;
}

export interface AllocationsPage {
  total: number;
  offset: number;
  rows: AllocationRow[];
  totalMinutes: number;
  totalCostMinor: number;
}

export const exportStartSchema = z
  .object({
    report: z.enum(EXPORT_REPORTS),
    format: z.enum(EXPORT_FORMATS),
    filter: exportFilterSchema,
    /**
     * Where the file goes: set by the desktop main process from its save dialog and by the
     * CLI from --out, never by a page (main overwrites it, the web host refuses it). Without
     * it the file is kept by the backend and offered for download (web host).
     */
    targetPath: z.string().min(1).max(4096).optional(),
  })
  .strict()
  .refine((x) => !(x.report === 'pack' && x.format === 'csv'), {
    message: 'a pack is one XLSX or PDF file: choose a single report for CSV',
    path: ['format'],
  });

export type ExportState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJobStatus {
  jobId: string;
  state: ExportState;
  /** Rows (or steps) written so far out of total: progress for the screen. */
  done: number;
  total: number;
  /** What it is doing, in words ("Writing Allocations sheet"). */
  phase: string;
  fileName: string;
  /** Set when done: the file's size. */
  bytes?: number;
  /** Set when failed: a message for the user. */
  error?: string;
  /** Web host only: where the finished file is downloaded from. */
  downloadUrl?: string;
}

const jobIdSchema = z.object({ jobId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }).strict();

export const reportsApi = {
  'reports-utilization': op<ReportRange & { rows: UtilizationRow[] }>()(reportFilterSchema),
  'reports-costs': op<ReportRange & { rows: CostRow[]; minorDigits: number; currency: string }>()(reportFilterSchema),
  'reports-allocations': op<ReportRange & { rows: AllocationRow[]; minorDigits: number; currency: string }>()(reportFilterSchema),
  'reports-skills': op<ReportRange & { rows: SkillRow[] }>()(reportFilterSchema),
  'reports-stages': op<ReportRange & { rows: StageRow[]; minorDigits: number; currency: string }>()(reportFilterSchema),
  'reports-view': op<ReportsViewData>()(viewFilterSchema),
  'reports-allocations-page': op<AllocationsPage>()(
    z
      .object({
        filter: viewFilterSchema,
        sort: z.object({ key: z.enum(ALLOCATION_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).strict(),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
  ),
  'exports-start': op<ExportJobStatus>()(exportStartSchema),
  'exports-status': op<ExportJobStatus>()(jobIdSchema),
  'exports-cancel': op<ExportJobStatus>()(jobIdSchema),
};
