import { DEFAULT_WORKING_DAYS, formatWorkingDays, parseWorkingDays } from '../../../../shared/domain';
import { readPlanMeta } from '../../db/plan-meta';
import { ensureSkill, skillIds } from './lookups';
import type { ImportKindSpec } from './types';
import { KeyTracker } from '../rows';

interface Row {
  code: string;
  name: string;
  department: string;
  role: string | null;
  weeklyMinutes: number;
  workingDays: string;
  rateMinor: number;
  calendar: string | null;
  skills: { name: string; level: number }[] | null;
  email: string | null;
  startDate: string | null;
  endDate: string | null;
}

interface Ctx {
  minorDigits: number;
  keys: KeyTracker;
}

export const specialistsKind: ImportKindSpec<Ctx, Row> = {
  kind: 'specialists',
  columns: [
    { name: 'id', required: true, aliases: ['specialist_id'] },
    { name: 'name', required: true },
    { name: 'department', required: true },
    { name: 'role' },
    { name: 'weekly_hours', required: true },
    { name: 'working_days' },
    { name: 'hourly_rate', required: true },
    { name: 'calendar' },
    { name: 'skills' },
    { name: 'email' },
    { name: 'start_date' },
    { name: 'end_date' },
  ],
  prepare: (db) => ({ minorDigits: readPlanMeta(db).minorDigits, keys: new KeyTracker() }),
  parse(r, ctx) {
    const code = r.required('id');
    if (code !== null) ctx.keys.check(r, code, 'id');
    const name = r.required('name');
    const department = r.required('department');
    const weeklyMinutes = r.minutes('weekly_hours', true, (m) => (m <= 0 || m > 80 * 60 ? 'must be more than 0 and at most 80' : null));
    const rateMinor = r.money('hourly_rate', ctx.minorDigits, true);
    let workingDays = formatWorkingDays(DEFAULT_WORKING_DAYS);
    const daysText = r.optional('working_days');
    if (daysText !== null) {
      const days = parseWorkingDays(daysText);
      if (!days.ok) r.fail('working_days', days.error);
      else if (days.value.length === 0) r.fail('working_days', 'names no day');
      else workingDays = formatWorkingDays(days.value);
    }
    const skills = r.has('skills') ? parseSkills(r.text('skills'), (m) => r.fail('skills', m)) : null;
    const startDate = r.date('start_date', false);
    const endDate = r.date('end_date', false);
    if (startDate && endDate && startDate > endDate) r.fail('end_date', `${endDate} is before start_date ${startDate}`);
    if (code === null || name === null || department === null || weeklyMinutes === null || rateMinor === null || skills === undefined) {
      return null;
    }
    return {
      code,
      name,
      department,
      role: r.optional('role'),
      weeklyMinutes,
      workingDays,
      rateMinor,
      calendar: r.optional('calendar'),
      skills,
      email: r.optional('email'),
      startDate,
      endDate,
    };
  },
  write(db, rows) {
    const deptIds = new Map(
      (db.prepare('SELECT name, id FROM departments').raw().all() as [string, number][]).map(([n, id]) => [n.toLowerCase(), id]),
    );
    const addDept = db.prepare('INSERT INTO departments (name) VALUES (?)');
    const skills = skillIds(db);
    const upsert = db.prepare(`
      INSERT INTO specialists (code, name, department_id, role, email, weekly_minutes, working_days, hourly_rate_minor, calendar, start_date, end_date)
      VALUES (@code, @name, @dept, @role, @email, @weeklyMinutes, @workingDays, @rateMinor, @calendar, @startDate, @endDate)
      ON CONFLICT (code) DO UPDATE SET
        name = excluded.name, department_id = excluded.department_id, role = excluded.role, email = excluded.email,
        weekly_minutes = excluded.weekly_minutes, working_days = excluded.working_days,
        hourly_rate_minor = excluded.hourly_rate_minor, calendar = excluded.calendar,
        start_date = excluded.start_date, end_date = excluded.end_date
      WHERE (name, department_id, role, email, weekly_minutes, working_days, hourly_rate_minor, calendar, start_date, end_date)
         IS NOT (excluded.name, excluded.department_id, excluded.role, excluded.email, excluded.weekly_minutes,
                 excluded.working_days, excluded.hourly_rate_minor, excluded.calendar, excluded.start_date, excluded.end_date)`);
    const idOf = db.prepare('SELECT id FROM specialists WHERE code = ?');
    const currentSkills = db.prepare('SELECT skill_id, level FROM specialist_skills WHERE specialist_id = ? ORDER BY skill_id');
    const clearSkills = db.prepare('DELETE FROM specialist_skills WHERE specialist_id = ?');
    const addSkill = db.prepare('INSERT INTO specialist_skills (specialist_id, skill_id, level) VALUES (?, ?, ?)');
    let count = 0;
    for (const row of rows) {
      const key = row.department.toLowerCase();
      let dept = deptIds.get(key);
      if (dept === undefined) {
        dept = Number(addDept.run(row.department).lastInsertRowid);
        deptIds.set(key, dept);
      }
      let rowChanged = upsert.run({ ...row, dept }).changes > 0;
      if (row.skills !== null) {
        const id = (idOf.get(row.code) as { id: number }).id;
        const wanted = row.skills
          .map((s) => ({ skill: ensureSkill(db, skills, s.name), level: s.level }))
          .sort((a, b) => a.skill - b.skill);
        const have = currentSkills.all(id) as { skill_id: number; level: number }[];
        const same = have.length === wanted.length && have.every((h, i) => h.skill_id === wanted[i]!.skill && h.level === wanted[i]!.level);
        if (!same) {
          clearSkills.run(id);
          for (const w of wanted) addSkill.run(id, w.skill, w.level);
          rowChanged = true;
        }
      }
      if (rowChanged) count++;
    }
    return count;
  },
};

/** "PostgreSQL:4;Linux:3" -> skills with levels; undefined after reporting what is wrong. */
export function parseSkills(text: string, fail: (message: string) => void): { name: string; level: number }[] | undefined {
  const out = new Map<string, { name: string; level: number }>();
  let ok = true;
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.+?)\s*:\s*(\d+)$/.exec(part);
    if (!m) {
      fail(`"${part}" is not skill:level (e.g. PostgreSQL:4)`);
      ok = false;
      continue;
    }
    const level = Number(m[2]);
    if (level < 1 || level > 5) {
      fail(`"${part}": level must be 1 to 5`);
      ok = false;
      continue;
    }
    const name = m[1]!.trim();
    if (out.has(name.toLowerCase())) {
      fail(`"${name}" is listed twice`);
      ok = false;
      continue;
    }
    out.set(name.toLowerCase(), { name, level });
  }
  return ok ? [...out.values()] : undefined;
}
