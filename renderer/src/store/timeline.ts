// Module-level actions of the timeline: which view shows, its weeks span, its filter, and the
// windows of rows fetched as the user scrolls. Writes go through runChange like the board's,
// whose answer patches the cached rows (change.ts); nothing here duplicates that.
import type { TimelineRow } from '../../../shared/api';
import { addIsoWeeks, weeksBetween } from '../../../shared/domain';
import { invoke, toUiError } from '../api/client';
import { MAX_VISIBLE_WEEKS, TIMELINE_MAX_WEEKS, loadDeferredData, setWeeks } from './actions';
import { useStore } from './store';

export { TIMELINE_MAX_WEEKS };
import type { AppState, MainView, TimelineFilter } from './types';

/** Rows per `timeline-get` call: a screenful is ~15 rows, so one call covers several. */
export const TIMELINE_PAGE = 40;

/** Spans offered in the timeline's toolbar. */
export const TIMELINE_SPANS = [8, 13, 26, 52] as const;

// Pages asked for or loaded under the current generation. A new generation (other weeks,
// another filter, another plan, a failed write) forgets them and drops late answers.
let generation = 0;
const pages = new Map<number, 'loading' | 'loaded'>();

/**
 * Forgets the loaded windows; the grid asks again for what it shows. `rows` keeps the order
 * and the rows on screen until fresh ones arrive (other weeks, a failed write: the list of
 * specialists is the same, so the scroll position stays); `all` starts from nothing (another
 * filter, another plan).
 */
export function resetTimeline(what: 'all' | 'rows' = 'all'): void {
  generation++;
  pages.clear();
  useStore.setState((s) =>
    what === 'rows'
      ? { timelineError: null, timelineGeneration: s.timelineGeneration + 1 }
      : {
          timelineRowsByRef: {},
          timelineOrder: [],
          timelineTotal: null,
          timelineError: null,
          timelineGeneration: s.timelineGeneration + 1,
        },
  );
}

/** Makes sure rows start..end (exclusive) are loaded or on their way. */
export function ensureTimelineRows(start: number, end: number): void {
  const s = useStore.getState();
  if (!s.plan) return;
  const total = s.timelineTotal;
  const last = total === null ? Math.max(start, end - 1) : Math.min(end, total) - 1;
  if (total === 0 || last < start) {
    if (total === null && !pages.has(0)) void fetchPage(0);
    return;
  }
  for (let p = Math.floor(start / TIMELINE_PAGE); p <= Math.floor(last / TIMELINE_PAGE); p++) {
    if (!pages.has(p)) void fetchPage(p);
  }
}

async function fetchPage(page: number, attempt = 0): Promise<void> {
  const mine = generation;
  pages.set(page, 'loading');
  const s = useStore.getState();
  const { from, to } = s.weeks;
  const { department, query } = s.timelineFilter;
  const changeSeq = s.lastChange?.seq ?? 0;
  try {
    const result = await invoke('timeline-get', {
      from,
      to,
      offset: page * TIMELINE_PAGE,
      limit: TIMELINE_PAGE,
      ...(department ? { department } : {}),
      ...(query.trim() ? { query: query.trim() } : {}),
    });
    if (mine !== generation) return;
    // A write landed while this window was on its way: its rows may predate the write.
    if ((useStore.getState().lastChange?.seq ?? 0) !== changeSeq && attempt < 3) return fetchPage(page, attempt + 1);
    applyPage(result.offset, result.total, result.rows);
    pages.set(page, 'loaded');
  } catch (e) {
    if (mine !== generation) return;
    pages.delete(page);
    useStore.setState({ timelineError: toUiError(e) });
  }
}

function applyPage(offset: number, total: number, rows: readonly TimelineRow[]): void {
  useStore.setState((s) => {
    const order = s.timelineOrder.length === total ? s.timelineOrder.slice() : resized(s.timelineOrder, total);
    const timelineRowsByRef = { ...s.timelineRowsByRef };
    rows.forEach((row, i) => {
      order[offset + i] = row.ref;
      timelineRowsByRef[row.ref] = row;
    });
    return { timelineOrder: order, timelineRowsByRef, timelineTotal: total, timelineError: null };
  });
}

function resized(order: readonly number[], total: number): number[] {
  const next = new Array<number>(total).fill(0);
  for (let i = 0; i < Math.min(order.length, total); i++) next[i] = order[i]!;
  return next;
}

export function setTimelineFilter(patch: Partial<TimelineFilter>): void {
  const current = useStore.getState().timelineFilter;
  const next = { ...current, ...patch };
  if (next.department === current.department && next.query === current.query) return;
  useStore.setState({ timelineFilter: next });
  resetTimeline();
}

/** Shows `count` weeks from the first visible week on (the timeline may show up to a year). */
export function setTimelineSpan(count: number): Promise<string | null> {
  const n = Math.max(1, Math.min(TIMELINE_MAX_WEEKS, Math.round(count)));
  const { from } = useStore.getState().weeks;
  return setWeeks(from, addIsoWeeks(from, n - 1));
}

/** Switches the main area; the address keeps the view so a reload stays on it. */
export async function setMainView(view: MainView): Promise<void> {
  if (useStore.getState().mainView === view) return;
  useStore.setState({ mainView: view });
  loadDeferredData();
  if (typeof history !== 'undefined' && typeof location !== 'undefined') {
    history.replaceState(history.state, '', view === 'board' ? `${location.pathname}${location.search}` : `#${view}`);
  }
  // The board reads at most MAX_VISIBLE_WEEKS; a year on the timeline comes back to that.
  const { from, to } = useStore.getState().weeks;
  if (view === 'board' && weeksBetween(from, to) + 1 > MAX_VISIBLE_WEEKS) await setWeeks(from, addIsoWeeks(from, MAX_VISIBLE_WEEKS - 1));
}

/** Position of a specialist in the timeline's order, when known (for "show me" from a flag). */
export function timelineIndexOf(s: AppState, specialistId: string): number {
  const { timelineOrder, timelineRowsByRef, timelineFilter } = s;
  for (let i = 0; i < timelineOrder.length; i++) {
    const ref = timelineOrder[i];
    if (ref && timelineRowsByRef[ref]?.id === specialistId) return i;
  }
  // Unfiltered, the timeline lists the same specialists in the same order as the panel.
  if (!timelineFilter.department && !timelineFilter.query.trim()) return s.specialistIds.indexOf(specialistId);
  return -1;
}
