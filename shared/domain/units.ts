import { roundDiv } from './rounding';

/** Result of parsing user input: a value, or a message saying what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Parses a decimal with at most `maxPlaces` places into an integer scaled by 10^maxPlaces.
 * More places is an input error, never a silent rounding (domain.md, Units and exactness).
 */
export function parseScaledDecimal(text: string, maxPlaces = 2): Parsed<number> {
  const trimmed = text.trim();
  const m = DECIMAL.exec(trimmed);
  if (!m) return { ok: false, error: `"${text}" is not a number (use digits and a "." for decimals)` };
  const [, sign, whole = '', frac = ''] = m;
  if (frac.length > maxPlaces) {
    return { ok: false, error: `"${text}" has more than ${maxPlaces} decimal places` };
  }
  const scaled = Number(whole + frac.padEnd(maxPlaces, '0'));
  if (!Number.isSafeInteger(scaled)) return { ok: false, error: `"${text}" is too large` };
  return { ok: true, value: sign === '-' ? -scaled : scaled };
}

/** Hours as typed (e.g. "7.33") to whole minutes: 7.33 h -> 439.8 -> 440 min. */
export function parseHours(text: string): Parsed<number> {
  const hundredths = parseScaledDecimal(text, 2);
  if (!hundredths.ok) return hundredths;
  return { ok: true, value: roundDiv(hundredths.value * 60, 100) };
}

/**
 * Money as typed (at most 2 decimal places, e.g. "12000.01") to integer minor units of a
 * currency with `minorDigits`: EUR cents, JPY yen (so "6250.50" is an error there), BHD fils.
 */
export function parseMoney(text: string, minorDigits = 2): Parsed<number> {
  const hundredths = parseScaledDecimal(text, 2);
  if (!hundredths.ok) return hundredths;
  if (minorDigits >= 2) return { ok: true, value: hundredths.value * 10 ** (minorDigits - 2) };
  const step = 10 ** (2 - minorDigits);
  if (hundredths.value % step !== 0) {
    return { ok: false, error: `"${text}" has more decimal places than the plan's currency uses (${minorDigits})` };
  }
  return { ok: true, value: hundredths.value / step };
}

/** Minutes written back as decimal hours with 2 places: 440 -> "7.33". */
export function formatHours(minutes: number): string {
  const hundredths = roundDiv(minutes * 100, 60);
  return formatScaled(hundredths, 2);
}

/** Minutes as h:mm for flag details: 2640 -> "44:00". */
export function formatClock(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h}:${String(m).padStart(2, '0')}`;
}

/** Minor units written with the currency's minor digits and no grouping: 45833 -> "458.33". */
export function formatMoney(minor: number, minorDigits = 2): string {
  return formatScaled(minor, minorDigits);
}

/** Money for people: thousands grouped with "," (flag details, PDF), 1200001 -> "12,000.01". */
export function formatMoneyGrouped(minor: number, minorDigits = 2): string {
  const plain = formatScaled(minor, minorDigits);
  const [intPart = '', frac] = plain.split('.');
  const sign = intPart.startsWith('-') ? '-' : '';
  const digits = sign ? intPart.slice(1) : intPart;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}

function formatScaled(value: number, places: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (places === 0) return `${sign}${abs}`;
  const scale = 10 ** places;
  const whole = Math.floor(abs / scale);
  const frac = abs - whole * scale;
  return `${sign}${whole}.${String(frac).padStart(places, '0')}`;
}

/** Cost of minutes at an hourly rate in minor units: round(minutes × rate / 60). */
export function allocationCost(minutes: number, hourlyRateMinor: number): number {
  return roundDiv(minutes * hourlyRateMinor, 60);
}
