import { describe, expect, it } from 'vitest';
import {
  CARD_DROP_MINUTES,
  defaultAllocationStatus,
  defaultMinutesPerWeek,
  dropEffect,
  overlapWeeks,
  rankSpecialists,
  type PlanningLine,
  type PlanningSpecialist,
} from '../../shared/domain';

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
  it('is the lesser of the line gap and the free time of the fullest week', () => {
    const l = line({ weeks: W.map((week, i) => ({ week, served: i === 0 ? h(8) : h(12), demanded: h(16) })) });
    expect(defaultMinutesPerWeek(person('A'), W, l)).toBe(h(8));
    expect(defaultMinutesPerWeek(person('A', { load: [30, 35, 20, 20] }), W, l)).toBe(h(5));
    // Only the weeks of the assignment count.
    expect(defaultMinutesPerWeek(person('A', { load: [30, 35, 20, 20] }), ['2026-W51', '2026-W52'], l)).toBe(h(4));
  });

  it('asks for the gap when the specialist has no room, so the preview shows the overload', () => {
    expect(defaultMinutesPerWeek(person('A', { load: [44, 40, 40, 40] }), W, line())).toBe(h(16));
  });

  it('leaves weeks without capacity aside', () => {
    expect(defaultMinutesPerWeek(person('A', { cap: [0, 40, 40, 40], load: [0, 30, 30, 30] }), W, line())).toBe(h(10));
  });

  it('proposes the weekly hours for a covered line and at most 8 h on a card', () => {
    const covered = line({ weeks: W.map((week) => ({ week, served: h(16), demanded: h(16) })) });
    expect(defaultMinutesPerWeek(person('A'), W, covered)).toBe(h(16));
    expect(defaultMinutesPerWeek(person('A'), W, null)).toBe(CARD_DROP_MINUTES);
    expect(defaultMinutesPerWeek(person('A', { load: [35, 0, 0, 0] }), W, null)).toBe(h(5));
    expect(defaultMinutesPerWeek(person('A', { load: [40, 40, 40, 40] }), W, null)).toBe(CARD_DROP_MINUTES);
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
