import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addIsoWeeks,
  allocationCost,
  computeFlags,
  costRows,
  formatHours,
  isWeek,
  parseHours,
  parseMoney,
  percent,
  REQUEST_STATUSES,
  roundDiv,
  utilizationRows,
  weekCapacity,
  weekDates,
  weekOfIsoDate,
  weekRange,
  weeksBetween,
  weeksInYear,
  type CapacityProfile,
  type EngineAllocation,
  type EngineDemandLine,
  type EngineRequest,
  type EngineSpecialist,
  type PlanSnapshot,
  type TimeOffEntry,
} from '../../shared/domain';
import {
  dayNumber,
  formatDay,
  formatRefWeek,
  isoWeekOfDay,
  refAddWeeks,
  refAllocationCost,
  refCapacity,
  refClock,
  refFormatHours,
  refParseHours,
  refPlan,
  refRoundDiv,
  refUtilization,
  refWeekDates,
  refWeekDays,
  refWeekOfDate,
  refWeekRange,
  refWeeksBetween,
  refWeeksInYear,
  type RefFlagKey,
  type RefUtilizationRow,
} from './reference-model';

// ---------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------

const dayIn = (fromYear: number, toYear: number) => fc.integer({ min: dayNumber(fromYear, 1, 1), max: dayNumber(toYear, 12, 31) });

/** A week of 2020..2032, with the year-boundary weeks (W53 years 2020, 2026, 2032) boosted. */
const arbWeek2020to2032 = fc.oneof(
  { weight: 4, arbitrary: dayIn(2020, 2032).map((dn) => formatRefWeek(isoWeekOfDay(dn))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2020-W53',
      '2026-W53',
      '2032-W53',
      '2020-W01',
      '2021-W01',
      '2025-W01',
      '2026-W01',
      '2027-W01',
      '2032-W01',
      '2026-W52',
      '2027-W52',
    ),
  },
);

const arbWorkingDays = fc.shuffledSubarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 });
const arbWeeklyMinutes = fc.oneof(fc.integer({ min: 1, max: 4800 }), fc.constantFrom(2400, 2250, 1920, 1200, 2401, 2399, 1));
const arbPartial = fc.option(fc.integer({ min: 1, max: 600 }), { nil: null, freq: 3 });

// ---------------------------------------------------------------------------------------
// 1. Capacity
// ---------------------------------------------------------------------------------------

