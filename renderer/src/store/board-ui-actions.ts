// Actions of the board's screen state (filters, the line that ranks specialists).
import { useStore } from './store';
import { NO_BOARD_FILTERS, NO_SPECIALIST_FILTERS } from './board-ui';
import type { BoardFilters, SelectedLine, SpecialistFilters } from './types';

export function setBoardFilters(patch: Partial<BoardFilters>): void {
  useStore.setState((s) => ({ boardFilters: { ...s.boardFilters, ...patch } }));
}

export function clearBoardFilters(): void {
  useStore.setState({ boardFilters: NO_BOARD_FILTERS });
}

export function setSpecialistFilters(patch: Partial<SpecialistFilters>): void {
  useStore.setState((s) => ({ specialistFilters: { ...s.specialistFilters, ...patch } }));
}

export function clearSpecialistFilters(): void {
  useStore.setState({ specialistFilters: NO_SPECIALIST_FILTERS });
}

/** Selecting the selected line again clears the ranking. */
export function toggleSelectedLine(line: SelectedLine): void {
  useStore.setState((s) => ({
    selectedLine: s.selectedLine?.requestId === line.requestId && s.selectedLine.lineRef === line.lineRef ? null : line,
  }));
}

export function clearSelectedLine(): void {
  useStore.setState({ selectedLine: null });
}
