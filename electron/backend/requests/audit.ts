import type { RequestHistoryEntry } from '../../../shared/api';
import { formatMoney } from '../../../shared/domain';
import { demandLineText } from '../../../shared/format';
import type { RequestRowChange } from '../db/history';
import type { Db } from '../db/open';
import type { DemandLineImage, RequestImage } from '../db/request-rows';

/** Request fields as the history names them (the API's names), with how each is written. */
const FIELDS: readonly [keyof RequestImage, string][] = [
  ['code', 'id'],
  ['title', 'title'],
  ['stage', 'stage'],
  ['service', 'service'],
  ['requester', 'requester'],
  ['priority', 'priority'],
  ['status', 'status'],
  ['start_week', 'startWeek'],
  ['end_week', 'endWeek'],
  ['budget_minor', 'budget'],
  ['notes', 'notes'],
  ['staffing_received', 'staffingReceived'],
];

type Entry = Omit<RequestHistoryEntry, 'at'> & { requestRef: number };

/**
 * The history entries of a set of row changes: one per changed field, one per added,
 * removed or changed demand line. Derived from the row images, so an edit, an import and
 * an undo are described by the same rule.
 */
export function auditEntries(db: Db, changes: readonly RequestRowChange[], minorDigits: number, reason: string | null): Entry[] {
  const skillName = db.prepare('SELECT name FROM skills WHERE id = ?').pluck();
  const lineText = (l: DemandLineImage) =>
    demandLineText({
      skill: (skillName.get(l.skill_id) as string | undefined) ?? `skill ${l.skill_id}`,
      minLevel: l.min_level,
      minutesPerWeek: l.minutes_per_week,
      startWeek: l.start_week,
      endWeek: l.end_week,
    });
  const entries: Entry[] = [];
  for (const c of netChanges(changes)) {
    if (c.table === 'requests') {
      if (c.after === null) continue; // removed with its history (undo of its creation)
      if (c.before === null) {
        entries.push({ requestRef: c.after.id, what: 'created', before: null, after: c.after.status, reason });
        continue;
      }
      for (const [column, name] of FIELDS) {
        const before = c.before[column];
        const after = c.after[column];
        if (before === after) continue;
        const show = (v: unknown) => fieldText(column, v, minorDigits);
        const why = column === 'status' ? (c.after.rejection_reason !== c.before.rejection_reason ? c.after.rejection_reason : null) : null;
        entries.push({ requestRef: c.after.id, what: name, before: show(before), after: show(after), reason: why ?? reason });
      }
    } else {
      if (c.before === null && c.after === null) continue; // added and removed in one action
      const line = c.after ?? c.before!;
      const before = c.before && lineText(c.before);
      const after = c.after && lineText(c.after);
      if (before !== after) entries.push({ requestRef: line.request_id, what: 'demand', before, after, reason });
    }
  }
  return entries;
}

/**
 * Each row once, from its first image to its last: steps in between (a placeholder week)
 * are not history. A row removed and another added under the same id (SQLite reuses the
 * highest) stay two entries.
 */
function netChanges(changes: readonly RequestRowChange[]): RequestRowChange[] {
  const out: RequestRowChange[] = [];
  const live = new Map<string, number>();
  for (const c of changes) {
    const key = `${c.table}|${(c.before ?? c.after)!.id}`;
    const at = live.get(key);
    if (at !== undefined && c.before !== null) out[at] = { ...out[at]!, after: c.after } as RequestRowChange;
    else out.push(c);
    if (c.after === null) live.delete(key);
    else live.set(key, at !== undefined && c.before !== null ? at : out.length - 1);
  }
  return out;
}

function fieldText(column: keyof RequestImage, value: unknown, minorDigits: number): string | null {
  if (value === null || value === undefined) return null;
  if (column === 'budget_minor') return formatMoney(value as number, minorDigits);
  if (column === 'staffing_received') {
    const exported = (JSON.parse(value as string) as { exported_at?: string }).exported_at ?? '';
    return `staffing summary of ${exported.slice(0, 10)}`;
  }
  return String(value);
}

export function recordAudit(db: Db, entries: readonly Entry[], at: Date): void {
  const insert = db.prepare('INSERT INTO request_history (request_id, at, what, before, after, reason) VALUES (?, ?, ?, ?, ?, ?)');
  const exists = db.prepare('SELECT 1 FROM requests WHERE id = ?');
  for (const e of entries) {
    if (exists.get(e.requestRef) === undefined) continue;
    insert.run(e.requestRef, at.toISOString(), e.what, e.before, e.after, e.reason);
  }
}

export function readAudit(db: Db, requestRef: number): RequestHistoryEntry[] {
  return db
    .prepare('SELECT at, what, before, after, reason FROM request_history WHERE request_id = ? ORDER BY id')
    .all(requestRef) as RequestHistoryEntry[];
}
