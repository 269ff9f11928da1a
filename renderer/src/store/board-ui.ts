// What the person chose to look at on the board: filters and the demand line that ranks
// specialists. Screen state only; nothing here is sent to the backend. Its types live in
// types.ts with the other slices', so that types.ts imports no slice.
import type { StateCreator } from 'zustand';
import type { AppState, BoardFilters, BoardUiSlice, SpecialistFilters } from './types';

export const NO_BOARD_FILTERS: BoardFilters = Object.freeze({ status: '', priority: '', service: '', text: '' });
export const NO_SPECIALIST_FILTERS: SpecialistFilters = Object.freeze({ department: '', skill: '', minLevel: 1, name: '' });

export const createBoardUiSlice: StateCreator<AppState, [], [], BoardUiSlice> = () => ({
  boardFilters: NO_BOARD_FILTERS,
  specialistFilters: NO_SPECIALIST_FILTERS,
  selectedLine: null,
});
