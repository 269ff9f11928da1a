import type { Db } from '../../db/open';
import { KeyTracker } from '../rows';
import type { ImportKindSpec } from './types';

interface Row {
  calendar: string;
  date: string;
  name: string;
}

export const holidaysKind: ImportKindSpec<KeyTracker, Row> = {
  kind: 'holidays',
  columns: [
    { name: 'calendar', required: true },
    { name: 'date', required: true },
    { name: 'name', required: true },
  ],
  prepare: () => new KeyTracker(),
  parse(r, keys) {
    const calendar = r.required('calendar');
    const date = r.date('date', true);
    const name = r.required('name');
    if (calendar === null || date === null || name === null) return null;
    keys.check(r, `${calendar}|${date}`, 'date');
    return { calendar, date, name };
  },
  write(db, rows) {
    return writeHolidays(db, rows, 'csv');
  },
};

/** Upserts holidays by (calendar, date); shared by the CSV import and the public-holiday loader. */
export function writeHolidays(db: Db, rows: readonly Row[], source: string): number {
  const upsert = db.prepare(`
    INSERT INTO holidays (calendar, date, name, source) VALUES (@calendar, @date, @name, @source)
    ON CONFLICT (calendar, date) DO UPDATE SET name = excluded.name, source = excluded.source
    WHERE (name, source) IS NOT (excluded.name, excluded.source)`);
  let n = 0;
  for (const row of rows) n += upsert.run({ ...row, source }).changes;
  return n;
}
