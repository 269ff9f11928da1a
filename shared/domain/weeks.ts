import {
  addDays,
  addWeeks,
  differenceInCalendarISOWeeks,
  format,
  getISODay,
  getISOWeek,
  getISOWeekYear,
  getISOWeeksInYear,
  isValid,
  parse,
  setISOWeek,
  startOfISOWeek,
} from 'date-fns';
import { UTCDate } from '@date-fns/utc';

/*
 * Every Date here is a UTCDate: week and day arithmetic must not depend on the machine's
 * time zone (a zone that skipped a day, as Samoa did in 2011, would lose a date otherwise).
 */

/** An ISO 8601 week written `YYYY-Www`, e.g. `2026-W53`. */
export type IsoWeek = string;
/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-Www` week; null with no message when the text is not one. */
export function parseWeek(text: string): { year: number; week: number } | null {
  const m = WEEK_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000) return null;
  const week = Number(m[2]);
  if (week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

/** Why a week text is not valid, or null when it is. */
export function weekError(text: string): string | null {
  const m = WEEK_RE.exec(text);
  if (!m) return `"${text}" is not a week (write YYYY-Www, e.g. 2026-W48)`;
  const year = Number(m[1]);
  if (year < 1000) return `"${text}": years before 1000 are not supported`;
  const week = Number(m[2]);
  const max = weeksInYear(year);
  if (week < 1 || week > max) return `"${text}": ${year} has weeks 1 to ${max}`;
  return null;
}

export function isWeek(text: string): boolean {
  return parseWeek(text) !== null;
}

export function weeksInYear(isoYear: number): number {
  // 4 January always lies in ISO week 1 of its year.
  return getISOWeeksInYear(new UTCDate(isoYear, 0, 4));
}

export function formatWeek(year: number, week: number): IsoWeek {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week, as a UTC date at midnight. */
export function weekMonday(week: IsoWeek): Date {
  const p = parseWeek(week);
  if (!p) throw new RangeError(weekError(week) ?? `bad week ${week}`);
  return startOfISOWeek(setISOWeek(new UTCDate(p.year, 0, 4), p.week));
}

export function weekOfDate(date: Date): IsoWeek {
  return formatWeek(getISOWeekYear(date), getISOWeek(date));
}

export function weekOfIsoDate(date: IsoDate): IsoWeek {
  return weekOfDate(parseIsoDate(date));
}

export function addIsoWeeks(week: IsoWeek, n: number): IsoWeek {
  return weekOfDate(addWeeks(weekMonday(week), n));
}

/** Number of weeks from `a` to `b` (negative when b is before a). */
export function weeksBetween(a: IsoWeek, b: IsoWeek): number {
  return differenceInCalendarISOWeeks(weekMonday(b), weekMonday(a));
}

/**
 * Why from..to (both included) is not a span of at most `maxWeeks` weeks, or null when it
 * is: the week range of the screen and of an assignment are checked alike.
 */
export function weekSpanError(from: string, to: string, maxWeeks: number): string | null {
  const fromError = from === '' ? 'the week is empty' : weekError(from);
  if (fromError) return `From: ${fromError}.`;
  const toError = to === '' ? 'the week is empty' : weekError(to);
  if (toError) return `To: ${toError}.`;
  if (from > to) return 'The first week must not be after the last week.';
  if (weeksBetween(from, to) + 1 > maxWeeks) return `At most ${maxWeeks} weeks at a time.`;
  return null;
}

const weekRangeMemo = new Map<string, readonly IsoWeek[]>();

/** Every week from `from` to `to`, both included; empty when from is after to. */
export function weekRange(from: IsoWeek, to: IsoWeek): IsoWeek[] {
  // Flags ask for the same few ranges once per demand line (thousands on a large plan):
  // the date-fns arithmetic runs once per range, and every caller gets its own copy.
  const key = `${from}|${to}`;
  let weeks = weekRangeMemo.get(key);
  if (!weeks) {
    const n = weeksBetween(from, to);
    const monday = weekMonday(from);
    const out: IsoWeek[] = [];
    for (let i = 0; i <= n; i++) out.push(weekOfDate(addWeeks(monday, i)));
    if (weekRangeMemo.size >= 10_000) weekRangeMemo.clear();
    weekRangeMemo.set(key, out);
    weeks = out;
  }
  return weeks.slice();
}

/** The seven dates (Mon..Sun) of an ISO week. */
export function weekDates(week: IsoWeek): IsoDate[] {
  const monday = weekMonday(week);
  return Array.from({ length: 7 }, (_, i) => formatIsoDate(addDays(monday, i)));
}

/** The ISO week of the user's local today. */
export function currentWeek(now: Date = new Date()): IsoWeek {
  return weekOfDate(new UTCDate(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** Short label for a week: "W49". */
export function weekLabel(week: IsoWeek): string {
  return week.slice(5);
}

export function parseIsoDate(text: string): Date {
  const d = parse(text, 'yyyy-MM-dd', new UTCDate(2000, 0, 1));
  if (!DATE_RE.test(text) || !isValid(d)) throw new RangeError(`"${text}" is not a date (write YYYY-MM-DD)`);
  return d;
}

export function dateError(text: string): string | null {
  if (!DATE_RE.test(text)) return `"${text}" is not a date (write YYYY-MM-DD)`;
  const d = parse(text, 'yyyy-MM-dd', new UTCDate(2000, 0, 1));
  if (!isValid(d) || formatIsoDate(d) !== text) return `"${text}" is not a real date`;
  return null;
}

export function formatIsoDate(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

/** ISO day of week of a date: 1 = Monday .. 7 = Sunday. */
export function isoDayOfWeek(date: IsoDate): number {
  return getISODay(parseIsoDate(date));
}
