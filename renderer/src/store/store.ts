import { create } from 'zustand';
import { createBoardUiSlice } from './board-ui';
import { createReportsSlice } from './reports-slice';
import { createRequestsSlice } from './requests-slice';
import {
  createBoardSlice,
  createFlagsSlice,
  createHistorySlice,
  createPlanSlice,
  createSpecialistsSlice,
  createStatusSlice,
  createTimelineSlice,
  createWeeksSlice,
} from './slices';
import type { AppState } from './types';

/** The one store: slices combined here, once; middleware (if any) goes on this line only. */
export const useStore = create<AppState>()((...a) => ({
  ...createPlanSlice(...a),
  ...createWeeksSlice(...a),
  ...createBoardSlice(...a),
  ...createSpecialistsSlice(...a),
  ...createFlagsSlice(...a),
  ...createStatusSlice(...a),
  ...createHistorySlice(...a),
  ...createTimelineSlice(...a),
  ...createBoardUiSlice(...a),
  ...createRequestsSlice(...a),
  ...createReportsSlice(...a),
}));

/** Back to the state of a fresh start; for tests. */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}