describe('weekCapacity against the day-by-day reference', () => {
  it('equals max(0, round(D*A - P)) computed exactly', () => {
    fc.assert(
      fc.property(
        arbWeek2020to2032,
        arbWeeklyMinutes,
        arbWorkingDays,
        fc.option(fc.integer({ min: -10, max: 14 }), { nil: null }),
        fc.option(fc.integer({ min: -10, max: 14 }), { nil: null }),
        fc.array(fc.record({ start: fc.integer({ min: -10, max: 12 }), len: fc.integer({ min: 0, max: 9 }), minutesPerDay: arbPartial }), {
          maxLength: 6,
        }),
        fc.option(fc.uniqueArray(fc.integer({ min: -3, max: 9 }), { maxLength: 5 }), { nil: undefined }),
        (week, weeklyMinutes, workingDays, startOff, endOff, offs, holidayOffs) => {
          const monday = refWeekDays(week)[0]!;
          const at = (off: number): string => formatDay(monday + off);
          const profile: CapacityProfile = {
            weeklyMinutes,
            workingDays,
            startDate: startOff === null ? null : at(startOff),
            endDate: endOff === null ? null : at(endOff),
          };
          const timeOff: TimeOffEntry[] = offs.map((t) => ({
            startDate: at(t.start),
            endDate: at(t.start + t.len),
            minutesPerDay: t.minutesPerDay,
          }));
          const holidays = holidayOffs === undefined ? undefined : new Set(holidayOffs.map(at));
          const got = weekCapacity(profile, week, timeOff, holidays).minutes;
          expect(got).toBe(refCapacity(profile, week, timeOff, holidays));
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// 2. Weeks
// ---------------------------------------------------------------------------------------

describe('ISO week functions against the Thursday-rule reference', () => {
  it('weekOfIsoDate and weekDates agree; every date of weekDates(w) maps back to w', () => {
    fc.assert(
      fc.property(dayIn(2000, 2040), (dn) => {
        const date = formatDay(dn);
        const week = weekOfIsoDate(date);
        expect(week).toBe(refWeekOfDate(date));
        const dates = weekDates(week);
        expect(dates).toEqual(refWeekDates(week));
        expect(dates).toContain(date);
        for (const d of dates) expect(weekOfIsoDate(d)).toBe(week);
      }),
      { numRuns: 300 },
    );
  });

  it('addIsoWeeks and weeksBetween agree', () => {
    fc.assert(
      fc.property(dayIn(2000, 2040), dayIn(2000, 2040), fc.integer({ min: -600, max: 600 }), (d1, d2, n) => {
        const a = refWeekOfDate(formatDay(d1));
        const b = refWeekOfDate(formatDay(d2));
        expect(addIsoWeeks(a, n)).toBe(refAddWeeks(a, n));
        expect(weeksBetween(a, b)).toBe(refWeeksBetween(a, b));
        expect(weeksBetween(a, addIsoWeeks(a, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('weekRange agrees and has weeksBetween + 1 weeks (empty when reversed)', () => {
    fc.assert(
      fc.property(dayIn(2000, 2040), fc.integer({ min: -8, max: 120 }), (dn, span) => {
        const from = refWeekOfDate(formatDay(dn));
        const to = refAddWeeks(from, span);
        const range = weekRange(from, to);
        expect(range).toEqual(refWeekRange(from, to));
        if (span >= 0) expect(range).toHaveLength(weeksBetween(from, to) + 1);
        else expect(range).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('weeksInYear and isWeek(YYYY-W53) agree for 2000..2040', () => {
    for (let y = 2000; y <= 2040; y++) {
      const n = refWeeksInYear(y);
      expect(weeksInYear(y)).toBe(n);
      expect(isWeek(`${y}-W53`)).toBe(n === 53);
      expect(isWeek(`${y}-W${n}`)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------
// 3. Rounding, cost, hours
// ---------------------------------------------------------------------------------------

const arbNonZero = fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0);
/** Numerators that land exactly on, next to, or anywhere around a half. */
const arbDivision = fc.oneof(
  fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), arbNonZero),
  fc
    .tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 500_000 }), fc.constantFrom(-1, 0, 1), fc.boolean())
    .map(([q, half, nudge, negDen]) => {
      const d = 2 * half;
      return [q * d + half + nudge, negDen ? -d : d] as [number, number];
    }),
);

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** -0 and 0 are the same whole number; roundDiv(-1, 60) gives -0, which is harmless. */
const int = (x: number | null): number | null => (x === null ? null : x + 0);

describe('rounding half away from zero, cost and hours', () => {
  it('roundDiv and percent equal the BigInt reference, negatives included', () => {
    fc.assert(
      fc.property(arbDivision, ([n, d]) => {
        expect(int(roundDiv(n, d))).toBe(refRoundDiv(n, d));
        if (Math.abs(n) < 2 ** 40) expect(int(percent(n, d))).toBe(refRoundDiv(n * 100, d));
      }),
      { numRuns: 300 },
    );
  });

  it('allocationCost = round(minutes * rate / 60)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.oneof(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.integer({ min: 0, max: 100 }).map((k) => k * 30 + 15),
        ),
        (minutes, rate) => {
          expect(int(allocationCost(minutes, rate))).toBe(refAllocationCost(minutes, rate));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseHours of a decimal with <= 2 places is round(h * 60) exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '+', '-'),
        digits(1, 6),
        fc.oneof(fc.constant(null), digits(0, 2)),
        fc.constantFrom('', ' '),
        (sign, whole, frac, space) => {
          const text = `${space}${sign}${whole}${frac === null ? '' : `.${frac}`}${space}`;
          const got = parseHours(text);
          const want = refParseHours(text);
          expect(want).not.toBeNull();
          expect(got).toEqual({ ok: true, value: want });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hours and money with 3 or more decimal places are rejected', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '-'), digits(1, 5), digits(3, 6), (sign, whole, frac) => {
        const text = `${sign}${whole}.${frac}`;
        expect(parseHours(text).ok).toBe(false);
        expect(parseMoney(text, 2).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('formatHours agrees with the reference and round-trips exact hours (multiples of 0.05 h = 3 min)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (k, minutes) => {
        expect(formatHours(minutes)).toBe(refFormatHours(minutes));
        // k * 0.05 h is exactly 3k minutes; its 2-place text must come back unchanged.
        const text = refFormatHours(3 * k);
        const parsed = parseHours(text);
        expect(parsed).toEqual({ ok: true, value: 3 * k });
        if (parsed.ok) expect(formatHours(parsed.value)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// 4 and 5. Random small plans: flags and utilization
// ---------------------------------------------------------------------------------------

const arbBudget = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('abs' as const), value: fc.integer({ min: 0, max: 500_000 }) }),
  fc.record({ kind: fc.constant('rel' as const), permille: fc.integer({ min: 800, max: 1200 }), delta: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ kind: fc.constant('ninety' as const), delta: fc.integer({ min: -1, max: 1 }) }),
  fc.record({ kind: fc.constant('exact' as const), delta: fc.integer({ min: -1, max: 1 }) }),
);
type BudgetSpec = typeof arbBudget extends fc.Arbitrary<infer T> ? T : never;

const arbPlanSpec = fc.record({
  baseWeek: arbWeek2020to2032,
  specialists: fc.array(
    fc.record({
      weeklyMinutes: arbWeeklyMinutes,
      workingDays: arbWorkingDays,
      startOff: fc.option(fc.integer({ min: -7, max: 60 }), { nil: null }),
      endOff: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
      calendar: fc.constantFrom(null, 'A', 'B'),
      rate: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(6250, 6000, 9999)),
      active: fc.boolean(),
      department: fc.constantFrom('Network', 'Database'),
      skills: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 })), {
        selector: (t) => t[0],
        maxLength: 4,
      }),
      timeOff: fc.array(
        fc.record({ start: fc.integer({ min: -7, max: 60 }), len: fc.integer({ min: 0, max: 12 }), minutesPerDay: arbPartial }),
        { maxLength: 4 },
      ),
    }),
    { minLength: 2, maxLength: 6 },
  ),
  holidaysA: fc.uniqueArray(fc.integer({ min: -7, max: 70 }), { maxLength: 10 }),
  holidaysB: fc.uniqueArray(fc.integer({ min: -7, max: 70 }), { maxLength: 10 }),
  requests: fc.array(
    fc.record({
      startOff: fc.integer({ min: 0, max: 5 }),
      len: fc.integer({ min: 0, max: 4 }),
      status: fc.constantFrom(...REQUEST_STATUSES),
      budget: arbBudget,
      lines: fc.array(
        fc.record({
          skillRef: fc.integer({ min: 1, max: 4 }),
          minLevel: fc.integer({ min: 1, max: 5 }),
          minutes: fc.oneof(fc.integer({ min: 1, max: 2400 }), fc.constantFrom(60, 480, 1200)),
          startOff: fc.integer({ min: 0, max: 4 }),
          len: fc.integer({ min: 0, max: 4 }),
        }),
        { maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  allocations: fc.array(
    fc.record({
      s: fc.nat(),
      r: fc.nat(),
      weekOff: fc.integer({ min: -2, max: 6 }),
      minutes: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 3000 }) },
        { weight: 2, arbitrary: fc.constant('line' as const) },
        { weight: 2, arbitrary: fc.constant('capacity' as const) },
      ),
      confirmed: fc.boolean(),
      line: fc.option(fc.nat(), { nil: null, freq: 2 }),
    }),
    { maxLength: 18 },
  ),
  departmentFilter: fc.constantFrom<string[]>([], ['Network'], ['Database'], ['Network', 'Database']),
});
type PlanSpec = typeof arbPlanSpec extends fc.Arbitrary<infer T> ? T : never;

function resolveBudget(spec: BudgetSpec, cost: number): number | null {
  if (spec === null) return null;
  switch (spec.kind) {
    case 'abs':
      return spec.value;
    case 'rel':
      return Math.max(0, Math.floor((cost * spec.permille) / 1000) + spec.delta);
    case 'ninety':
      return Math.max(0, Math.ceil((cost * 10) / 9) + spec.delta);
    case 'exact':
      return Math.max(0, cost + spec.delta);
  }
}

/** Builds a PlanSnapshot from a spec; weeks and dates come from the reference calendar. */
function buildPlan(spec: PlanSpec): PlanSnapshot {
  const monday = refWeekDays(spec.baseWeek)[0]!;
  const at = (off: number): string => formatDay(monday + off);
  const week = (off: number): string => refAddWeeks(spec.baseWeek, off);

  const specialists: EngineSpecialist[] = spec.specialists.map((s, i) => ({
    ref: i + 1,
    id: `S${i + 1}`,
    name: `Specialist ${i + 1}`,
    department: s.department,
    calendar: s.calendar,
    hourlyRateMinor: s.rate,
    active: s.active,
    skills: new Map(s.skills),
    weeklyMinutes: s.weeklyMinutes,
    workingDays: s.workingDays,
    startDate: s.startOff === null ? null : at(s.startOff),
    endDate: s.endOff === null ? null : at(s.endOff),
  }));
  const timeOff = new Map<number, TimeOffEntry[]>(
    spec.specialists.map((s, i) => [
      i + 1,
      s.timeOff.map((t) => ({ startDate: at(t.start), endDate: at(t.start + t.len), minutesPerDay: t.minutesPerDay })),
    ]),
  );
  const holidays = new Map<string, Set<string>>([
    ['A', new Set(spec.holidaysA.map(at))],
    ['B', new Set(spec.holidaysB.map(at))],
  ]);

  const requests: EngineRequest[] = [];
  const demandLines: EngineDemandLine[] = [];
  const linesOf: EngineDemandLine[][] = [];
  spec.requests.forEach((r, i) => {
    requests.push({
      ref: i + 1,
      id: `R${i + 1}`,
      title: `Request ${i + 1}`,
      stage: 'transition',
      status: r.status,
      startWeek: week(r.startOff),
      endWeek: week(r.startOff + r.len),
      budgetMinor: null, // resolved below, once the cost is known
    });
    const mine: EngineDemandLine[] = [];
    for (const l of r.lines) {
      const start = r.startOff + Math.min(l.startOff, r.len);
      const end = Math.min(start + l.len, r.startOff + r.len);
      const line: EngineDemandLine = {
        ref: demandLines.length + 1,
        requestRef: i + 1,
        skillRef: l.skillRef,
        skillName: `Skill${l.skillRef}`,
        minLevel: l.minLevel,
        minutesPerWeek: l.minutes,
        startWeek: week(start),
        endWeek: week(end),
      };
      demandLines.push(line);
      mine.push(line);
    }
    linesOf.push(mine);
  });

  const partial: PlanSnapshot = { specialists, requests, demandLines, allocations: [], timeOff, holidays, minorDigits: 2 };
  const refCap = refPlan(partial).capacity;
  const seen = new Set<string>();
  const allocations: EngineAllocation[] = [];
  for (const a of spec.allocations) {
    const sIdx = a.s % specialists.length;
    const rIdx = a.r % requests.length;
    const r = spec.requests[rIdx]!;
    const wk = week(r.startOff + Math.min(a.weekOff, r.len + 2));
    const key = `${sIdx}|${rIdx}|${wk}`;
    if (seen.has(key)) continue; // at most one allocation per (specialist, request, week)
    seen.add(key);
    const lines = linesOf[rIdx]!;
    const line = a.line === null || lines.length === 0 ? null : lines[a.line % lines.length]!;
    const minutes = a.minutes === 'line' ? (line?.minutesPerWeek ?? 480) : a.minutes === 'capacity' ? refCap(sIdx + 1, wk) : a.minutes;
    allocations.push({
      ref: allocations.length + 1,
      specialistRef: sIdx + 1,
      requestRef: rIdx + 1,
      week: wk,
      minutes,
      status: a.confirmed ? 'confirmed' : 'tentative',
      demandLineRef: line?.ref ?? null,
    });
  }

  const withAllocations: PlanSnapshot = { ...partial, allocations };
  const costs = refPlan(withAllocations).requestCost;
  const budgeted = requests.map((r, i) => ({ ...r, budgetMinor: resolveBudget(spec.requests[i]!.budget, costs.get(r.ref)!) }));
  return { ...withAllocations, requests: budgeted };
}

const keyOf = (f: RefFlagKey): string => `${f.kind}|${f.week ?? '-'}|${f.specialistId ?? '-'}|${f.requestId ?? '-'}`;
/** Flags as a sorted multiset of keys, grouped by kind for readable failures. */
function byKind(flags: readonly RefFlagKey[]): Record<string, string[]> {
  const out: Record<string, string[]> = {
    over_allocation: [],
    cost_overrun: [],
    cost_at_risk: [],
    skill_mismatch: [],
    outside_window: [],
    unfilled_demand: [],
    leave_conflict: [],
  };
  for (const f of flags) (out[f.kind] ??= []).push(keyOf(f));
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

describe('flags and utilization on random small plans', () => {
  it('every flag kind equals the reference (as multisets of subject keys)', () => {
    fc.assert(
      fc.property(arbPlanSpec, (spec) => {
        const plan = buildPlan(spec);
        const ref = refPlan(plan);
        const flags = computeFlags(plan);
        expect(byKind(flags)).toEqual(byKind(ref.flags));

        // The over-allocation detail carries the numbers that raised it.
        for (const f of flags) {
          if (f.kind !== 'over_allocation') continue;
          const sRef = Number(f.specialistId!.slice(1));
          const allocated = ref.load.get(`${sRef}|${f.week}`)!;
          const cap = ref.capacity(sRef, f.week!);
          const pct = cap === 0 ? 'no capacity' : `${refRoundDiv(allocated * 100, cap)}%`;
          expect(f.detail).toContain(`${refClock(allocated)} of ${refClock(cap)} h, ${pct}`);
        }

        // Cost per request (whole plan, no department filter) equals the reference.
        const from = refAddWeeks(spec.baseWeek, -3);
        const to = refAddWeeks(spec.baseWeek, 14);
        for (const row of costRows(plan, { from, to }, spec.baseWeek)) {
          const r = plan.requests.find((x) => x.id === row.requestId)!;
          expect(row.costMinor).toBe(ref.requestCost.get(r.ref));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('utilizationRows: every active specialist x week, pct = round(allocated*100/capacity) or null', () => {
    fc.assert(
      fc.property(arbPlanSpec, fc.integer({ min: -2, max: 3 }), fc.integer({ min: 0, max: 10 }), (spec, fromOff, span) => {
        const plan = buildPlan(spec);
        const from = refAddWeeks(spec.baseWeek, fromOff);
        const to = refAddWeeks(from, span);
        const depts = spec.departmentFilter;
        const rows = utilizationRows(plan, { from, to, departments: depts });
        const inDept = new Set(plan.specialists.filter((s) => depts.length === 0 || depts.includes(s.department)).map((s) => s.id));
        const want = refUtilization(plan, from, to).filter((r) => inDept.has(r.specialistId));
        const project = (r: RefUtilizationRow): string =>
          `${r.specialistId}|${r.week}|${r.capacityMinutes}|${r.allocatedMinutes}|${r.utilizationPct}|${r.overAllocated}`;
        expect(rows.map(project).sort()).toEqual(want.map(project).sort());
      }),
      { numRuns: 200 },
    );
  });
});
