import type { AllocationStatus } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

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

const COLUMNS = 'id, specialist_id, request_id, week, minutes, status, demand_line_id, note';

/**
 * Writes allocations one row at a time and keeps each row's before and after image, so
 * that the same list both updates the engine incrementally and becomes the undo entry.
 */
export class AllocationWriter {
  readonly changes: AllocationChange[] = [];
  private readonly byId: Statement<unknown[]>;
  private readonly byKey: Statement<unknown[]>;
  private readonly insertRow: Statement<unknown[]>;
  private readonly updateRow: Statement<unknown[]>;
  private readonly deleteRow: Statement<unknown[]>;

  /** `onChange` hears every change as it is made: a writer of several tables keeps one ordered list with it. */
  constructor(
    private readonly db: Db,
    private readonly onChange?: (c: AllocationChange) => void,
  ) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM allocations WHERE id = ?`);
    this.byKey = db.prepare(`SELECT ${COLUMNS} FROM allocations WHERE specialist_id = ? AND request_id = ? AND week = ?`);
    this.insertRow = db.prepare(
      `INSERT INTO allocations (${COLUMNS}) VALUES (@id, @specialist_id, @request_id, @week, @minutes, @status, @demand_line_id, @note)`,
    );
    this.updateRow = db.prepare(
      `UPDATE allocations SET specialist_id = @specialist_id, request_id = @request_id, week = @week, minutes = @minutes,
              status = @status, demand_line_id = @demand_line_id, note = @note WHERE id = @id`,
    );
    this.deleteRow = db.prepare('DELETE FROM allocations WHERE id = ?');
  }

  private record(c: AllocationChange): void {
    this.changes.push(c);
    this.onChange?.(c);
  }

  get(id: number): AllocationImage | undefined {
    return this.byId.get(id) as AllocationImage | undefined;
  }

  find(specialistId: number, requestId: number, week: string): AllocationImage | undefined {
    return this.byKey.get(specialistId, requestId, week) as AllocationImage | undefined;
  }

  insert(row: Omit<AllocationImage, 'id'>): AllocationImage {
    const id = Number(this.insertRow.run({ ...row, id: null }).lastInsertRowid);
    const after = { ...row, id };
    this.record({ before: null, after });
    return after;
  }

  update(before: AllocationImage, patch: Partial<Omit<AllocationImage, 'id'>>): AllocationImage {
    const after = { ...before, ...patch };
    this.updateRow.run(after);
    this.record({ before, after });
    return after;
  }

  delete(before: AllocationImage): void {
    this.deleteRow.run(before.id);
    this.record({ before, after: null });
  }

  /**
   * Puts a row image back as it was (undo and redo): the row id is kept, so later history
   * entries that name it still apply.
   */
  restore(target: AllocationImage | null, current: AllocationImage | null): void {
    if (target === null) {
      if (current) this.delete(current);
      return;
    }
    if (current) this.update(current, target);
    else {
      this.insertRow.run(target);
      this.record({ before: null, after: target });
    }
  }
}
