import type {
  BoardView,
  HistoryState,
  PlanInfo,
  RequestCard,
  RequestDetail,
  RequestsList,
  SkillInfo,
  SpecialistRow,
  TimelineRow,
} from '../../../shared/api';
import type { Flag, FlagKind, IsoWeek, Priority, RequestStatus, Stage } from '../../../shared/domain';
import type { UiError } from '../api/client';
import type { ReportsSlice } from './reports-slice';

/** The parts of the screen that load independently and can fail independently. */
export type Area = 'plan' | 'board' | 'specialists' | 'flags';

export interface PlanSlice {
  plan: PlanInfo | null;
}

export interface WeeksSlice {
  /** The visible weeks, both included. */
  weeks: { from: IsoWeek; to: IsoWeek; list: readonly IsoWeek[] };
}

export interface BoardSlice {
  /** Request ids per lane, in the order the backend gives. */
  laneIds: Record<Stage, readonly string[]>;
  requestsById: Readonly<Record<string, RequestCard>>;
  boardWeeks: readonly IsoWeek[];
  boardLoaded: boolean;
}

export interface SpecialistsSlice {
  specialistIds: readonly string[];
  specialistsById: Readonly<Record<string, SpecialistRow>>;
  /** The weeks the specialist rows carry (the visible weeks when the answer arrived). */
  specialistWeeks: readonly IsoWeek[];
  specialistsLoaded: boolean;
}

export interface FlagsSlice {
  flags: readonly Flag[];
  flagCounts: Readonly<Record<FlagKind, number>>;
  /** Open flags per request id (a card's badge), derived whenever flags change. */
  flagCountByRequest: Readonly<Record<string, number>>;
  flagsLoaded: boolean;
}

/** Undo and redo as the plan file holds them. */
export interface HistorySlice {
  history: HistoryState;
  /** The last change's label, or the message of a write that failed (then the screen reloaded). */
  lastChange: { label: string; failed: boolean; seq: number } | null;
}

/** Which view fills the main area (the board and the timeline beside the flags). */
export type MainView = 'board' | 'timeline' | 'requests' | 'reports';

/** What the timeline lists: the visible weeks' specialists, narrowed by department and name. */
export interface TimelineFilter {
  /** '' = every department. */
  department: string;
  /** Part of a name or id; '' = everyone. */
  query: string;
}

/** Timeline rows loaded so far, by specialist ref; a change patches the rows it touched. */
export interface TimelineSlice {
  timelineRowsByRef: Readonly<Record<number, TimelineRow>>;
  /**
   * Specialist refs by position for the current weeks and filter, filled a window at a time
   * as the user scrolls; 0 marks a position not loaded yet. Length = timelineTotal.
   */
  timelineOrder: readonly number[];
  /** How many specialists match the filter; null until the first window arrives. */
  timelineTotal: number | null;
  timelineFilter: TimelineFilter;
  timelineError: UiError | null;
  /** Bumped whenever loaded windows are forgotten: the grid asks again for what it shows. */
  timelineGeneration: number;
  mainView: MainView;
}

/** What a click on a flag points at; `seq` makes a second click on the same flag scroll again. */
export interface Highlight {
  /** The kind of flag clicked: a view without a place for its subject (the timeline for a request) sends it elsewhere. */
  kind: FlagKind | null;
  requestId: string | null;
  specialistId: string | null;
  seq: number;
  /** Set when a subject is not on screen, e.g. an archived specialist. */
  missing: string | null;
}

export interface StatusSlice {
  loading: Record<Area, boolean>;
  errors: Record<Area, UiError | null>;
  highlight: Highlight | null;
}

/** What the person chose to look at on the board (store/board-ui.ts): screen state, never sent to the backend. */
export interface BoardFilters {
  status: RequestStatus | '';
  priority: Priority | '';
  service: string;
  /** Matched against id, title, service and requester, ignoring case and accents. */
  text: string;
}

export interface SpecialistFilters {
  department: string;
  skill: string;
  /** With a skill: the lowest level that passes (1 = any level). */
  minLevel: number;
  name: string;
}

/** The demand line whose fit ranks the specialists panel. */
export interface SelectedLine {
  requestId: string;
  lineRef: number;
}

export interface BoardUiSlice {
  boardFilters: BoardFilters;
  specialistFilters: SpecialistFilters;
  selectedLine: SelectedLine | null;
}

/** What the requests view lists: screen state, never sent to the backend (store/requests-slice.ts). */
export interface RequestFilters {
  stage: Stage | '';
  status: RequestStatus | '';
  /** '' = every requester. */
  requester: string;
  /** Matched against id, title, service and requester, ignoring case and accents. */
  text: string;
}

export type RequestSortKey = 'id' | 'title' | 'requester' | 'stage' | 'status' | 'priority' | 'staffing' | 'weeks' | 'cost' | 'budget';

export interface RequestSort {
  key: RequestSortKey;
  direction: 'ascending' | 'descending';
}

/**
 * The request the editor shows and where: the requests view (its address names the id) or a
 * dialog over the board. `ref` null with an `id` is an address not matched to a request yet;
 * both null is a new request, not saved.
 */
export interface EditorTarget {
  place: 'view' | 'dialog';
  ref: number | null;
  id: string | null;
}

export interface RequestsSlice {
  requestList: RequestsList | null;
  requestListError: UiError | null;
  requestListLoading: boolean;
  requestFilters: RequestFilters;
  requestSort: RequestSort;
  editor: EditorTarget | null;
  /** The open request as saved; null for a new one or while it loads. */
  editorDetail: RequestDetail | null;
  editorError: UiError | null;
  /** Bumped whenever the saved request is (re)loaded: the form starts again from what is saved. */
  editorVersion: number;
  skills: readonly SkillInfo[];
}

export type AppState = PlanSlice &
  WeeksSlice &
  BoardSlice &
  SpecialistsSlice &
  FlagsSlice &
  StatusSlice &
  HistorySlice &
  TimelineSlice &
  BoardUiSlice &
  RequestsSlice &
  ReportsSlice;

export type { BoardView };
