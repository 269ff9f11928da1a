// The Reports view's state. Its actions are in ./reports, so that the store (which combines
// this slice) and the actions (which use the store) import each other in one direction only.
import type { StateCreator } from 'zustand';
import type { AllocationSortKey, ExportFormat, ExportJobStatus, ExportReport, ReportsViewData } from '../../../shared/api';
import { addIsoWeeks, currentWeek, type AllocationRow, type IsoWeek, type Stage } from '../../../shared/domain';
import type { UiError } from '../api/client';
import type { AppState } from './types';

/** What the department head chose to look at; sent with every reports call. */
export interface ReportsFilter {
  from: IsoWeek;
  to: IsoWeek;
  /** Empty = every department. */
  departments: readonly string[];
  /** Empty = every stage. */
  stages: readonly Stage[];
}

export interface AllocationSort {
  key: AllocationSortKey;
  dir: 'asc' | 'desc';
}

/** The allocations table, fetched a page at a time as the user scrolls. */
export interface AllocationTable {
  /** Rows matching the filter; null until the first page arrives. */
  total: number | null;
  totalMinutes: number;
  totalCostMinor: number;
  /** Loaded pages by page number (ALLOCATION_PAGE rows each). */
  pages: Readonly<Record<number, readonly AllocationRow[]>>;
  error: UiError | null;
  /** Bumped whenever loaded pages are forgotten: the table asks again for what it shows. */
  generation: number;
}

export interface ExportChoice {
  report: ExportReport;
  format: ExportFormat;
}

/** The export running or last run from the view; shown in the progress dialog while `open`. */
export interface ExportRun {
  open: boolean;
  /** null while exports-start has not answered yet. */
  status: ExportJobStatus | null;
  /** exports-start, -status or -cancel refused or unreachable. */
  error: UiError | null;
  cancelling: boolean;
}

export interface ReportsSlice {
  reportsFilter: ReportsFilter;
  reportsData: ReportsViewData | null;
  reportsError: UiError | null;
  reportsLoading: boolean;
  /** Heat-map department keys (`d:<department>`) shown with their specialists. */
  reportsExpanded: ReadonlySet<string>;
  allocationSort: AllocationSort;
  allocationTable: AllocationTable;
  exportChoice: ExportChoice;
  exportRun: ExportRun | null;
  /** Bumped by File > Export report: the view moves focus to its export controls. */
  exportFocusSeq: number;
}

/** A quarter: the current week and the 12 after it, as a department head reviews the plan. */
export const DEFAULT_REPORT_WEEKS = 13;

export function defaultReportsFilter(now: Date = new Date()): ReportsFilter {
  const from = currentWeek(now);
  return { from, to: addIsoWeeks(from, DEFAULT_REPORT_WEEKS - 1), departments: [], stages: [] };
}

export const DEFAULT_ALLOCATION_SORT: AllocationSort = Object.freeze({ key: 'week', dir: 'asc' });

export const emptyAllocationTable = (generation: number): AllocationTable => ({
  total: null,
  totalMinutes: 0,
  totalCostMinor: 0,
  pages: {},
  error: null,
  generation,
});

export const createReportsSlice: StateCreator<AppState, [], [], ReportsSlice> = () => ({
  reportsFilter: defaultReportsFilter(),
  reportsData: null,
  reportsError: null,
  reportsLoading: false,
  reportsExpanded: new Set<string>(),
  allocationSort: DEFAULT_ALLOCATION_SORT,
  allocationTable: emptyAllocationTable(0),
  exportChoice: { report: 'pack', format: 'xlsx' },
  exportRun: null,
  exportFocusSeq: 0,
});
