// What the person chose to look at on the board: filters and the demand line that ranks
// specialists. Screen state only; nothing here is sent to the backend.
import type { StateCreator } from 'zustand';
import type { Priority, RequestStatus } from '../../../shared/domain';
import type { AppState } from './types';

export interface BoardFilters {
  status: RequestStatus | '';
  priority: Priority | '';
  service: string;
  /** Matched against id, title, service and requester, ignoring case. */
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

export const NO_BOARD_FILTERS: BoardFilters = Object.freeze({ status: '', priority: '', service: '', text: '' });
export const NO_SPECIALIST_FILTERS: SpecialistFilters = Object.freeze({ department: '', skill: '', minLevel: 1, name: '' });

export const createBoardUiSlice: StateCreator<AppState, [], [], BoardUiSlice> = () => ({
  boardFilters: NO_BOARD_FILTERS,
  specialistFilters: NO_SPECIALIST_FILTERS,
  selectedLine: null,
});
