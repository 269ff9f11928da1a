export * from './request-file';
