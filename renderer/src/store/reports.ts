// Module-level actions of the Reports view: its filter, the figures of reports-view, the
// allocations table fetched a page at a time, and export jobs (started, polled, cancelled).
// Every export's work happens in the backend's job; the page only asks how far it got.
import type { AllocationSortKey, ApiInput, ExportJobStatus } from '../../../shared/api';
import { STAGES, addIsoWeeks, cmpName, weekSpanError, weeksBetween, type AllocationRow, type Stage } from '../../../shared/domain';
import { invoke, toUiError } from '../api/client';
import {
  DEFAULT_ALLOCATION_SORT,
  DEFAULT_REPORT_WEEKS,
  defaultReportsFilter,
  emptyAllocationTable,
  type AllocationSort,
  type AllocationTable,
  type ExportChoice,
  type ExportRun,
  type ReportsFilter,
} from './reports-slice';
import { useStore } from './store';
import { setMainView } from './timeline';

export { DEFAULT_ALLOCATION_SORT, DEFAULT_REPORT_WEEKS, defaultReportsFilter };
export type { AllocationSort, AllocationTable, ExportChoice, ExportRun, ReportsFilter };

/** Two years of weeks: more and a heat map stops being something a person reads. */
export const REPORTS_MAX_WEEKS = 104;
/** Rows per reports-allocations-page call: a screenful is ~20 rows, so one call covers several. */
export const ALLOCATION_PAGE = 200;
/** How often a running export is asked how far it got. */
export const EXPORT_POLL_MS = 250;

/** Why a typed range cannot be shown, worded for the field; null when it can. */
export function reportsRangeError(from: string, to: string): string | null {
  return weekSpanError(from, to, REPORTS_MAX_WEEKS);
}

/**
 * The filter as reports-view and reports-allocations-page take it: "all" is said by leaving
 * it out. With `expanded` (reports-view only) it names the heat-map departments whose
 * specialist rows to send: an empty list when none is open, so a large plan's first answer
 * carries department rows only.
 */
export function viewFilterInput(f: ReportsFilter, expanded?: ReadonlySet<string>): ApiInput<'reports-view'> {
  return {
    from: f.from,
    to: f.to,
    ...(f.departments.length > 0 ? { departments: [...f.departments] } : {}),
    ...(f.stages.length > 0 && f.stages.length < STAGES.length ? { stages: [...f.stages] } : {}),
    ...(expanded ? { expanded: expandedDepartments(expanded) } : {}),
  };
}

/** The department names of opened heat-map rows (keys `d:<department>`), in name order. */
export function expandedDepartments(expanded: ReadonlySet<string>): string[] {
  return [...expanded]
    .filter((k) => k.startsWith(DEPARTMENT_KEY))
    .map((k) => k.slice(DEPARTMENT_KEY.length))
    .sort(cmpName);
}
const DEPARTMENT_KEY = 'd:';

/** The filter of an export: the view's weeks, departments and stages ("all" left out, as for the view). */
export function exportFilterInput(f: ReportsFilter): ApiInput<'exports-start'>['filter'] {
  return {
    from: f.from,
    to: f.to,
    ...(f.departments.length > 0 ? { departments: [...f.departments] } : {}),
    ...(f.stages.length > 0 && f.stages.length < STAGES.length ? { stages: [...f.stages] } : {}),
  };
}

// Only the answer to the newest question lands: a slow range must not overwrite a fresh one.
let viewGeneration = 0;
/** The opened departments the newest reports-view on its way asked for; null when none is. */
let expandedOnTheWay: ReadonlySet<string> | null = null;
let tableGeneration = 0;
/** The generation whose first page has landed: until then the rows on screen are the old answer's. */
let landedGeneration = -1;
const pages = new Map<number, 'loading' | 'loaded'>();

const reportsFilter = (): ReportsFilter => useStore.getState().reportsFilter;

