import { KeyTracker } from '../rows';
import { specialistIds } from './lookups';
import type { ImportKindSpec } from './types';

interface Row {
  specialist: number;
  startDate: string;
  endDate: string;
  minutesPerDay: number | null;
  reason: string | null;
}

export const timeOffKind: ImportKindSpec<{ specialists: Map<string, number>; keys: KeyTracker }, Row> = {
  kind: 'time-off',
  columns: [
    { name: 'specialist_id', required: true, aliases: ['specialist'] },
    { name: 'start_date', required: true },
    { name: 'end_date', required: true },
    { name: 'hours_per_day' },
    { name: 'reason' },
  ],
  prepare: (db) => ({ specialists: specialistIds(db), keys: new KeyTracker() }),
  parse(r, ctx) {
    const code = r.required('specialist_id');
    const specialist = code === null ? undefined : ctx.specialists.get(code);
    if (code !== null && specialist === undefined) r.fail('specialist_id', `no specialist with id "${code}"`);
    const startDate = r.date('start_date', true);
    const endDate = r.date('end_date', true);
    if (startDate && endDate && startDate > endDate) r.fail('end_date', `${endDate} is before start_date ${startDate}`);
    const minutesPerDay = r.minutes('hours_per_day', false, (m) => (m <= 0 || m > 24 * 60 ? 'must be more than 0 and at most 24' : null));
    if (r.optional('hours_per_day') !== null && minutesPerDay === null) return null;
    if (specialist === undefined || startDate === null || endDate === null) return null;
    ctx.keys.check(r, `${specialist}|${startDate}|${endDate}`, 'start_date');
    return { specialist, startDate, endDate, minutesPerDay, reason: r.optional('reason') };
  },
  write(db, rows) {
    const upsert = db.prepare(`
      INSERT INTO time_off (specialist_id, start_date, end_date, minutes_per_day, reason)
      VALUES (@specialist, @startDate, @endDate, @minutesPerDay, @reason)
      ON CONFLICT (specialist_id, start_date, end_date) DO UPDATE SET
        minutes_per_day = excluded.minutes_per_day, reason = excluded.reason
      WHERE (minutes_per_day, reason) IS NOT (excluded.minutes_per_day, excluded.reason)`);
    let n = 0;
    for (const row of rows) n += upsert.run(row).changes;
    return n;
  },
};
