// Module-level actions: the only writers of the store. Components, push events from the
// desktop shell and tests all call these, so a reload behaves the same from everywhere.
import type { BoardView, SpecialistRow } from '../../../shared/api';
import {
  STAGES,
  addIsoWeeks,
  countFlagsByKind,
  currentWeek,
  weekRange,
  weekSpanError,
  weeksBetween,
  type Flag,
  type IsoWeek,
  type Stage,
} from '../../../shared/domain';
import { invoke, toUiError, type UiError } from '../api/client';
import { useStore } from './store';
import type { Area, AppState } from './types';

/** More weeks than this and the week bars stop being readable; reports cover longer spans. */
export const MAX_VISIBLE_WEEKS = 26;
/** A year of weeks: the timeline is where long ranges are read. */
export const TIMELINE_MAX_WEEKS = 52;

const setLoading = (area: Area, value: boolean) => useStore.setState((s) => ({ loading: { ...s.loading, [area]: value } }));
const setError = (area: Area, error: UiError | null) => useStore.setState((s) => ({ errors: { ...s.errors, [area]: error } }));

// Answers can arrive out of order when the user clicks "next week" quickly; only the answer
// to the newest question may land in the store. Plan and data are counted apart so moving
// the weeks while the plan opens does not drop the plan.
let planGeneration = 0;
let dataGeneration = 0;

/** Opens whatever plan the backend has open: plan info first, then everything shown. */
export async function loadPlan(): Promise<void> {
  const mine = ++planGeneration;
  setLoading('plan', true);
  // What the screen shows is asked for alongside the plan's info, not after it: on a large
  // plan that round trip was part of the wait for the board. A plan that fails to open
  // bumps dataGeneration below, so none of these answers lands.
  const info = invoke('plan-info', {});
  const data = loadData();
  try {
    const plan = await info;
    if (mine !== planGeneration) return;
    useStore.setState({ plan });
    setError('plan', null);
    void invoke('history-state', {}).then(
      (history) => useStore.setState({ history }),
      () => undefined,
    );
    document.title = `TM Planner — ${plan.name}`;
  } catch (e) {
    if (mine !== planGeneration) return;
    // Nothing of a plan that failed to open may stay on screen as if it were current.
    dataGeneration++;
    useStore.setState({ ...emptyData(), plan: null });
    setError('plan', toUiError(e));
    document.title = 'TM Planner';
    return;
  } finally {
    if (mine === planGeneration) setLoading('plan', false);
  }
  await data;
}

/**
 * Shows the weeks from..to (both included). Returns the reason when the range is refused,
 * so a form can show it where it was typed; null when accepted.
 */
export async function setWeeks(from: IsoWeek, to: IsoWeek): Promise<string | null> {
  const problem = weekRangeError(from, to);
  if (problem) return problem;
  const { weeks } = useStore.getState();
  if (weeks.from === from && weeks.to === to) return null;
  useStore.setState({ weeks: { from, to, list: weekRange(from, to) } });
  await refresh();
  return null;
}

/** The domain's week span check, with the most weeks the current view shows. */
export function weekRangeError(from: string, to: string): string | null {
  return weekSpanError(from, to, useStore.getState().mainView === 'timeline' ? TIMELINE_MAX_WEEKS : MAX_VISIBLE_WEEKS);
}

/** Moves the visible range by n weeks, keeping its length. */
export function shiftWeeks(n: number): Promise<string | null> {
  const { from, to } = useStore.getState().weeks;
  return setWeeks(addIsoWeeks(from, n), addIsoWeeks(to, n));
}

/** Starts the visible range at the current ISO week, keeping its length. */
export function goToThisWeek(now: Date = new Date()): Promise<string | null> {
  const { from, to } = useStore.getState().weeks;
  const start = currentWeek(now);
  return setWeeks(start, addIsoWeeks(start, weeksBetween(from, to)));
}

/** Reloads board, specialists and flags for the visible weeks, side by side. */
export async function refresh(): Promise<void> {
  if (!useStore.getState().plan) {
    ++dataGeneration;
    return;
  }
  await loadData();
}

// The Reports view reads its own figures; board, specialists and flags wait until another view
// shows: on a large plan its first paint would otherwise queue behind them on the host.
let dataDeferred = false;

/** Loads what loadData put off while the Reports view showed, once another view shows. */
export function loadDeferredData(): void {
  if (!dataDeferred || useStore.getState().mainView === 'reports') return;
  dataDeferred = false;
  void refresh();
}

