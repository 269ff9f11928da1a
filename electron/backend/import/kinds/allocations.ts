import { ALLOCATION_STATUSES, allocationMinutesError, qualifiedLine } from '../../../../shared/domain';
import type { Db } from '../../db/open';
import { KeyTracker } from '../rows';
import { requestRefs, specialistIds, type RequestRef } from './lookups';
import type { ImportKindSpec } from './types';

interface Row {
  specialist: number;
  request: number;
  week: string;
  minutes: number;
  status: string;
  demandLine: number | null;
  note: string | null;
}

interface Line {
  id: number;
  skillRef: number;
  skill: string;
  minLevel: number;
  startWeek: string;
  endWeek: string;
}

interface Ctx {
  specialists: Map<string, number>;
  requests: Map<string, RequestRef>;
  linesByRequest: Map<number, Line[]>;
  skillsBySpecialist: Map<number, Map<number, number>>;
  keys: KeyTracker;
}

function prepare(db: Db): Ctx {
  const linesByRequest = new Map<number, Line[]>();
  const lines = db
    .prepare(
      `SELECT l.request_id, l.id, l.skill_id, k.name, l.min_level, l.start_week, l.end_week
         FROM demand_lines l JOIN skills k ON k.id = l.skill_id ORDER BY l.id`,
    )
    .raw()
    .all() as [number, number, number, string, number, string, string][];
  for (const [requestId, id, skillId, skill, minLevel, startWeek, endWeek] of lines) {
    let list = linesByRequest.get(requestId);
    if (!list) linesByRequest.set(requestId, (list = []));
    list.push({ id, skillRef: skillId, skill: skill.toLowerCase(), minLevel, startWeek, endWeek });
  }
  const skillsBySpecialist = new Map<number, Map<number, number>>();
  for (const [sid, kid, level] of db.prepare('SELECT specialist_id, skill_id, level FROM specialist_skills').raw().all() as [
    number,
    number,
    number,
  ][]) {
    let m = skillsBySpecialist.get(sid);
    if (!m) skillsBySpecialist.set(sid, (m = new Map()));
    m.set(kid, level);
  }
  return { specialists: specialistIds(db), requests: requestRefs(db), linesByRequest, skillsBySpecialist, keys: new KeyTracker() };
}

/**
 * The demand line an allocation serves: the one its `skill` column names, or else the
 * domain's default (qualifiedLine), so that a plain allocations file still fills demand.
 */
function demandLineFor(ctx: Ctx, specialist: number, request: number, week: string, skill: string | null): Line | null | undefined {
  const lines = ctx.linesByRequest.get(request) ?? [];
  if (skill !== null) return lines.find((l) => l.skill === skill.toLowerCase() && week >= l.startWeek && week <= l.endWeek);
  return qualifiedLine(lines, ctx.skillsBySpecialist.get(specialist), week);
}

export const allocationsKind: ImportKindSpec<Ctx, Row> = {
  kind: 'allocations',
  columns: [
    { name: 'specialist_id', required: true, aliases: ['specialist'] },
    { name: 'request_id', required: true, aliases: ['request'] },
    { name: 'week', required: true },
    { name: 'hours', required: true },
    { name: 'status' },
    { name: 'note' },
    { name: 'skill', aliases: ['demand_skill'] },
  ],
  prepare,
  parse(r, ctx) {
    const sCode = r.required('specialist_id');
    const specialist = sCode === null ? undefined : ctx.specialists.get(sCode);
    if (sCode !== null && specialist === undefined) r.fail('specialist_id', `no specialist with id "${sCode}"`);
    const rCode = r.required('request_id');
    const request = rCode === null ? undefined : ctx.requests.get(rCode);
    if (rCode !== null && request === undefined) r.fail('request_id', `no request with id "${rCode}"`);
    const week = r.week('week', true);
    // A row replaces the allocation it names (it never adds to it), so the cap is per row.
    const minutes = r.minutes('hours', true, allocationMinutesError);
    const status = r.oneOf('status', ALLOCATION_STATUSES, 'confirmed');
    if (specialist === undefined || request === undefined || week === null || minutes === null || status === null) return null;
    ctx.keys.check(r, `${specialist}|${request.id}|${week}`, 'week');
    const skill = r.optional('skill');
    const line = demandLineFor(ctx, specialist, request.id, week, skill);
    if (line === undefined) {
      r.fail('skill', `request ${rCode} has no demand line for "${skill}" in ${week}`);
      return null;
    }
    return { specialist, request: request.id, week, minutes, status, demandLine: line?.id ?? null, note: r.optional('note') };
  },
  write(db, rows) {
    const upsert = db.prepare(`
      INSERT INTO allocations (specialist_id, request_id, week, minutes, status, demand_line_id, note)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (specialist_id, request_id, week) DO UPDATE SET
        minutes = excluded.minutes, status = excluded.status, demand_line_id = excluded.demand_line_id, note = excluded.note
      WHERE (minutes, status, demand_line_id, note) IS NOT (excluded.minutes, excluded.status, excluded.demand_line_id, excluded.note)`);
    // SQLite's DO UPDATE upsert costs about twice a plain insert per new row (tests/bench).
    // Into a plan without allocations (its first allocations file) every row is new, so a
    // plain insert is tried first; a row that does conflict still goes through the upsert,
    // so the outcome and the count are the same either way.
    const insert = db.prepare(`
      INSERT INTO allocations (specialist_id, request_id, week, minutes, status, demand_line_id, note)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (specialist_id, request_id, week) DO NOTHING`);
    const insertFirst = db.prepare('SELECT 1 FROM allocations LIMIT 1').get() === undefined;
    let n = 0;
    for (const row of rows) {
      const args = [row.specialist, row.request, row.week, row.minutes, row.status, row.demandLine, row.note] as const;
      if (insertFirst && insert.run(...args).changes === 1) n++;
      else n += upsert.run(...args).changes;
    }
    return n;
  },
};
