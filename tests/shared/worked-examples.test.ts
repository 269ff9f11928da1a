import { describe, expect, it } from 'vitest';
import {
  allocationCost,
  budgetState,
  computeFlags,
  formatHours,
  formatMoney,
  parseHours,
  parseMoney,
  weekCapacity,
  weekDates,
  weekOfIsoDate,
  type EngineSpecialist,
  type PlanSnapshot,
} from '../../shared/domain';

const monFri = [1, 2, 3, 4, 5];
const profile = (weeklyHours: number, workingDays = monFri, startDate: string | null = null) => ({
  weeklyMinutes: weeklyHours * 60,
  workingDays,
  startDate,
  endDate: null,
});

function specialist(ref: number, over: Partial<EngineSpecialist> = {}): EngineSpecialist {
  return {
    ref,
    id: `S${ref}`,
    name: `Specialist ${ref}`,
    department: 'Database Services',
    calendar: null,
    hourlyRateMinor: 6250,
    active: true,
    skills: new Map(),
    ...profile(40),
    ...over,
  };
}

function plan(over: Partial<PlanSnapshot>): PlanSnapshot {
  return {
    specialists: [],
    requests: [],
    demandLines: [],
    allocations: [],
    timeOff: new Map(),
    holidays: new Map(),
    minorDigits: 2,
    ...over,
  };
}

describe('domain.md worked examples', () => {
  it('1: 40 h Mon-Fri in 2026-W48 has 2400 min; 24 h + 20 h is over-allocated at 110%', () => {
    expect(weekCapacity(profile(40), '2026-W48', [], undefined).minutes).toBe(2400);
    const snapshot = plan({
      specialists: [specialist(1)],
      requests: [
        {
          ref: 1,
          id: 'R1',
          title: 'A',
          stage: 'design',
          status: 'approved',
          startWeek: '2026-W48',
          endWeek: '2026-W48',
          budgetMinor: null,
        },
        {
          ref: 2,
          id: 'R2',
          title: 'B',
          stage: 'operation',
          status: 'approved',
          startWeek: '2026-W48',
          endWeek: '2026-W48',
          budgetMinor: null,
        },
      ],
      allocations: [
        {
          ref: 1,
          specialistRef: 1,
          requestRef: 1,
          week: '2026-W48',
          minutes: parseOk(parseHours('24')),
          status: 'confirmed',
          demandLineRef: null,
        },
        {
          ref: 2,
          specialistRef: 1,
          requestRef: 2,
          week: '2026-W48',
          minutes: parseOk(parseHours('20')),
          status: 'tentative',
          demandLineRef: null,
        },
      ],
    });
    const flags = computeFlags(snapshot);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'over_allocation', week: '2026-W48', specialistId: 'S1' });
    expect(flags[0]!.detail).toContain('44:00 of 40:00 h, 110%');
  });

  it('2: 32 h Mon-Thu with a Thursday holiday has 1440 min; a Friday holiday changes nothing', () => {
    const p = profile(32, [1, 2, 3, 4]);
    const [, , , thu, fri] = weekDates('2026-W48');
    expect(weekCapacity(p, '2026-W48', [], new Set([thu!])).minutes).toBe(1440);
    expect(weekCapacity(p, '2026-W48', [], new Set([fri!])).minutes).toBe(1920);
  });

  it('3: 37.5 h, half a day off on Wednesday and a full day on Friday: 1560 min', () => {
    const [, , wed, , fri] = weekDates('2026-W48');
    const p = { ...profile(0), weeklyMinutes: parseOk(parseHours('37.5')) };
    const c = weekCapacity(
      p,
      '2026-W48',
      [
        { startDate: wed!, endDate: wed!, minutesPerDay: 240 },
        { startDate: fri!, endDate: fri!, minutesPerDay: null },
      ],
      undefined,
    );
    expect(c).toMatchObject({ minutes: 1560, availableDays: 4 });
  });

  it('4: 20 h Mon-Fri with 6 h off on Tuesday counts min(240, 360): 960 min', () => {
    const [, tue] = weekDates('2026-W48');
    expect(weekCapacity(profile(20), '2026-W48', [{ startDate: tue!, endDate: tue!, minutesPerDay: 360 }], undefined).minutes).toBe(960);
  });

  it('5: 2026-W53 runs 2026-12-28 to 2027-01-03; 2027-01-01 lies in 2026-W53', () => {
    const days = weekDates('2026-W53');
    expect(days[0]).toBe('2026-12-28');
    expect(days[6]).toBe('2027-01-03');
    expect(weekOfIsoDate('2027-01-01')).toBe('2026-W53');
    expect(weekCapacity(profile(40), '2026-W53', [], new Set(['2027-01-01'])).minutes).toBe(1920);
    expect(weekCapacity(profile(40), '2027-W01', [], new Set(['2027-01-01'])).minutes).toBe(2400);
  });

  it('6: 440 min at 62.50/h costs 45833 minor units = 458.33', () => {
    const rate = parseOk(parseMoney('62.50'));
    expect(rate).toBe(6250);
    expect(parseOk(parseHours('7.33'))).toBe(440);
    expect(formatHours(440)).toBe('7.33');
    expect(allocationCost(440, rate)).toBe(45833);
    expect(formatMoney(45833)).toBe('458.33');
  });

  it('7: cost equal to a 12,000.00 budget is at risk, one cent more is an overrun', () => {
    const budget = parseOk(parseMoney('12000.00'));
    expect(budgetState(budget, budget)).toBe('at_risk');
    expect(budgetState(parseOk(parseMoney('12000.01')), budget)).toBe('overrun');
    expect(budgetState(parseOk(parseMoney('10799.99')), budget)).toBe('ok');
    expect(budgetState(parseOk(parseMoney('10800.00')), budget)).toBe('at_risk');
    expect(budgetState(999_999, null)).toBe('none');
  });

  it('8: starting on Wednesday of a Mon-Fri 40 h week gives 3 × 480 = 1440 min', () => {
    const [, , wed] = weekDates('2026-W48');
    expect(weekCapacity(profile(40, monFri, wed!), '2026-W48', [], undefined).minutes).toBe(1440);
  });
});

describe('input exactness', () => {
  it('rejects more than two decimal places instead of rounding', () => {
    expect(parseHours('7.333')).toMatchObject({ ok: false });
    expect(parseMoney('1.005')).toMatchObject({ ok: false });
    expect(parseHours('abc')).toMatchObject({ ok: false });
  });
  it('rounds half away from zero when hours become minutes', () => {
    // 0.01 h = 0.6 min -> 1; 0.025 is rejected; 1.01 h = 60.6 -> 61
    expect(parseOk(parseHours('0.01'))).toBe(1);
    expect(parseOk(parseHours('1.01'))).toBe(61);
    expect(parseOk(parseHours('-0.01'))).toBe(-1);
  });
});

function parseOk<T>(p: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!p.ok) throw new Error(p.error);
  return p.value;
}

describe('time zone independence', () => {
  it('gives the same seven dates of a week in a zone that skipped a day (Samoa, 2011-12-30)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Pacific/Apia';
    try {
      expect(weekDates('2011-W52')).toEqual([
        '2011-12-26',
        '2011-12-27',
        '2011-12-28',
        '2011-12-29',
        '2011-12-30',
        '2011-12-31',
        '2012-01-01',
      ]);
      expect(weekOfIsoDate('2011-12-30')).toBe('2011-W52');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
