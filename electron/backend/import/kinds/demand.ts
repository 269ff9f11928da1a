import { KeyTracker } from '../rows';
import { ensureSkill, requestRefs, skillIds, type RequestRef } from './lookups';
import type { ImportKindSpec } from './types';

interface Row {
  request: number;
  skill: string;
  minLevel: number;
  minutesPerWeek: number;
  startWeek: string;
  endWeek: string;
}

export const demandKind: ImportKindSpec<{ requests: Map<string, RequestRef>; keys: KeyTracker }, Row> = {
  kind: 'demand',
  columns: [
    { name: 'request_id', required: true, aliases: ['request'] },
    { name: 'skill', required: true },
    { name: 'min_level' },
    { name: 'hours_per_week', required: true },
    { name: 'start_week' },
    { name: 'end_week' },
  ],
  prepare: (db) => ({ requests: requestRefs(db), keys: new KeyTracker() }),
  parse(r, ctx) {
    const code = r.required('request_id');
    const request = code === null ? undefined : ctx.requests.get(code);
    if (code !== null && request === undefined) r.fail('request_id', `no request with id "${code}"`);
    const skill = r.required('skill');
    const minLevel = r.integer('min_level', 1, 5, 1);
    const minutesPerWeek = r.minutes('hours_per_week', true, (m) => (m <= 0 ? 'must be more than 0' : null));
    const start = r.week('start_week', false);
    const end = r.week('end_week', false);
    if (r.optional('start_week') !== null && start === null) return null;
    if (r.optional('end_week') !== null && end === null) return null;
    if (request === undefined || skill === null || minLevel === null || minutesPerWeek === null) return null;
    const startWeek = start ?? request.startWeek;
    const endWeek = end ?? request.endWeek;
    if (startWeek > endWeek) r.fail('end_week', `${endWeek} is before start_week ${startWeek}`);
    else if (startWeek < request.startWeek || endWeek > request.endWeek) {
      r.fail('start_week', `${startWeek}..${endWeek} is not inside request ${code}'s weeks ${request.startWeek}..${request.endWeek}`);
    }
    ctx.keys.check(r, `${request.id}|${skill.toLowerCase()}|${startWeek}`, 'skill');
    return { request: request.id, skill, minLevel, minutesPerWeek, startWeek, endWeek };
  },
  write(db, rows) {
    const skills = skillIds(db);
    const upsert = db.prepare(`
      INSERT INTO demand_lines (request_id, skill_id, min_level, minutes_per_week, start_week, end_week)
      VALUES (@request, @skillId, @minLevel, @minutesPerWeek, @startWeek, @endWeek)
      ON CONFLICT (request_id, skill_id, start_week) DO UPDATE SET
        min_level = excluded.min_level, minutes_per_week = excluded.minutes_per_week, end_week = excluded.end_week
      WHERE (min_level, minutes_per_week, end_week) IS NOT (excluded.min_level, excluded.minutes_per_week, excluded.end_week)`);
    let n = 0;
    for (const row of rows) n += upsert.run({ ...row, skillId: ensureSkill(db, skills, row.skill) }).changes;
    return n;
  },
};