/** Reads the figures of every section for the current filter (keeping the old ones on screen until they arrive). */
export async function loadReports(): Promise<void> {
  const filter = reportsFilter();
  const expanded = useStore.getState().reportsExpanded;
  const mine = ++viewGeneration;
  expandedOnTheWay = expanded;
  useStore.setState({ reportsLoading: true });
  try {
    const data = await invoke('reports-view', viewFilterInput(filter, expanded));
    if (mine !== viewGeneration) return;
    useStore.setState({ reportsData: data, reportsError: null });
  } catch (e) {
    if (mine === viewGeneration) useStore.setState({ reportsError: toUiError(e) });
  } finally {
    if (mine === viewGeneration) {
      expandedOnTheWay = null;
      useStore.setState({ reportsLoading: false });
    }
  }
}

/**
 * Everything again: the figures and the table (another plan, a change made elsewhere, or a
 * retry). `keepRows` leaves the table's rows on screen until fresh ones arrive.
 */
export function reloadReports(keepRows = false): Promise<void> {
  // The figures first: the host answers one call at a time, in the order asked.
  const figures = loadReports();
  resetAllocationTable(keepRows);
  return figures;
}

/**
 * Changes what the view shows; the figures and the table are read again. Returns why a range
 * is refused (worded for the field), null when accepted.
 */
export function setReportsFilter(patch: Partial<ReportsFilter>): string | null {
  const current = reportsFilter();
  const next: ReportsFilter = { ...current, ...patch };
  const problem = reportsRangeError(next.from, next.to);
  if (problem) return problem;
  if (sameFilter(current, next)) return null;
  useStore.setState({ reportsFilter: next });
  void reloadReports();
  return null;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const sameFilter = (a: ReportsFilter, b: ReportsFilter): boolean =>
  a.from === b.from && a.to === b.to && sameList(a.departments, b.departments) && sameList(a.stages, b.stages);

/** Moves the range by its own length (‹ and › beside the fields). */
export function shiftReportsRange(direction: -1 | 1): string | null {
  const { from, to } = reportsFilter();
  const length = weeksBetween(from, to) + 1;
  return setReportsFilter({ from: addIsoWeeks(from, direction * length), to: addIsoWeeks(to, direction * length) });
}

/** `count` weeks from the first week of the range on. */
export function setReportsSpan(count: number): string | null {
  const { from } = reportsFilter();
  return setReportsFilter({ to: addIsoWeeks(from, Math.max(1, Math.min(REPORTS_MAX_WEEKS, count)) - 1) });
}

export function toggleReportsDepartment(department: string): void {
  const { departments } = reportsFilter();
  const next = departments.includes(department) ? departments.filter((d) => d !== department) : [...departments, department].sort(cmpName);
  setReportsFilter({ departments: next });
}

export function toggleReportsStage(stage: Stage): void {
  const { stages } = reportsFilter();
  // Empty means every stage: unticking one of "all" leaves the other two.
  const shown = stages.length === 0 ? [...STAGES] : [...stages];
  const next = shown.includes(stage) ? shown.filter((s) => s !== stage) : [...shown, stage];
  if (next.length === 0) return;
  setReportsFilter({ stages: next.length === STAGES.length ? [] : STAGES.filter((s) => next.includes(s)) });
}

/**
 * A heat-map department row opens into its specialists, or closes again. The view carries
 * specialist rows only for the departments opened: opening one the newest answer did not
 * ask for asks again (the figures only; the table does not depend on it), and until the rows
 * arrive the heat map shows it opened with a loading row. Closing asks nothing: the rows
 * already here are just not drawn, and opening it again shows them at once.
 */
export function toggleHeatmapDepartment(key: string): void {
  const opening = !useStore.getState().reportsExpanded.has(key);
  useStore.setState((s) => {
    const next = new Set(s.reportsExpanded);
    if (opening) next.add(key);
    else next.delete(key);
    return { reportsExpanded: next };
  });
  if (opening && !rowsComing(key)) void loadReports();
}

/** Whether a department's specialist rows are here or on their way (no figures yet: the first load asks for them). */
function rowsComing(key: string): boolean {
  if (expandedOnTheWay) return expandedOnTheWay.has(key);
  const data = useStore.getState().reportsData;
  const department = data?.heatmap.departments.find((d) => d.row.key === key);
  return !data || !department || department.specialists.length >= department.specialistCount;
}

// ---------- The allocations table ----------

/** A click on a column header: that column ascending, or the other way round when it already sorts. */
export function nextAllocationSort(current: AllocationSort, key: AllocationSortKey): AllocationSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  // Hours and cost are read biggest first; names and weeks from the start.
  return { key, dir: key === 'hours' || key === 'cost' ? 'desc' : 'asc' };
}

