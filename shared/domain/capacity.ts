import { roundDiv } from './rounding';
import { isoDayOfWeek, weekDates, type IsoDate, type IsoWeek } from './weeks';

/** What capacity depends on for one specialist (domain.md, Capacity). */
export interface CapacityProfile {
  weeklyMinutes: number;
  /** ISO day numbers, 1 = Monday .. 7 = Sunday. */
  workingDays: readonly number[];
  startDate: IsoDate | null;
  endDate: IsoDate | null;
}

export interface TimeOffEntry {
  startDate: IsoDate;
  endDate: IsoDate;
  /** null = full days off; otherwise minutes off on each day of the entry. */
  minutesPerDay: number | null;
}

export interface WeekCapacity {
  /** Capacity in whole minutes. */
  minutes: number;
  /** Available days A(w). */
  availableDays: number;
  /** Days lost to holidays of the specialist's calendar (working days inside employment). */
  holidayDays: number;
  /** Days lost to full-day time off. */
  timeOffDays: number;
}

const weekDatesCache = new Map<IsoWeek, { date: IsoDate; isoDay: number }[]>();

function daysOf(week: IsoWeek): { date: IsoDate; isoDay: number }[] {
  let days = weekDatesCache.get(week);
  if (!days) {
    days = weekDates(week).map((date) => ({ date, isoDay: isoDayOfWeek(date) }));
    weekDatesCache.set(week, days);
  }
  return days;
}

/**
 * capacity(w) = max(0, round(D × A(w) − P(w))) with D = M / N.
 * Computed in N-ths of a minute so the fractional daily minutes never round early.
 */
export function weekCapacity(
  profile: CapacityProfile,
  week: IsoWeek,
  timeOff: readonly TimeOffEntry[],
  holidays: ReadonlySet<IsoDate> | undefined,
): WeekCapacity {
  const n = profile.workingDays.length;
  const result: WeekCapacity = { minutes: 0, availableDays: 0, holidayDays: 0, timeOffDays: 0 };
  if (n === 0 || profile.weeklyMinutes <= 0) return result;
  const m = profile.weeklyMinutes;
  const days = daysOf(week);
  const first = days[0]!.date;
  const last = days[6]!.date;
  const overlapping = timeOff.filter((t) => t.startDate <= last && t.endDate >= first);

  let partialNths = 0;
  for (const { date, isoDay } of days) {
    if (!profile.workingDays.includes(isoDay)) continue;
    if (profile.startDate !== null && date < profile.startDate) continue;
    if (profile.endDate !== null && date > profile.endDate) continue;
    if (holidays?.has(date)) {
      result.holidayDays++;
      continue;
    }
    let fullDay = false;
    let partial = 0;
    for (const t of overlapping) {
      if (date < t.startDate || date > t.endDate) continue;
      if (t.minutesPerDay === null) fullDay = true;
      else partial += t.minutesPerDay;
    }
    if (fullDay) {
      result.timeOffDays++;
      continue;
    }
    result.availableDays++;
    // min(D, partial) in N-ths: min(M, partial × N).
    partialNths += Math.min(m, partial * n);
  }
  result.minutes = Math.max(0, roundDiv(m * result.availableDays - partialNths, n));
  return result;
}

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];
const FULL_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

/** "Mon,Tue,Wed" -> [1,2,3]; null with a message for an unknown day name. */
export function parseWorkingDays(text: string): { ok: true; value: number[] } | { ok: false; error: string } {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: true, value: [...DEFAULT_WORKING_DAYS] };
  const days = new Set<number>();
  for (const p of parts) {
    const lower = p.toLowerCase();
    const idx = WEEKDAY_NAMES.findIndex((d, i) => d.toLowerCase() === lower || FULL_DAY_NAMES[i] === lower);
    if (idx < 0) return { ok: false, error: `"${p}" is not a day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)` };
    days.add(idx + 1);
  }
  return { ok: true, value: [...days].sort((a, b) => a - b) };
}

export function formatWorkingDays(days: readonly number[]): string {
  return days.map((d) => WEEKDAY_NAMES[d - 1]).join(',');
}
