import type { AllocationStatus } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import { TableWriter } from './table-writer';

/** An allocations row as stored; history keeps these images to undo and redo. */
export interface AllocationImage {
  id: number;
  specialist_id: number;
  request_id: number;
  week: string;
  minutes: number;
  status: AllocationStatus;
  demand_line_id: number | null;
  note: string | null;
}

/** One row's change: before null = inserted, after null = deleted. */
export interface AllocationChange {
  before: AllocationImage | null;
  after: AllocationImage | null;
}

const COLUMNS = [
  'id',
  'specialist_id',
  'request_id',
  'week',
  'minutes',
  'status',
  'demand_line_id',
  'note',
] as const satisfies readonly (keyof AllocationImage)[];

/**
 * Writes allocations one row at a time and keeps each row's before and after image, so
 * that the same list both updates the engine incrementally and becomes the undo entry.
 */
export class AllocationWriter extends TableWriter<AllocationImage> {
  private readonly byKey: Statement<unknown[]>;

  /** `onChange` hears every change as it is made: a writer of several tables keeps one ordered list with it. */
  constructor(db: Db, onChange?: (c: AllocationChange) => void) {
    super(db, 'allocations', COLUMNS, onChange);
    this.byKey = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM allocations WHERE specialist_id = ? AND request_id = ? AND week = ?`);
  }

  find(specialistId: number, requestId: number, week: string): AllocationImage | undefined {
    return this.byKey.get(specialistId, requestId, week) as AllocationImage | undefined;
  }
}