export function setAllocationSort(sort: AllocationSort): void {
  const current = useStore.getState().allocationSort;
  if (current.key === sort.key && current.dir === sort.dir) return;
  useStore.setState({ allocationSort: sort });
  resetAllocationTable(false);
}

/**
 * Forgets the loaded pages and asks for the first one (the count and totals come with it);
 * `keepRows` keeps the old rows on screen until the new ones arrive.
 */
function resetAllocationTable(keepRows: boolean): void {
  tableGeneration++;
  pages.clear();
  useStore.setState((s) => ({
    allocationTable: keepRows
      ? { ...s.allocationTable, error: null, generation: s.allocationTable.generation + 1 }
      : emptyAllocationTable(s.allocationTable.generation + 1),
  }));
  void fetchAllocationPage(0);
}

/** Makes sure rows start..end (exclusive) are loaded or on their way; before the first page the reset's own request is on its way. */
export function ensureAllocationRows(start: number, end: number): void {
  const { total } = useStore.getState().allocationTable;
  if (total === null) return;
  const last = Math.min(end, total) - 1;
  if (last < start) return;
  for (let p = Math.floor(start / ALLOCATION_PAGE); p <= Math.floor(last / ALLOCATION_PAGE); p++) {
    if (!pages.has(p)) void fetchAllocationPage(p);
  }
}

async function fetchAllocationPage(page: number): Promise<void> {
  const mine = tableGeneration;
  pages.set(page, 'loading');
  const { allocationSort } = useStore.getState();
  try {
    const result = await invoke('reports-allocations-page', {
      filter: viewFilterInput(reportsFilter()),
      sort: { key: allocationSort.key, dir: allocationSort.dir },
      offset: page * ALLOCATION_PAGE,
      limit: ALLOCATION_PAGE,
    });
    if (mine !== tableGeneration) return;
    pages.set(page, 'loaded');
    useStore.setState((s) => {
      // Pages kept on screen from before a reload belong to the old answer: start afresh with this one.
      const kept = landedGeneration === mine ? s.allocationTable.pages : {};
      landedGeneration = mine;
      return {
        allocationTable: {
          ...s.allocationTable,
          total: result.total,
          totalMinutes: result.totalMinutes,
          totalCostMinor: result.totalCostMinor,
          pages: { ...kept, [page]: result.rows },
          error: null,
        },
      };
    });
  } catch (e) {
    if (mine !== tableGeneration) return;
    pages.delete(page);
    useStore.setState((s) => ({ allocationTable: { ...s.allocationTable, error: toUiError(e) } }));
  }
}

/** The row at `index` when its page is loaded. */
export const allocationAt = (table: AllocationTable, index: number): AllocationRow | undefined =>
  table.pages[Math.floor(index / ALLOCATION_PAGE)]?.[index % ALLOCATION_PAGE];

// ---------- Exports ----------

export function setExportChoice(patch: Partial<ExportChoice>): void {
  useStore.setState((s) => {
    const next = { ...s.exportChoice, ...patch };
    // A pack is one XLSX or PDF file (exportStartSchema): CSV holds one report.
    if (next.report === 'pack' && next.format === 'csv') next.format = 'xlsx';
    return { exportChoice: next };
  });
}

