import type { Priority, RequestStatus, Stage } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/** A requests row as stored; history keeps these images to undo and redo request edits. */
export interface RequestImage {
  id: number;
  code: string;
  title: string;
  stage: Stage;
  service: string | null;
  requester: string | null;
  priority: Priority;
  status: RequestStatus;
  rejection_reason: string | null;
  start_week: string;
  end_week: string;
  budget_minor: number | null;
  notes: string | null;
  closed_week: string | null;
  staffing_received: string | null;
  staffing_received_at: string | null;
}

export interface DemandLineImage {
  id: number;
  request_id: number;
  skill_id: number;
  min_level: number;
  minutes_per_week: number;
  start_week: string;
  end_week: string;
}

export const REQUEST_COLUMNS = [
  'id',
  'code',
  'title',
  'stage',
  'service',
  'requester',
  'priority',
  'status',
  'rejection_reason',
  'start_week',
  'end_week',
  'budget_minor',
  'notes',
  'closed_week',
  'staffing_received',
  'staffing_received_at',
] as const satisfies readonly (keyof RequestImage)[];

export const DEMAND_LINE_COLUMNS = [
  'id',
  'request_id',
  'skill_id',
  'min_level',
  'minutes_per_week',
  'start_week',
  'end_week',
] as const satisfies readonly (keyof DemandLineImage)[];

/**
 * Writes one table's rows by id and keeps each row's before and after image: the same
 * list becomes the undo entry and the request's history. Ids are kept on restore, so later
 * entries that name a row still find it.
 */
export class TableWriter<T extends { id: number }> {
  readonly changes: { before: T | null; after: T | null }[] = [];
  private readonly byId: Statement<unknown[]>;
  private readonly insertRow: Statement<unknown[]>;
  private readonly updateRow: Statement<unknown[]>;
  private readonly deleteRow: Statement<unknown[]>;

  constructor(
    db: Db,
    readonly table: 'requests' | 'demand_lines',
    columns: readonly (keyof T & string)[],
  ) {
    const list = columns.join(', ');
    this.byId = db.prepare(`SELECT ${list} FROM ${table} WHERE id = ?`);
    this.insertRow = db.prepare(`INSERT INTO ${table} (${list}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    const sets = columns.filter((c) => c !== 'id').map((c) => `${c} = @${c}`);
    this.updateRow = db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`);
    this.deleteRow = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  }

  get(id: number): T | undefined {
    return this.byId.get(id) as T | undefined;
  }

  insert(row: Omit<T, 'id'> & { id?: number | null }): T {
    const id = Number(this.insertRow.run({ ...row, id: row.id ?? null }).lastInsertRowid);
    const after = { ...row, id } as T;
    this.changes.push({ before: null, after });
    return after;
  }

  update(before: T, patch: Partial<Omit<T, 'id'>>): T {
    const after = { ...before, ...patch };
    if (sameImage(before, after)) return before;
    this.updateRow.run(after);
    this.changes.push({ before, after });
    return after;
  }

  delete(before: T): void {
    this.deleteRow.run(before.id);
    this.changes.push({ before, after: null });
  }

  restore(target: T | null, current: T | null): void {
    if (target === null) {
      if (current) this.delete(current);
      return;
    }
    if (current) this.update(current, target);
    else {
      this.insertRow.run(target);
      this.changes.push({ before: null, after: target });
    }
  }
}

export function sameImage<T extends object>(a: T | null, b: T | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
