export * from './rounding';
export * from './units';
export * from './weeks';
export * from './capacity';
export * from './model';
export * from './plan-index';
export * from './flags';
export * from './reports';
