/**
 * A deliberately naive reference model of domain.md, written independently of the engine
 * in shared/domain (only its types are imported). Dates are UTC day numbers stepped one
 * day at a time, ISO weeks come from the textbook Thursday rule, capacity is computed in
 * exact BigInt fractions and rounding half away from zero is done on BigInts.
 * Slow on purpose: it is a yardstick for property tests, not production code.
 */
import type { CapacityProfile, TimeOffEntry } from '../../shared/domain/capacity';
import type { PlanSnapshot } from '../../shared/domain/model';

// ---------------------------------------------------------------------------------------
// Rounding and exact fractions
// ---------------------------------------------------------------------------------------

/** round(num / den) half away from zero, on BigInts. */
export function refRoundBig(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = abs / den; // BigInt division truncates; abs >= 0 so this is the floor
  const rem = abs - q * den;
  const rounded = 2n * rem >= den ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** round(num / den) half away from zero for JS integers, via BigInt. */
export function refRoundDiv(num: number, den: number): number {
  return Number(refRoundBig(BigInt(num), BigInt(den)));
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** An exact rational number with a positive denominator, always reduced. */
export class Frac {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint | number, d: bigint | number = 1n) {
    let nn = BigInt(n);
    let dd = BigInt(d);
    if (dd === 0n) throw new RangeError('zero denominator');
    if (dd < 0n) {
      nn = -nn;
      dd = -dd;
    }
    const g = gcd(nn, dd) || 1n;
    this.n = nn / g;
    this.d = dd / g;
  }
  add(o: Frac): Frac {
    return new Frac(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Frac): Frac {
    return new Frac(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Frac): Frac {
    return new Frac(this.n * o.n, this.d * o.d);
  }
  cmp(o: Frac): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  min(o: Frac): Frac {
    return this.cmp(o) <= 0 ? this : o;
  }
  /** Rounded half away from zero to an integer. */
  round(): number {
    return Number(refRoundBig(this.n, this.d));
  }
}

// ---------------------------------------------------------------------------------------
// Dates as UTC day numbers, ISO weeks by the Thursday rule
// ---------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`bad date ${text}`);
  const dn = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  if (formatDay(dn) !== text) throw new RangeError(`not a real date ${text}`);
  return dn;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function formatDay(dn: number): string {
  const d = new Date(dn * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** 1 = Monday .. 7 = Sunday. */
export function isoWeekday(dn: number): number {
  const js = new Date(dn * MS_PER_DAY).getUTCDay(); // 0 = Sunday
  return js === 0 ? 7 : js;
}

export interface RefWeek {
  year: number;
  week: number;
}

/**
 * Textbook ISO week: the week belongs to the year of its Thursday, and is numbered by how
 * many Thursdays of that year precede or equal it.
 */
export function isoWeekOfDay(dn: number): RefWeek {
  const thursday = dn + (4 - isoWeekday(dn));
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = dayNumber(year, 1, 1);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

export const formatRefWeek = (w: RefWeek): string => `${pad(w.year, 4)}-W${pad(w.week, 2)}`;

export function parseRefWeek(text: string): RefWeek {
  const m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`bad week ${text}`);
  return { year: Number(m[1]), week: Number(m[2]) };
}

/** Numeric order of weeks (year first, then week), not string order. */
export function compareRefWeeks(a: string, b: string): number {
  const x = parseRefWeek(a);
  const y = parseRefWeek(b);
  return x.year !== y.year ? x.year - y.year : x.week - y.week;
}

export function refWeekOfDate(date: string): string {
  return formatRefWeek(isoWeekOfDay(parseDay(date)));
}

/** Number of ISO weeks of an ISO year: week number of the last Thursday-carrying week. */
export function refWeeksInYear(year: number): number {
  // Walk back from 31 December to the last day whose week belongs to `year`.
  let dn = dayNumber(year, 12, 31);
  for (;;) {
    const w = isoWeekOfDay(dn);
    if (w.year === year) return w.week;
    dn--;
  }
}

/** Day numbers of the 7 days of a week, found by walking the days around the year. */
export function refWeekDays(week: string): number[] {
  const target = parseRefWeek(week);
  const out: number[] = [];
  // An ISO year's weeks all lie between 29 Dec of the year before and 3 Jan of the next.
  const first = dayNumber(target.year - 1, 12, 20);
  const last = dayNumber(target.year + 1, 1, 10);
  for (let dn = first; dn <= last; dn++) {
    const w = isoWeekOfDay(dn);
    if (w.year === target.year && w.week === target.week) out.push(dn);
  }
  if (out.length !== 7) throw new RangeError(`week ${week} does not exist`);
  return out;
}

export function refWeekDates(week: string): string[] {
  return refWeekDays(week).map(formatDay);
}

export function refAddWeeks(week: string, n: number): string {
  const monday = refWeekDays(week)[0]!;
  return formatRefWeek(isoWeekOfDay(monday + 7 * n));
}

/** Every week from `from` to `to` (both included) by stepping one day at a time. */
export function refWeekRange(from: string, to: string): string[] {
  if (compareRefWeeks(from, to) > 0) return [];
  const start = refWeekDays(from)[0]!;
  const end = refWeekDays(to)[6]!;
  const out: string[] = [];
  for (let dn = start; dn <= end; dn++) {
    const w = formatRefWeek(isoWeekOfDay(dn));
    if (out[out.length - 1] !== w) out.push(w);
  }
  return out;
}

export function refWeeksBetween(a: string, b: string): number {
  return (refWeekDays(b)[0]! - refWeekDays(a)[0]!) / 7;
}

// ---------------------------------------------------------------------------------------
// Capacity, day by day
// ---------------------------------------------------------------------------------------

export function refCapacity(
  profile: CapacityProfile,
  week: string,
  timeOff: readonly TimeOffEntry[],
  holidays: ReadonlySet<string> | undefined,
): number {
  const workingDays = new Set(profile.workingDays);
  const n = workingDays.size;
  if (n === 0 || profile.weeklyMinutes <= 0) return 0;
  const D = new Frac(profile.weeklyMinutes, n);
  let available = 0;
  let P = new Frac(0);
  for (const dn of refWeekDays(week)) {
    if (!workingDays.has(isoWeekday(dn))) continue;
    if (profile.startDate !== null && dn < parseDay(profile.startDate)) continue;
    if (profile.endDate !== null && dn > parseDay(profile.endDate)) continue;
    if (holidays !== undefined && holidays.has(formatDay(dn))) continue;
    let fullDay = false;
    let partial = 0;
    for (const t of timeOff) {
      if (dn < parseDay(t.startDate) || dn > parseDay(t.endDate)) continue;
      if (t.minutesPerDay === null) fullDay = true;
      else partial += t.minutesPerDay;
    }
    if (fullDay) continue;
    available++;
    P = P.add(D.min(new Frac(partial)));
  }
  const exact = D.mul(new Frac(available)).sub(P);
  return Math.max(0, exact.round());
}

// ---------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------

/** Hours text with at most 2 places -> minutes rounded half away; null when invalid. */
export function refParseHours(text: string): number | null {
  const m = /^\s*([+-]?)(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > 2) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  const num = sign * BigInt(m[2]! + frac); // value = num / 10^places
  const den = 10n ** BigInt(frac.length);
  return Number(refRoundBig(num * 60n, den));
}

/** Minutes as hours with two places, e.g. 440 -> "7.33". */
export function refFormatHours(minutes: number): string {
  const hundredths = refRoundBig(BigInt(minutes) * 100n, 60n);
  const neg = hundredths < 0n;
  const abs = neg ? -hundredths : hundredths;
  const s = abs.toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

export function refAllocationCost(minutes: number, rateMinor: number): number {
  return refRoundDiv(minutes * rateMinor, 60);
}

export function refClock(minutes: number): string {
  const neg = minutes < 0;
  const abs = Math.abs(minutes);
  return `${neg ? '-' : ''}${Math.trunc(abs / 60)}:${pad(abs % 60, 2)}`;
}

// ---------------------------------------------------------------------------------------
// Flags and utilization
// ---------------------------------------------------------------------------------------

export interface RefFlagKey {
  kind: string;
  week: string | null;
  specialistId: string | null;
  requestId: string | null;
}

export interface RefPlanResult {
  flags: RefFlagKey[];
  /** `${specialistRef}|${week}` -> allocated minutes */
  load: Map<string, number>;
  capacity: (specialistRef: number, week: string) => number;
  requestCost: Map<number, number>;
}

const OPEN = new Set(['submitted', 'approved']);

export function refPlan(plan: PlanSnapshot): RefPlanResult {
  const specialists = new Map(plan.specialists.map((s) => [s.ref, s]));
  const requests = new Map(plan.requests.map((r) => [r.ref, r]));
  const lines = new Map(plan.demandLines.map((l) => [l.ref, l]));

  const capacity = (ref: number, week: string): number => {
    const s = specialists.get(ref)!;
    const holidays = s.calendar === null ? undefined : plan.holidays.get(s.calendar);
    return refCapacity(s, week, plan.timeOff.get(ref) ?? [], holidays);
  };

  const load = new Map<string, number>();
  for (const a of plan.allocations) {
    const k = `${a.specialistRef}|${a.week}`;
    load.set(k, (load.get(k) ?? 0) + a.minutes);
  }

  const requestCost = new Map<number, number>();
  for (const r of plan.requests) {
    let cost = 0;
    for (const a of plan.allocations) {
      if (a.requestRef !== r.ref) continue;
      cost += refAllocationCost(a.minutes, specialists.get(a.specialistRef)!.hourlyRateMinor);
    }
    requestCost.set(r.ref, cost);
  }

  const flags: RefFlagKey[] = [];

  for (const [k, allocated] of load) {
    const [refText, week] = k.split('|') as [string, string];
    const ref = Number(refText);
    if (allocated > capacity(ref, week)) {
      flags.push({ kind: 'over_allocation', week, specialistId: specialists.get(ref)!.id, requestId: null });
    }
  }

  for (const r of plan.requests) {
    if (r.budgetMinor === null) continue;
    const cost = requestCost.get(r.ref)!;
    const budget = r.budgetMinor;
    // 90% of budget compared exactly: cost >= 0.9 * budget  <=>  10 * cost >= 9 * budget.
    if (cost > budget) flags.push({ kind: 'cost_overrun', week: null, specialistId: null, requestId: r.id });
    else if (BigInt(cost) * 10n >= BigInt(budget) * 9n)
      flags.push({ kind: 'cost_at_risk', week: null, specialistId: null, requestId: r.id });
  }

  for (const a of plan.allocations) {
    const s = specialists.get(a.specialistRef)!;
    const r = requests.get(a.requestRef)!;
    const base = { week: a.week, specialistId: s.id, requestId: r.id };
    const line = a.demandLineRef === null ? undefined : lines.get(a.demandLineRef);
    if (line) {
      const level = s.skills.get(line.skillRef) ?? 0;
      if (level < line.minLevel) flags.push({ kind: 'skill_mismatch', ...base });
    }
    if (compareRefWeeks(a.week, r.startWeek) < 0 || compareRefWeeks(a.week, r.endWeek) > 0) {
      flags.push({ kind: 'outside_window', ...base });
    }
    if (a.minutes > 0 && capacity(s.ref, a.week) === 0) flags.push({ kind: 'leave_conflict', ...base });
  }

  for (const line of plan.demandLines) {
    const r = requests.get(line.requestRef);
    if (!r || !OPEN.has(r.status)) continue;
    for (const week of refWeekRange(line.startWeek, line.endWeek)) {
      let served = 0;
      for (const a of plan.allocations) if (a.demandLineRef === line.ref && a.week === week) served += a.minutes;
      if (served < line.minutesPerWeek) flags.push({ kind: 'unfilled_demand', week, specialistId: null, requestId: r.id });
    }
  }

  return { flags, load, capacity, requestCost };
}

export interface RefUtilizationRow {
  specialistId: string;
  week: string;
  capacityMinutes: number;
  allocatedMinutes: number;
  utilizationPct: number | null;
  overAllocated: boolean;
}

export function refUtilization(plan: PlanSnapshot, from: string, to: string): RefUtilizationRow[] {
  const ref = refPlan(plan);
  const rows: RefUtilizationRow[] = [];
  for (const s of plan.specialists) {
    if (!s.active) continue;
    for (const week of refWeekRange(from, to)) {
      const cap = ref.capacity(s.ref, week);
      const allocated = ref.load.get(`${s.ref}|${week}`) ?? 0;
      rows.push({
        specialistId: s.id,
        week,
        capacityMinutes: cap,
        allocatedMinutes: allocated,
        utilizationPct: cap === 0 ? null : refRoundDiv(allocated * 100, cap),
        overAllocated: allocated > cap,
      });
    }
  }
  return rows;
}
