import type { HistoryState } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import { AllocationWriter, type AllocationChange, type AllocationImage } from './allocation-rows';
import type { Db } from './open';

/** Older entries are dropped past this: undo reaches back far enough for a working day. */
export const HISTORY_LIMIT = 1000;

/** Records one user action; a new action makes the undone ones unreachable, so they go. */
export function recordHistory(db: Db, label: string, changes: readonly AllocationChange[]): void {
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

/**
 * Undoes the newest action (or redoes the oldest undone one) by putting every row back to
 * its image. A row edited outside the history since (an import) is put back all the same:
 * the user asked for the state they saw.
 */
export function stepHistory(db: Db, direction: 'undo' | 'redo'): { label: string; changes: AllocationChange[] } {
  const entry = (
    direction === 'undo'
      ? db.prepare('SELECT id, label, changes FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1')
      : db.prepare('SELECT id, label, changes FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1')
  ).get() as { id: number; label: string; changes: string } | undefined;
  if (!entry) throw new ApiError('invalid-input', direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
  const recorded = JSON.parse(entry.changes) as AllocationChange[];
  const writer = new AllocationWriter(db);
  const steps = direction === 'undo' ? [...recorded].reverse() : recorded;
  for (const c of steps) {
    const [expected, target] = direction === 'undo' ? [c.after, c.before] : [c.before, c.after];
    const id = (c.before ?? c.after)!.id;
    const current = writer.get(id) ?? null;
    // Rows must be as this entry left them; otherwise something outside the history
    // changed them, and putting images back would overwrite that change.
    if (!sameRow(current, expected)) {
      throw new ApiError('conflict', `Cannot ${direction} "${entry.label}": the allocations it changed were changed since.`);
    }
    writer.restore(target, current);
  }
  db.prepare('UPDATE history SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, entry.id);
  return { label: entry.label, changes: writer.changes };
}

function sameRow(a: AllocationImage | null, b: AllocationImage | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.specialist_id === b.specialist_id &&
    a.request_id === b.request_id &&
    a.week === b.week &&
    a.minutes === b.minutes &&
    a.status === b.status &&
    a.demand_line_id === b.demand_line_id &&
    a.note === b.note
  );
}
