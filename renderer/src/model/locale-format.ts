// Numbers of the Reports view and its print page in a locale. Figures stay integers
// (minutes, minor units) up to the last step: the decimal is built as a string from the
// integer and Intl formats that string (V8 reads string input exactly), so no total ever
// passes through a binary fraction on its way to the screen.
import { roundDiv, weekMonday } from '../../../shared/domain';

export interface ReportFormat {
  /** Minutes as decimal hours, 2 places when not whole: 440 -> "7.33", de-DE 737040 -> "12.284". */
  hours(minutes: number): string;
  /** Minor units with the currency's digits and grouping: de-DE 1228400 -> "12.284,00" (no currency code). */
  money(minor: number): string;
  /** A whole percent: 78 -> "78%" (de-DE "78 %"); null (no capacity) -> "–". */
  pct(p: number | null): string;
  /** A count: 2000 -> "2,000". */
  int(n: number): string;
  /** An ISO week and its Monday: "2026-W50 (7 Dec 2026)". */
  week(w: string): string;
  /** An ISO week for a narrow label: "W50". */
  weekShort(w: string): string;
  /** The locale the figures are written in, for `lang` and sorting. */
  locale: string;
}

/** The sign, whole and fraction digits of `value / 10^places`, as a decimal string. */
export function scaledDecimal(value: number, places: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`a report figure must be a safe integer (got ${value})`);
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value));
  if (places === 0) return sign + digits;
  const padded = digits.padStart(places + 1, '0');
  return `${sign}${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/** Intl typings take numbers only; V8 formats a decimal string exactly (ECMA-402 Intl.NumberFormat v3). */
const formatDecimal = (nf: Intl.NumberFormat, decimal: string): string => nf.format(decimal as unknown as number);

/**
 * The formatter the Reports view and its print page share. Screens pass `undefined` (the
 * system locale); printed files pass a fixed locale so a PDF reads the same wherever it is
 * written.
 */
export function reportFormat(locale: string | undefined, minorDigits: number): ReportFormat {
  const resolved = new Intl.NumberFormat(locale).resolvedOptions().locale;
  const money = new Intl.NumberFormat(resolved, { minimumFractionDigits: minorDigits, maximumFractionDigits: minorDigits });
  const hoursWhole = new Intl.NumberFormat(resolved, { maximumFractionDigits: 0 });
  const hoursFraction = new Intl.NumberFormat(resolved, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(resolved, { style: 'percent', maximumFractionDigits: 0 });
  const integer = new Intl.NumberFormat(resolved, { maximumFractionDigits: 0 });
  // Week Mondays are UTC midnights (shared/domain/weeks): read in UTC, or a zone west of
  // Greenwich shows the Sunday before.
  const date = new Intl.DateTimeFormat(resolved, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    locale: resolved,
    hours(minutes) {
      const hundredths = roundDiv(minutes * 100, 60);
      const decimal = scaledDecimal(hundredths, 2);
      return hundredths % 100 === 0 ? formatDecimal(hoursWhole, decimal) : formatDecimal(hoursFraction, decimal);
    },
    money: (minor) => formatDecimal(money, scaledDecimal(minor, minorDigits)),
    pct: (p) => (p === null ? '–' : formatDecimal(percent, scaledDecimal(p, 2))),
    int: (n) => formatDecimal(integer, scaledDecimal(n, 0)),
    week: (w) => `${w} (${date.format(weekMonday(w))})`,
    weekShort: (w) => w.slice(5),
  };
}
