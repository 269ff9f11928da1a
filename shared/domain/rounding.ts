/**
 * Integer division rounded half away from zero: the one rounding rule of domain.md.
 * Works on exact integers so no total ever passes through a binary fraction.
 */
export function roundDiv(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`roundDiv needs safe integers and a non-zero denominator (got ${numerator}/${denominator})`);
  }
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const q = Math.floor(n / d);
  const r = n - q * d;
  const rounded = r * 2 >= d ? q + 1 : q;
  return negative && rounded !== 0 ? -rounded : rounded;
}

/** Percentage of part in whole, rounded half away from zero; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : roundDiv(part * 100, whole);
}
