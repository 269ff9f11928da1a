import { join } from 'node:path';

export const CSV_FIXTURES = join(__dirname, '../fixtures/csv');

/** The CSV fixtures in an order that imports cleanly: what a row refers to comes first. */
export const IMPORT_ORDER = [
  ['holidays', 'holidays.csv'],
  ['specialists', 'specialists.csv'],
  ['time-off', 'time_off.csv'],
  ['requests', 'requests.csv'],
  ['demand', 'demand.csv'],
  ['allocations', 'allocations.csv'],
] as const;
