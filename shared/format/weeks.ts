import { weekLabel, type IsoWeek } from '../domain';

/** "W49", "W49–W52", or with years when the span crosses one: "2026-W52–2027-W02". Both weeks included. */
export function weekSpanText(from: IsoWeek, to: IsoWeek): string {
  if (from === to) return weekLabel(from);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${from}–${to}`;
  return `${weekLabel(from)}–${weekLabel(to)}`;
}

/** The span of a sorted list of weeks, as weekSpanText writes it; "no weeks" for none. */
export function weeksSpanText(weeks: readonly IsoWeek[]): string {
  if (weeks.length === 0) return 'no weeks';
  return weekSpanText(weeks[0]!, weeks[weeks.length - 1]!);
}
