import { describe, expect, it } from 'vitest';
import {
  CARD_DROP_MINUTES,
  defaultAllocationStatus,
  defaultDropWeeks,
  defaultMinutesPerWeek,
  dropCost,
  dropEffect,
  dropWeeksLimit,
  overlapWeeks,
  rankSpecialists,
  tightestWeek,
  weekRange,
  weeksOutsideRequest,
  type PlanningLine,
  type PlanningSpecialist,
} from '../../shared/domain';
import { dropCostText, dropCostTotalText, weeksOutsideText } from '../../shared/format';

const h = (hours: number) => hours * 60;
const W = ['2026-W49', '2026-W50', '2026-W51', '2026-W52'];

function person(id: string, over: Partial<PlanningSpecialist> & { load?: number[]; cap?: number[] } = {}): PlanningSpecialist {
  const { load = [0, 0, 0, 0], cap = [40, 40, 40, 40], ...rest } = over;
  return {
    id,
    name: `Person ${id}`,
    hourlyRateMinor: 8500,
    skills: [{ name: 'PostgreSQL', level: 4 }],
    weeks: W.map((week, i) => ({ week, capacity: h(cap[i]!), allocated: h(load[i]!) })),
    ...rest,
  };
}

const line = (over: Partial<PlanningLine> = {}): PlanningLine => ({
  skill: 'PostgreSQL',
  minLevel: 3,
  minutesPerWeek: h(16),
  weeks: W.map((week) => ({ week, served: 0, demanded: h(16) })),
  ...over,
});

describe('weeks and status of a drop', () => {
  it('overlaps week spans', () => {
    expect(overlapWeeks({ from: '2026-W48', to: '2027-W03' }, { from: '2026-W50', to: '2027-W10' })).toEqual({
      from: '2026-W50',
      to: '2027-W03',
    });
    expect(overlapWeeks({ from: '2026-W48', to: '2026-W49' }, { from: '2026-W50', to: '2026-W52' })).toBeNull();
  });

  it('books approved requests firm and the rest tentative', () => {
    expect(defaultAllocationStatus('approved')).toBe('confirmed');
    expect(defaultAllocationStatus('submitted')).toBe('tentative');
    expect(defaultAllocationStatus('draft')).toBe('tentative');
  });
});

describe('rankSpecialists', () => {
  it('puts those holding the skill at the line level first', () => {
    const ana = person('E1', { name: 'Ana Souza', skills: [{ name: 'PostgreSQL', level: 5 }], load: [34, 34, 34, 34] });
    const eva = person('E2', { name: 'Eva Lindqvist', skills: [{ name: 'PostgreSQL', level: 2 }], hourlyRateMinor: 5200 });
    const grace = person('E3', { name: 'Grace Okafor', skills: [{ name: 'Cisco', level: 5 }], hourlyRateMinor: 1000 });
    const ranked = rankSpecialists([grace, eva, ana], line());
    expect(ranked.map((r) => [r.id, r.rank, r.tier])).toEqual([
      ['E1', 1, 'qualified'],
      ['E2', 2, 'under-level'],
      ['E3', 3, 'lacks-skill'],
    ]);
    expect(ranked.map((r) => [r.level, r.freeMinutes])).toEqual([
      [5, h(24)],
      [2, h(160)],
      [null, h(160)],
    ]);
  });

  it('prefers who can fill more of the gap, then the cheaper rate, then more free hours', () => {
    const cheapFull = person('A', { hourlyRateMinor: 6000 });
    const dearFull = person('B', { hourlyRateMinor: 9000 });
    const cheapBusy = person('C', { hourlyRateMinor: 5000, load: [32, 32, 32, 32] });
    const cheapFuller = person('D', { hourlyRateMinor: 6000, cap: [40, 40, 40, 20] });
    const ranked = rankSpecialists([cheapBusy, dearFull, cheapFuller, cheapFull], line());
    // A and D both cover 64 h at 60.00/h; A has more free hours left over.
    expect(ranked.map((r) => r.id)).toEqual(['A', 'D', 'B', 'C']);
    expect(ranked.map((r) => r.coverMinutes)).toEqual([h(64), h(64), h(64), h(32)]);
  });

  it('counts only the gap that is left in each week, and over-booked weeks as no free time', () => {
    const l = line({ weeks: W.map((week, i) => ({ week, served: i < 2 ? h(16) : h(8), demanded: h(16) })) });
    const [fit] = rankSpecialists([person('A', { load: [50, 36, 36, 0] })], l);
    expect(fit!.freeMinutes).toBe(h(0 + 4 + 4 + 40));
    expect(fit!.coverMinutes).toBe(h(0 + 0 + 4 + 8));
  });
});