let exportGeneration = 0;
let pollTimer: ReturnType<typeof setTimeout> | null = null;

const setRun = (patch: Partial<ExportRun>): void =>
  useStore.setState((s) => ({ exportRun: { open: true, status: null, error: null, cancelling: false, ...s.exportRun, ...patch } }));

function stopPolling(): void {
  if (pollTimer !== null) clearTimeout(pollTimer);
  pollTimer = null;
}

/** Starts the chosen export for the filter on screen; the dialog shows its progress. */
export async function startExport(): Promise<void> {
  const { exportChoice, exportRun } = useStore.getState();
  if (exportRun?.open && exportRun.status?.state === 'running') return;
  stopPolling();
  const mine = ++exportGeneration;
  useStore.setState({ exportRun: { open: true, status: null, error: null, cancelling: false } });
  try {
    const status = await invoke('exports-start', { ...exportChoice, filter: exportFilterInput(reportsFilter()) });
    if (mine !== exportGeneration) return;
    landStatus(mine, status);
  } catch (e) {
    if (mine === exportGeneration) setRun({ error: toUiError(e) });
  }
}

function landStatus(mine: number, status: ExportJobStatus): void {
  setRun({ status });
  if (status.state === 'running') {
    pollTimer = setTimeout(() => void poll(mine, status.jobId), EXPORT_POLL_MS);
    return;
  }
  setRun({ cancelling: false });
  if (status.state === 'done' && status.downloadUrl) offerDownload(status.downloadUrl, status.fileName);
}

async function poll(mine: number, jobId: string): Promise<void> {
  pollTimer = null;
  try {
    const status = await invoke('exports-status', { jobId });
    if (mine === exportGeneration) landStatus(mine, status);
  } catch (e) {
    if (mine === exportGeneration) setRun({ error: toUiError(e) });
  }
}

/** Stops the running export; the backend removes its temporary file. */
export async function cancelExport(): Promise<void> {
  const run = useStore.getState().exportRun;
  const status = run?.status;
  if (!run || !status || status.state !== 'running' || run.cancelling) return;
  const mine = exportGeneration;
  setRun({ cancelling: true });
  try {
    const after = await invoke('exports-cancel', { jobId: status.jobId });
    if (mine !== exportGeneration) return;
    // The last poll may have found it finished already; its answer stands.
    if (useStore.getState().exportRun?.status?.state !== 'running') return;
    stopPolling();
    landStatus(mine, after);
  } catch (e) {
    if (mine === exportGeneration) setRun({ cancelling: false, error: toUiError(e) });
  }
}

/** Closes the progress dialog; a running export is cancelled first (the dialog is the only way to see it). */
export async function closeExportDialog(): Promise<void> {
  const run = useStore.getState().exportRun;
  if (run?.status?.state === 'running') await cancelExport();
  if (useStore.getState().exportRun?.status?.state === 'running') return;
  stopPolling();
  exportGeneration++;
  useStore.setState((s) => ({ exportRun: s.exportRun ? { ...s.exportRun, open: false } : null }));
}

/** The web host serves a finished export as an attachment: the browser saves it where the user says. */
function offerDownload(url: string, fileName: string): void {
  if (typeof document === 'undefined') return;
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

// ---------- The view and the File menu ----------

/** File > Export report: the Reports view, with focus on its export controls. */
export async function openReportsForExport(): Promise<void> {
  await setMainView('reports');
  useStore.setState((s) => ({ exportFocusSeq: s.exportFocusSeq + 1 }));
}

/** The desktop menu's commands whose screens live here; returns the function that unsubscribes. */
export function subscribeToMenu(): () => void {
  const bridge = typeof window !== 'undefined' ? window.tmPlanner : undefined;
  if (!bridge?.on) return () => {};
  return bridge.on('menu-command', ({ command }) => {
    if (command === 'export-report') void openReportsForExport();
  });
}
