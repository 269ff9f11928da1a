export * from './request-file';
export * from './request-model';
export * from './read-file';
export * from './diff';
export * from './staffing-summary';
export * from './file-names';
