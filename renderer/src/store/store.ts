import { create } from 'zustand';
import {
  createBoardSlice,
  createFlagsSlice,
  createPlanSlice,
  createSpecialistsSlice,
  createStatusSlice,
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
}));

/** Back to the state of a fresh start; for tests. */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}
