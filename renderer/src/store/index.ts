export { useStore, resetStore } from './store';
export * from './actions';
export * from './board-ui-actions';
export { NO_BOARD_FILTERS, NO_SPECIALIST_FILTERS } from './board-ui';
export { DEFAULT_WEEK_COUNT, defaultWeeks } from './slices';
export * from './requests';
export { NO_REQUEST_FILTERS, DEFAULT_REQUEST_SORT, requestHash } from './requests-slice';
export type * from './types';
export * from './reports';
