import type {
  AllocationStatus,
  EngineAllocation,
  EngineDemandLine,
  EngineRequest,
  EngineSpecialist,
  PlanSnapshot,
  RequestStatus,
  Stage,
  TimeOffEntry,
} from '../../../shared/domain';
import { parseWorkingDays } from '../../../shared/domain';
import type { Db } from './open';
import { readPlanMeta } from './plan-meta';

/**
 * Reads the whole plan into the engine's plain shape. Rows come back as arrays (`raw`)
 * because a large plan has a quarter of a million allocations and objects per row cost
 * more than the query itself.
 */
export function loadSnapshot(db: Db): PlanSnapshot {
  const skillRows = db.prepare('SELECT specialist_id, skill_id, level FROM specialist_skills').raw().all() as [number, number, number][];
  const skillsBySpecialist = new Map<number, Map<number, number>>();
  for (const [sid, kid, level] of skillRows) {
    let m = skillsBySpecialist.get(sid);
    if (!m) skillsBySpecialist.set(sid, (m = new Map()));
    m.set(kid, level);
  }

  const specialists: EngineSpecialist[] = (
    db
      .prepare(
        `SELECT s.id, s.code, s.name, d.name, s.weekly_minutes, s.working_days, s.hourly_rate_minor, s.calendar,
                s.start_date, s.end_date, s.active
           FROM specialists s JOIN departments d ON d.id = s.department_id`,
      )
      .raw()
      .all() as [number, string, string, string, number, string, number, string | null, string | null, string | null, number][]
  ).map(([ref, id, name, department, weeklyMinutes, workingDays, rate, calendar, startDate, endDate, active]) => {
    const days = parseWorkingDays(workingDays);
    return {
      ref,
      id,
      name,
      department,
      weeklyMinutes,
      workingDays: days.ok ? days.value : [1, 2, 3, 4, 5],
      hourlyRateMinor: rate,
      calendar,
      startDate,
      endDate,
      active: active === 1,
      skills: skillsBySpecialist.get(ref) ?? new Map(),
    };
  });

  const requests: EngineRequest[] = (
    db.prepare('SELECT id, code, title, stage, status, start_week, end_week, budget_minor, closed_week FROM requests').raw().all() as [
      number,
      string,
      string,
      Stage,
      RequestStatus,
      string,
      string,
      number | null,
      string | null,
    ][]
  ).map(([ref, id, title, stage, status, startWeek, endWeek, budgetMinor, closedWeek]) => ({
    ref,
    id,
    title,
    stage,
    status,
    startWeek,
    endWeek,
    budgetMinor,
    closedWeek,
  }));

  const demandLines: EngineDemandLine[] = (
    db
      .prepare(
        `SELECT l.id, l.request_id, l.skill_id, k.name, l.min_level, l.minutes_per_week, l.start_week, l.end_week
           FROM demand_lines l JOIN skills k ON k.id = l.skill_id`,
      )
      .raw()
      .all() as [number, number, number, string, number, number, string, string][]
  ).map(([ref, requestRef, skillRef, skillName, minLevel, minutesPerWeek, startWeek, endWeek]) => ({
    ref,
    requestRef,
    skillRef,
    skillName,
    minLevel,
    minutesPerWeek,
    startWeek,
    endWeek,
  }));

  // Iterated rather than fetched whole: no second quarter-million-row array in memory.
  // Week texts are shared, one string per week: the engine keys maps by them, and lookups
  // on one string object are much cheaper than on a quarter of a million equal copies.
  const weekTexts = new Map<string, string>();
  const allocations: EngineAllocation[] = [];
  for (const [ref, specialistRef, requestRef, rawWeek, minutes, status, demandLineRef] of db
    .prepare('SELECT id, specialist_id, request_id, week, minutes, status, demand_line_id FROM allocations')
    .raw()
    .iterate() as Iterable<[number, number, number, string, number, AllocationStatus, number | null]>) {
    let week = weekTexts.get(rawWeek);
    if (week === undefined) weekTexts.set(rawWeek, (week = rawWeek));
    allocations.push({ ref, specialistRef, requestRef, week, minutes, status, demandLineRef });
  }

  const timeOff = new Map<number, TimeOffEntry[]>();
  for (const [sid, startDate, endDate, minutesPerDay] of db
    .prepare('SELECT specialist_id, start_date, end_date, minutes_per_day FROM time_off')
    .raw()
    .all() as [number, string, string, number | null][]) {
    let list = timeOff.get(sid);
    if (!list) timeOff.set(sid, (list = []));
    list.push({ startDate, endDate, minutesPerDay });
  }

  const holidays = new Map<string, Set<string>>();
  for (const [calendar, date] of db.prepare('SELECT calendar, date FROM holidays').raw().all() as [string, string][]) {
    let set = holidays.get(calendar);
    if (!set) holidays.set(calendar, (set = new Set()));
    set.add(date);
  }

  return {
    specialists,
    requests,
    demandLines,
    allocations,
    timeOff,
    holidays,
    minorDigits: readPlanMeta(db).minorDigits,
  };
}