describe('defaultMinutesPerWeek', () => {
  it('is the lesser of the line gap and the free time of the tightest week', () => {
    const l = line({ weeks: W.map((week, i) => ({ week, served: i === 0 ? h(8) : h(12), demanded: h(16) })) });
    expect(defaultMinutesPerWeek(person('A'), W, l)).toBe(h(8));
    expect(defaultMinutesPerWeek(person('A', { load: [30, 35, 20, 20] }), W, l)).toBe(h(5));
    // Only the weeks of the assignment count.
    expect(defaultMinutesPerWeek(person('A', { load: [30, 35, 20, 20] }), ['2026-W51', '2026-W52'], l)).toBe(h(4));
  });

  it('proposes 0 when one of the weeks has no free hours: the default never over-allocates', () => {
    // The issue: 8 h proposed to a specialist with 0 free hours.
    expect(defaultMinutesPerWeek(person('A', { load: [44, 40, 40, 40] }), W, line())).toBe(0);
    expect(defaultMinutesPerWeek(person('A', { load: [0, 40, 0, 0] }), W, null)).toBe(0);
    expect(defaultMinutesPerWeek(person('A', { load: [0, 40, 0, 0] }), ['2026-W51', '2026-W52'], null)).toBe(CARD_DROP_MINUTES);
  });

  it('counts a week without capacity as no free hours (any hours there over-allocate)', () => {
    expect(defaultMinutesPerWeek(person('A', { cap: [0, 40, 40, 40], load: [0, 30, 30, 30] }), W, line())).toBe(0);
    expect(defaultMinutesPerWeek(person('A', { cap: [0, 40, 40, 40], load: [0, 30, 30, 30] }), W.slice(1), line())).toBe(h(10));
  });

  it('never exceeds the smallest free time, whatever the line or card asks', () => {
    for (const load of [
      [0, 0, 0, 0],
      [39, 12, 40, 0],
      [20, 25, 37.5, 10],
      [41, 0, 0, 0],
    ]) {
      const p = person('A', { load });
      const least = Math.min(...p.weeks.map((w) => Math.max(0, w.capacity - w.allocated)));
      for (const l of [line(), null, line({ minutesPerWeek: h(60), weeks: W.map((week) => ({ week, served: 0, demanded: h(60) })) })]) {
        expect(defaultMinutesPerWeek(p, W, l)).toBeLessThanOrEqual(least);
      }
    }
  });

  it('proposes the weekly hours for a covered line and at most 8 h on a card', () => {
    const covered = line({ weeks: W.map((week) => ({ week, served: h(16), demanded: h(16) })) });
    expect(defaultMinutesPerWeek(person('A'), W, covered)).toBe(h(16));
    expect(defaultMinutesPerWeek(person('A'), W, null)).toBe(CARD_DROP_MINUTES);
    expect(defaultMinutesPerWeek(person('A', { load: [35, 0, 0, 0] }), W, null)).toBe(h(5));
  });

  it('is not limited by weeks the row does not carry (they cannot be judged)', () => {
    expect(defaultMinutesPerWeek(person('A'), ['2027-W10'], null)).toBe(CARD_DROP_MINUTES);
  });

  it('names the tightest week, the earliest on a tie', () => {
    expect(tightestWeek(person('A', { load: [30, 40, 44, 10] }), W)).toEqual({ week: '2026-W50', free: 0 });
    expect(tightestWeek(person('A', { load: [30, 30, 10, 10] }), W)).toEqual({ week: '2026-W49', free: h(10) });
    expect(tightestWeek(person('A'), ['2027-W10'])).toBeNull();
  });
});

