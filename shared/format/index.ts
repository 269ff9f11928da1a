// Wording that both the CLI and the screens print: hours, week spans, refusals of the
// allocation rules. The rules themselves are in shared/domain, which never imports this.
export * from './hours';
export * from './weeks';
export * from './allocations';
export * from './requests';
export * from './planning';
