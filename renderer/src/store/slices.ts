// Each slice owns its initial state only; every change goes through the module-level
// actions in ./actions so push events, tests and (later) drag and drop share one path.
import type { StateCreator } from 'zustand';
import { FLAG_KINDS, addIsoWeeks, currentWeek, weekRange, type FlagKind } from '../../../shared/domain';
import type {
  AppState,
  BoardSlice,
  FlagsSlice,
  HistorySlice,
  MainView,
  PlanSlice,
  SpecialistsSlice,
  StatusSlice,
  TimelineSlice,
  WeeksSlice,
} from './types';

/** The resource manager plans this week and the next few: 8 weeks by default. */
export const DEFAULT_WEEK_COUNT = 8;

export function defaultWeeks(now: Date = new Date()): WeeksSlice['weeks'] {
  const from = currentWeek(now);
  const to = addIsoWeeks(from, DEFAULT_WEEK_COUNT - 1);
  return { from, to, list: weekRange(from, to) };
}

export const emptyFlagCounts = (): Record<FlagKind, number> =>
  Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;

type Slice<T> = StateCreator<AppState, [], [], T>;

export const createPlanSlice: Slice<PlanSlice> = () => ({ plan: null });

export const createWeeksSlice: Slice<WeeksSlice> = () => ({ weeks: defaultWeeks() });

export const createBoardSlice: Slice<BoardSlice> = () => ({
  laneIds: { design: [], transition: [], operation: [] },
  requestsById: {},
  boardWeeks: [],
  boardLoaded: false,
});

export const createSpecialistsSlice: Slice<SpecialistsSlice> = () => ({
  specialistIds: [],
  specialistsById: {},
  specialistWeeks: [],
  specialistsLoaded: false,
});

export const createFlagsSlice: Slice<FlagsSlice> = () => ({
  flags: [],
  flagCounts: emptyFlagCounts(),
  flagCountByRequest: {},
  flagsLoaded: false,
});

export const createHistorySlice: Slice<HistorySlice> = () => ({
  history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
  lastChange: null,
});

/** The view named in the address (#timeline, #requests, #requests/R12, #reports), so a reload stays where the user was. */
export function viewFromLocation(): MainView {
  if (typeof location === 'undefined') return 'board';
  if (location.hash.startsWith('#timeline')) return 'timeline';
  if (/^#reports(\/|$)/.test(location.hash)) return 'reports';
  return /^#requests(\/|$)/.test(location.hash) ? 'requests' : 'board';
}

export const createTimelineSlice: Slice<TimelineSlice> = () => ({
  timelineRowsByRef: {},
  timelineOrder: [],
  timelineTotal: null,
  timelineFilter: { department: '', query: '' },
  timelineError: null,
  timelineGeneration: 0,
  mainView: viewFromLocation(),
});

export const createStatusSlice: Slice<StatusSlice> = () => ({
  loading: { plan: false, board: false, specialists: false, flags: false },
  errors: { plan: null, board: null, specialists: null, flags: null },
  highlight: null,
});