describe('the weeks of a drop', () => {
  const R12 = { id: 'R12', startWeek: '2026-W48', endWeek: '2026-W50' };
  // 2026 has 53 ISO weeks: W47..W53 and 2027-W01 are 8 weeks.
  const visible = { from: '2026-W47', to: '2027-W01' };

  it("proposes the demand line's weeks inside the request and the view, never outside the request", () => {
    expect(defaultDropWeeks(R12, { from: '2026-W49', to: '2026-W50' }, visible)).toEqual({ from: '2026-W49', to: '2026-W50' });
    // A card: the request's weeks in view, not the whole view.
    expect(defaultDropWeeks(R12, null, visible)).toEqual({ from: '2026-W48', to: '2026-W50' });
    expect(defaultDropWeeks(R12, null, { from: '2026-W49', to: '2026-W52' })).toEqual({ from: '2026-W49', to: '2026-W50' });
    // A line wholly out of view falls back to the request's weeks in view.
    expect(defaultDropWeeks(R12, { from: '2026-W48', to: '2026-W48' }, { from: '2026-W49', to: '2026-W52' })).toEqual({
      from: '2026-W49',
      to: '2026-W50',
    });
    // A request wholly out of view: its own first weeks, as many as are visible.
    expect(defaultDropWeeks({ startWeek: '2027-W10', endWeek: '2027-W30' }, null, { from: '2026-W49', to: '2026-W52' })).toEqual({
      from: '2027-W10',
      to: '2027-W13',
    });
  });

  it('lists the chosen weeks outside the request and words them', () => {
    const weeks = weekRange('2026-W47', '2026-W52');
    expect(weeksOutsideRequest(weeks, R12)).toEqual(['2026-W47', '2026-W51', '2026-W52']);
    expect(weeksOutsideText(3, 6, R12)).toBe("3 of 6 weeks are outside R12's 2026-W48..2026-W50: they will raise an outside-window flag");
    expect(weeksOutsideText(1, 4, R12)).toBe("1 of 4 weeks is outside R12's 2026-W48..2026-W50: it will raise an outside-window flag");
    expect(weeksOutsideText(2, 2, R12)).toContain('All 2 weeks are outside');
    expect(weeksOutsideRequest(weekRange('2026-W48', '2026-W50'), R12)).toEqual([]);
  });

  it("caps a drop to the request's window inside it, to the visible weeks outside it", () => {
    const view = { from: '2026-W48', to: '2027-W02' }; // 8 weeks: 2026 has a W53
    expect(dropWeeksLimit({ from: '2026-W48', to: '2026-W50' }, R12, view)).toEqual({ max: 3, basis: 'request' });
    // The issue: 104 weeks typed on a request that runs 3.
    expect(dropWeeksLimit({ from: '2026-W48', to: '2028-W47' }, R12, view)).toEqual({ max: 8, basis: 'visible' });
    const long = { startWeek: '2026-W01', endWeek: '2026-W52' };
    expect(dropWeeksLimit({ from: '2026-W10', to: '2026-W40' }, long, view)).toEqual({ max: 52, basis: 'request' });
  });
});

