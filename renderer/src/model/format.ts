// Display helpers. Numbers that carry a rule (hours, money, utilization, budget state)
// come from shared/domain; this file only decides how they read on screen.
import { formatMoneyGrouped, percent, utilizationText, weekMonday, addIsoWeeks, type IsoWeek } from '../../../shared/domain';
import { hoursShort, weekSpanText } from '../../../shared/format';
import type { DemandCoverage } from '../../../shared/api';

/** Hours as people read them: 960 -> "16", 440 -> "7.33" (shared/format's hoursShort). */
export const hoursText = hoursShort;
export { weekSpanText };

export function moneyText(minor: number, minorDigits: number, currency: string): string {
  return `${formatMoneyGrouped(minor, minorDigits)} ${currency}`;
}

// Week dates are UTC midnights (shared/domain/weeks): read them in UTC, or a zone west of
// Greenwich shows the Monday as the Sunday before.
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Whole numbers (counts) in the system locale. */
export function countText(n: number): string {
  return integer.format(n);
}

/** The calendar dates a week range covers, Monday of the first to Sunday of the last, in the system locale. */
export function weekDatesText(from: IsoWeek, to: IsoWeek): string {
  const start = weekMonday(from);
  const end = new Date(weekMonday(addIsoWeeks(to, 1)).getTime() - 12 * 3600 * 1000);
  const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
  return `${(sameYear ? dayMonth : dayMonthYear).format(start)} – ${dayMonthYear.format(end)}`;
}

/** "2026-W49 (30 Nov 2026)": the week and its Monday. */
export function weekTitle(week: IsoWeek): string {
  return `${week} (${dayMonthYear.format(weekMonday(week))})`;
}

/** "30 Nov": the Monday of a week, for a column or an option. */
export function weekMondayText(week: IsoWeek): string {
  return dayMonth.format(weekMonday(week));
}

/**
 * How full a specialist's week is, one reading for the panel and the timeline: `free` has
 * nothing booked, `available` has room, `busy` is nearly full, `full` has none left. The
 * thresholds are presentation only; the over-allocation rule is the flag's.
 */
export type LoadBand = 'free' | 'available' | 'busy' | 'full' | 'over' | 'none';

/** From this utilization on a week reads as nearly full, on the panel and the timeline alike. */
export const NEARLY_FULL_PCT = 80;

export function loadBand(allocated: number, capacity: number): LoadBand {
  if (allocated > capacity) return 'over';
  if (capacity === 0) return 'none';
  if (allocated === 0) return 'free';
  if (allocated === capacity) return 'full';
  return (percent(allocated, capacity) ?? 0) >= NEARLY_FULL_PCT ? 'busy' : 'available';
}

export const LOAD_BAND_TEXT: Record<LoadBand, string> = {
  free: 'free',
  available: 'available',
  busy: 'nearly full',
  full: 'fully booked',
  over: 'over-allocated',
  none: 'no capacity',
};

export interface WeekLoadView {
  free: number;
  band: LoadBand;
  /** Share of the week still free, 0..1, for the bar's height. */
  freeShare: number;
  utilization: string;
}

export function weekLoad(allocated: number, capacity: number): WeekLoadView {
  const band = loadBand(allocated, capacity);
  const utilization = utilizationText(allocated, capacity);
  if (band === 'over') return { free: capacity - allocated, band, freeShare: 1, utilization };
  if (band === 'none') return { free: 0, band, freeShare: 0, utilization };
  return { free: capacity - allocated, band, freeShare: (capacity - allocated) / capacity, utilization };
}

export interface CoverageView {
  /** "PostgreSQL L3+ 16 h/wk: 8 of 16 h" */
  text: string;
  /** The least-covered visible week, which the served/demanded numbers describe. */
  week: IsoWeek | null;
  /** True when every visible week of the line has the same coverage. */
  uniform: boolean;
  /** Worth naming the week: it falls short and others do not fall short the same way. */
  showWeek: boolean;
  state: 'covered' | 'partial' | 'empty' | 'none';
  weeks: { week: IsoWeek; served: number; demanded: number; state: 'covered' | 'partial' | 'empty' }[];
}

/**
 * Coverage of a demand line over the visible weeks, read per week: the numbers are those of
 * its least-covered week, because unfilled demand is a weekly fact (one flag per week) and
 * "8 of 16 h" against "16 h/wk" compares like with like.
 */
export function coverageView(line: DemandCoverage): CoverageView {
  const head = `${line.skill} L${line.minLevel}+ ${hoursText(line.minutesPerWeek)} h/wk`;
  const weeks = line.weeks.map((w) => ({
    ...w,
    state: (w.served >= w.demanded ? 'covered' : w.served > 0 ? 'partial' : 'empty') as 'covered' | 'partial' | 'empty',
  }));
  if (weeks.length === 0) return { text: `${head}: not in these weeks`, week: null, uniform: true, showWeek: false, state: 'none', weeks };
  let worst = weeks[0]!;
  for (const w of weeks) if (w.demanded - w.served > worst.demanded - worst.served) worst = w;
  const uniform = weeks.every((w) => w.served === worst.served && w.demanded === worst.demanded);
  return {
    text: `${head}: ${hoursText(worst.served)} of ${hoursText(worst.demanded)} h`,
    week: worst.week,
    uniform,
    showWeek: !uniform && worst.state !== 'covered',
    state: worst.state,
    weeks,
  };
}
