export { useStore, resetStore } from './store';
export * from './actions';
export { DEFAULT_WEEK_COUNT, defaultWeeks } from './slices';
export type * from './types';