describe('dropCost', () => {
  const rate = 8000; // 80.00/h

  it('adds round(minutes × rate / 60) per week, as domain.md counts an allocation', () => {
    // 16 h/wk for 1 week at 80.00/h = +1,280.00; budget 10,000.00 with cost 9,120.00 -> 10,400.00 = 104%.
    const c = dropCost({ budgetMinor: 1_000_000, costMinor: 912_000 }, rate, ['2026-W52'], h(16));
    expect(c).toEqual({ addedMinor: 128_000, costMinor: 1_040_000, budgetMinor: 1_000_000, percentOfBudget: 104, state: 'overrun' });
    const money = { currency: 'EUR', minorDigits: 2 };
    expect(dropCostText(c, money)).toBe('+1,280.00 EUR, 104% of budget');
    expect(dropCostTotalText(c, money)).toBe('10,400.00 of 10,000.00 EUR budget');
  });

  it('counts every week of the drop, each rounded on its own', () => {
    // Worked example 6: 440 min at 62.50/h = 45833.33 -> 45833 per allocation; three weeks 137499, not round(137500).
    const c = dropCost({ budgetMinor: null, costMinor: 0 }, 6250, weekRange('2026-W48', '2026-W50'), 440);
    expect(c.addedMinor).toBe(3 * 45_833);
    expect(c.percentOfBudget).toBeNull();
    expect(c.state).toBe('none');
    expect(dropCostText(c, { currency: 'EUR', minorDigits: 2 })).toBe('+1,374.99 EUR');
  });

  it('costs the merged allocation where the specialist already has minutes on the request', () => {
    // 440 min already costs 45833; 880 min costs round(91666.67) = 91667: the drop adds 45834.
    const c = dropCost({ budgetMinor: 100_000, costMinor: 45_833 }, 6250, ['2026-W48'], 440, (w) => (w === '2026-W48' ? 440 : 0));
    expect(c.addedMinor).toBe(45_834);
    expect(c.costMinor).toBe(91_667);
    expect(c.state).toBe('at_risk');
    expect(c.percentOfBudget).toBe(92);
  });

  it('reaches at risk at 90% and overrun above the budget, like the flags', () => {
    // Budget 12,800.00: 11,519.99 after the drop is below 90%, 11,520.00 is at risk.
    expect(dropCost({ budgetMinor: 1_280_000, costMinor: 1_151_999 - 128_000 }, rate, ['2026-W48'], h(16)).state).toBe('ok');
    expect(dropCost({ budgetMinor: 1_280_000, costMinor: 1_152_000 - 128_000 }, rate, ['2026-W48'], h(16)).state).toBe('at_risk');
    expect(dropCost({ budgetMinor: 128_000, costMinor: 0 }, rate, ['2026-W48'], h(16))).toMatchObject({
      state: 'at_risk',
      percentOfBudget: 100,
    });
    expect(dropCost({ budgetMinor: 127_999, costMinor: 0 }, rate, ['2026-W48'], h(16)).state).toBe('overrun');
  });

  it("words money with the plan's minor digits and currency, and a budget of 0", () => {
    const yen = dropCost({ budgetMinor: 0, costMinor: 0 }, 9000, ['2026-W48', '2026-W49'], h(16));
    expect(dropCostText(yen, { currency: 'JPY', minorDigits: 0 })).toBe('+288,000 JPY, over a budget of 0 JPY');
  });
});

describe('dropEffect', () => {
  it('names the fullest week after the drop, as the journey says', () => {
    const ana = person('E1', { name: 'Ana Souza', load: [28, 20, 20, 20] });
    const e = dropEffect(ana, W, h(16))!;
    expect(e).toEqual({ week: '2026-W49', after: h(44), capacity: h(40), state: 'over' });
  });

  it('compares shares of capacity, not hours', () => {
    const part = person('A', { cap: [40, 20, 40, 40], load: [30, 12, 0, 0] });
    // W49: 34 of 40 (85%); W50: 16+4... 12+4 = 16 of 20 (80%).
    expect(dropEffect(part, W, h(4))!.week).toBe('2026-W49');
    expect(dropEffect(part, ['2026-W50'], h(4))).toEqual({ week: '2026-W50', after: h(16), capacity: h(20), state: 'fits' });
    expect(dropEffect(part, ['2026-W50'], h(8))).toEqual({ week: '2026-W50', after: h(20), capacity: h(20), state: 'full' });
  });

  it('puts a week without capacity first, and judges only the weeks the row carries', () => {
    const away = person('A', { cap: [40, 0, 40, 40] });
    const e = dropEffect(away, W, h(8))!;
    expect(e).toEqual({ week: '2026-W50', after: h(8), capacity: 0, state: 'no-capacity' });
    expect(dropEffect(away, ['2027-W10'], h(8))).toBeNull();
  });
});