async function loadData(): Promise<void> {
  const mine = ++dataGeneration;
  dataDeferred = useStore.getState().mainView === 'reports';
  if (dataDeferred) return;
  const { from, to } = useStore.getState().weeks;
  const current = () => mine === dataGeneration;
  await Promise.all([
    load('board', current, () => invoke('board-get', { from, to }), applyBoard),
    load('specialists', current, () => invoke('specialists-list', { from, to }), applySpecialists),
    load('flags', current, () => invoke('flags-list', { from, to }), applyFlags),
  ]);
}

function emptyData(): Partial<AppState> {
  const initial = useStore.getInitialState();
  return {
    laneIds: initial.laneIds,
    requestsById: initial.requestsById,
    boardWeeks: initial.boardWeeks,
    boardLoaded: false,
    specialistIds: initial.specialistIds,
    specialistsById: initial.specialistsById,
    specialistWeeks: initial.specialistWeeks,
    specialistsLoaded: false,
    flags: initial.flags,
    flagCounts: initial.flagCounts,
    flagCountByRequest: initial.flagCountByRequest,
    flagsLoaded: false,
    timelineRowsByRef: initial.timelineRowsByRef,
    errors: initial.errors,
    highlight: null,
  };
}

async function load<T>(area: Area, current: () => boolean, call: () => Promise<T>, apply: (result: T) => void): Promise<void> {
  setLoading(area, true);
  try {
    const result = await call();
    if (!current()) return;
    apply(result);
    setError(area, null);
  } catch (e) {
    if (current()) setError(area, toUiError(e));
  } finally {
    if (current()) setLoading(area, false);
  }
}

function applyBoard(board: BoardView): void {
  const laneIds = { design: [], transition: [], operation: [] } as Record<Stage, string[]>;
  const requestsById: AppState['requestsById'] = {};
  for (const lane of board.lanes) {
    if (!STAGES.includes(lane.stage)) continue;
    for (const card of lane.requests) {
      (requestsById as Record<string, typeof card>)[card.id] = card;
      laneIds[lane.stage].push(card.id);
    }
  }
  useStore.setState({ laneIds, requestsById, boardWeeks: board.weeks, boardLoaded: true });
}

function applySpecialists(result: { weeks: string[]; specialists: SpecialistRow[] }): void {
  const specialistsById: Record<string, SpecialistRow> = {};
  for (const s of result.specialists) specialistsById[s.id] = s;
  useStore.setState({
    specialistIds: result.specialists.map((s) => s.id),
    specialistsById,
    specialistWeeks: result.weeks,
    specialistsLoaded: true,
  });
}

function applyFlags(result: { flags: Flag[]; counts: AppState['flagCounts'] }): void {
  useStore.setState({ ...flagState(result.flags), flagsLoaded: true });
}

/** Flags with the counts the screen shows, derived in one place. */
export function flagState(flags: readonly Flag[]): Pick<AppState, 'flags' | 'flagCounts' | 'flagCountByRequest'> {
  const flagCountByRequest: Record<string, number> = {};
  for (const f of flags) if (f.requestId !== null) flagCountByRequest[f.requestId] = (flagCountByRequest[f.requestId] ?? 0) + 1;
  return { flags, flagCounts: countFlagsByKind(flags), flagCountByRequest };
}

let highlightSeq = 0;

/** Points the screen at a flag's subject: its request card, its specialist row, or both. */
export function showFlagSubject(flag: Flag): void {
  const s = useStore.getState();
  const requestId = flag.requestId !== null && s.requestsById[flag.requestId] ? flag.requestId : null;
  const specialistId = flag.specialistId !== null && s.specialistsById[flag.specialistId] ? flag.specialistId : null;
  const absent: string[] = [];
  if (flag.requestId !== null && requestId === null) absent.push(`request ${flag.requestId}`);
  if (flag.specialistId !== null && specialistId === null) absent.push(`specialist ${flag.specialistId}`);
  useStore.setState({
    highlight: {
      kind: flag.kind,
      requestId,
      specialistId,
      seq: ++highlightSeq,
      missing: absent.length > 0 ? `${absent.join(' and ')} ${absent.length > 1 ? 'are' : 'is'} not shown for these weeks` : null,
    },
  });
}

export function clearHighlight(): void {
  useStore.setState({ highlight: null });
}

/** Asks the desktop shell (when there is one) to tell us when another plan is opened. */
export function subscribeToShell(): () => void {
  const bridge = typeof window !== 'undefined' ? window.tmPlanner : undefined;
  if (!bridge?.on) return () => {};
  return bridge.on('plan-changed', () => {
    clearHighlight();
    // A request open in the editor belongs to the plan that was open: its ref means another
    // request (or none) in the new one, so nothing may be written through it.
    useStore.setState({ editor: null, editorDetail: null, requestList: null });
    void loadPlan();
  });
}
