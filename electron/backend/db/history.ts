import type { HistoryState } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import { AllocationWriter, type AllocationChange, type AllocationImage } from './allocation-rows';
import type { Db } from './open';
import { DEMAND_LINE_COLUMNS, REQUEST_COLUMNS, sameImage, TableWriter, type DemandLineImage, type RequestImage } from './request-rows';

/**
 * One row's change in any table the history covers. Allocation changes carry no `table`:
 * plan files written before request editing recorded only those, and still undo.
 */
export type RowChange =
  | (AllocationChange & { table?: 'allocations' })
  | { table: 'requests'; before: RequestImage | null; after: RequestImage | null }
  | { table: 'demand_lines'; before: DemandLineImage | null; after: DemandLineImage | null };

export type RequestRowChange = Extract<RowChange, { table: 'requests' | 'demand_lines' }>;

export const isAllocationChange = (c: RowChange): c is AllocationChange & { table?: 'allocations' } =>
  c.table === undefined || c.table === 'allocations';

/** Older entries are dropped past this: undo reaches back far enough for a working day. */
export const HISTORY_LIMIT = 1000;

/** Records one user action; a new action makes the undone ones unreachable, so they go. */
export function recordHistory(db: Db, label: string, changes: readonly RowChange[]): void {
  if (changes.length === 0) return;
  db.prepare('DELETE FROM history WHERE undone = 1').run();
  db.prepare('INSERT INTO history (label, changes, created_at) VALUES (?, ?, ?)').run(
    label,
    JSON.stringify(changes),
    new Date().toISOString(),
  );
  db.prepare('DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?').run(HISTORY_LIMIT);
}

export function clearHistory(db: Db): void {
  db.prepare('DELETE FROM history').run();
}

export function historyState(db: Db): HistoryState {
  const undo = db.prepare('SELECT label FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  const redo = db.prepare('SELECT label FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1').pluck().get() as string | undefined;
  return { canUndo: undo !== undefined, canRedo: redo !== undefined, undoLabel: undo ?? null, redoLabel: redo ?? null };
}

/** What one undo or redo step changed: allocation rows (patched into the engine) and request rows. */
export interface HistoryStep {
  label: string;
  changes: AllocationChange[];
  requestChanges: RequestRowChange[];
}

/**
 * Undoes the newest action (or redoes the oldest undone one) by putting every row back to
 * its image. Rows must be as the entry left them; otherwise something outside the history
 * changed them (an import, another program), and putting images back would overwrite that.
 */
export function stepHistory(db: Db, direction: 'undo' | 'redo'): HistoryStep {
  const entry = (
    direction === 'undo'
      ? db.prepare('SELECT id, label, changes FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1')
      : db.prepare('SELECT id, label, changes FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1')
  ).get() as { id: number; label: string; changes: string } | undefined;
  if (!entry) throw new ApiError('invalid-input', direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
  const recorded = JSON.parse(entry.changes) as RowChange[];
  const allocations = new AllocationWriter(db);
  const requests = new TableWriter<RequestImage>(db, 'requests', REQUEST_COLUMNS);
  const lines = new TableWriter<DemandLineImage>(db, 'demand_lines', DEMAND_LINE_COLUMNS);
  const conflict = (what: string) => new ApiError('conflict', `Cannot ${direction} "${entry.label}": ${what}.`);
  const steps = direction === 'undo' ? [...recorded].reverse() : recorded;
  for (const c of steps) {
    const [expected, target] = direction === 'undo' ? [c.after, c.before] : [c.before, c.after];
    const id = (c.before ?? c.after)!.id;
    if (isAllocationChange(c)) {
      const current = allocations.get(id) ?? null;
      if (!sameRow(current, expected as AllocationImage | null)) throw conflict('the allocations it changed were changed since');
      allocations.restore(target as AllocationImage | null, current);
    } else if (c.table === 'requests') {
      const current = requests.get(id) ?? null;
      if (!sameImage(current, expected as RequestImage | null)) throw conflict('the request was changed since');
      // Removing a request would take its allocations with it: refuse rather than lose them.
      if (target === null && current && referenced(db, 'request_id', id)) throw conflict(`${current.code} has allocations now`);
      requests.restore(target as RequestImage | null, current);
    } else {
      const current = lines.get(id) ?? null;
      if (!sameImage(current, expected as DemandLineImage | null)) throw conflict('its demand lines were changed since');
      if (target === null && current && referenced(db, 'demand_line_id', id)) throw conflict('a demand line it added has allocations now');
      lines.restore(target as DemandLineImage | null, current);
    }
  }
  db.prepare('UPDATE history SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, entry.id);
  return {
    label: entry.label,
    changes: allocations.changes,
    requestChanges: [
      ...requests.changes.map((x) => ({ table: 'requests' as const, ...x })),
      ...lines.changes.map((x) => ({ table: 'demand_lines' as const, ...x })),
    ],
  };
}

function referenced(db: Db, column: 'request_id' | 'demand_line_id', id: number): boolean {
  return db.prepare(`SELECT 1 FROM allocations WHERE ${column} = ? LIMIT 1`).get(id) !== undefined;
}

function sameRow(a: AllocationImage | null, b: AllocationImage | null): boolean {
  return sameImage(a, b);
}
