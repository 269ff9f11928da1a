import { describe, expect, it } from 'vitest';
import { scrollTopFor, windowRange } from '../../renderer/src/hooks/useWindowedList';
import { distinct } from '../../renderer/src/model/filters';
import { coverageView, hoursText, LOAD_BAND_TEXT, weekLoad } from '../../renderer/src/model/format';
import { checkAllocationHours } from '../../renderer/src/model/hours-input';
import { dropEffectText, dropPreviewText, dropTargetText, explainedFits, firstName } from '../../renderer/src/model/planning-text';
import { joinProblem } from '../../renderer/src/views/planning/drop-plan';
import { cellView } from '../../renderer/src/views/timeline/model';
import type { TimelineRow } from '../../shared/api';
import { dropEffect, type PlanningLine, type PlanningSpecialist } from '../../shared/domain';

describe('windowRange', () => {
  it('renders the visible rows plus overscan, clamped to the list', () => {
    expect(windowRange({ count: 2000, rowHeight: 50, scrollTop: 0, viewportHeight: 500, overscan: 5 })).toEqual({ start: 0, end: 16 });
    expect(windowRange({ count: 2000, rowHeight: 50, scrollTop: 5000, viewportHeight: 500, overscan: 5 })).toEqual({ start: 95, end: 116 });
    // Past the end (the list just got shorter): the last screenful, as the browser will clamp it.
    expect(windowRange({ count: 2000, rowHeight: 50, scrollTop: 99_975, viewportHeight: 500, overscan: 5 })).toEqual({
      start: 1985,
      end: 2000,
    });
    expect(windowRange({ count: 20, rowHeight: 50, scrollTop: 5000, viewportHeight: 500, overscan: 5 })).toEqual({ start: 5, end: 20 });
    expect(windowRange({ count: 0, rowHeight: 50, scrollTop: 0, viewportHeight: 500, overscan: 5 })).toEqual({ start: 0, end: 0 });
  });

  it('centres a row when scrolling to it, within the list bounds', () => {
    expect(scrollTopFor(100, { count: 2000, rowHeight: 50, viewportHeight: 500 })).toBe(4775);
    expect(scrollTopFor(0, { count: 2000, rowHeight: 50, viewportHeight: 500 })).toBe(0);
    expect(scrollTopFor(1999, { count: 2000, rowHeight: 50, viewportHeight: 500 })).toBe(99_500);
  });
});

describe('display helpers', () => {
  it('writes hours with the shared rule, dropping only a trailing .00', () => {
    expect(hoursText(960)).toBe('16');
    expect(hoursText(440)).toBe('7.33');
    expect(hoursText(450)).toBe('7.50');
  });

  it('reads coverage in the least-covered visible week', () => {
    const view = coverageView({
      ref: 1,
      skill: 'PostgreSQL',
      minLevel: 3,
      minutesPerWeek: 960,
      startWeek: '2026-W48',
      endWeek: '2026-W50',
      weeks: [
        { week: '2026-W48', served: 960, demanded: 960 },
        { week: '2026-W49', served: 480, demanded: 960 },
        { week: '2026-W50', served: 1200, demanded: 960 },
      ],
    });
    expect(view.text).toBe('PostgreSQL L3+ 16 h/wk: 8 of 16 h');
    expect(view.week).toBe('2026-W49');
    expect(view.state).toBe('partial');
    expect(view.showWeek).toBe(true);
  });

  it('bands a week by load; over-allocation keeps the shared % text', () => {
    expect(weekLoad(2640, 2400)).toMatchObject({ band: 'over', utilization: '110%', free: -240 });
    expect(weekLoad(60, 0)).toMatchObject({ band: 'over', utilization: 'no capacity' });
    expect(weekLoad(0, 0)).toMatchObject({ band: 'none' });
    expect(weekLoad(2400, 2400)).toMatchObject({ band: 'full', free: 0 });
    expect(weekLoad(960, 2400)).toMatchObject({ band: 'available', free: 1440 });
    expect(weekLoad(0, 2400)).toMatchObject({ band: 'free', free: 2400, freeShare: 1 });
  });

  it('reads load the same on the specialists panel and the timeline, and says it the same', () => {
    const loads: [number, number][] = [
      [0, 2400],
      [960, 2400],
      [1920, 2400],
      [2400, 2400],
      [2640, 2400],
      [0, 0],
      [480, 0],
    ];
    const bands = loads.map(([allocated, capacity]) => weekLoad(allocated, capacity).band);
    expect(bands).toEqual(['free', 'available', 'busy', 'full', 'over', 'none', 'over']);
    expect(loads.map(([allocated, capacity]) => cellView({ allocated, capacity }).band)).toEqual(bands);
    expect(bands.map((b) => LOAD_BAND_TEXT[b])).toEqual([
      'free',
      'available',
      'nearly full',
      'fully booked',
      'over-allocated',
      'no capacity',
      'over-allocated',
    ]);
  });

  it('sorts the values of a select the same on every machine, case and accents aside', () => {
    expect(distinct(['Storage', 'database services', null, 'Évaluation', 'Storage', 'Apps'])).toEqual([
      'Apps',
      'database services',
      'Évaluation',
      'Storage',
    ]);
  });
});

const h = (hours: number) => hours * 60;
const W = ['2026-W49', '2026-W50', '2026-W51', '2026-W52'];
const person = (id: string, name: string, level: number | null, hourlyRateMinor: number, load = 0): PlanningSpecialist => ({
  id,
  name,
  hourlyRateMinor,
  skills: level === null ? [{ name: 'Cisco', level: 5 }] : [{ name: 'PostgreSQL', level }],
  weeks: W.map((week) => ({ week, capacity: h(40), allocated: h(load) })),
});
const line: PlanningLine = {
  skill: 'PostgreSQL',
  minLevel: 3,
  minutesPerWeek: h(16),
  weeks: W.map((week) => ({ week, served: 0, demanded: h(16) })),
};

describe('planning wording', () => {
  it('writes first names, targets and what a drop would do', () => {
    expect(firstName('  Ana  Souza ')).toBe('Ana');
    expect(dropTargetText('REQ-201', { skill: 'PostgreSQL', minLevel: 3 })).toBe('REQ-201 PostgreSQL L3+');
    expect(dropTargetText('REQ-201', null)).toBe('REQ-201');
    const ana = person('E1', 'Ana Souza', 5, 8500, 28);
    expect(dropEffectText(dropEffect(ana, W, h(16))!)).toBe('44 of 40 h in W49, over');
    expect(dropPreviewText('Ana Souza', dropEffect(ana, W, h(16)))).toBe('Ana: 44 of 40 h in W49, over');
    expect(dropEffectText(dropEffect(ana, W, h(12))!)).toBe('40 of 40 h in W49, full');
    const away = { ...ana, weeks: [{ week: '2026-W50', capacity: 0, allocated: 0 }] };
    expect(dropEffectText(dropEffect(away, ['2026-W50'], h(8))!)).toBe('8 h in W50, no capacity');
    expect(dropPreviewText('Ana Souza', null)).toBe('Ana: no visible weeks to judge');
  });

  it('says why each specialist ranks where they do', () => {
    const fits = explainedFits([person('E3', 'Grace', null, 1000), person('E2', 'Eva', 2, 5200), person('E1', 'Ana', 5, 8500, 34)], line);
    expect(fits.map((f) => [f.id, f.reason])).toEqual([
      ['E1', 'PostgreSQL L5, 24 h free in W49–W52, 85.00/h'],
      ['E2', 'PostgreSQL L2 (needs L3+), 160 h free in W49–W52, 52.00/h'],
      ['E3', 'no PostgreSQL, 160 h free in W49–W52, 10.00/h'],
    ]);
    expect(explainedFits([person('A', 'A', 4, 8500)], line, 0)[0]!.reason).toMatch(/8,500\/h$/);
  });

  it('checks typed hours against the week an allocation can hold', () => {
    expect(checkAllocationHours('168')).toEqual({ ok: true, minutes: h(168) });
    expect(checkAllocationHours('168.01')).toEqual({ ok: false, error: 'At most 168 h.' });
    expect(checkAllocationHours('21', { max: h(20), maxText: 'Move at most 20 h.' })).toEqual({ ok: false, error: 'Move at most 20 h.' });
  });
});

describe('the drop editor and the merge rule', () => {
  const chip = (requestRef: number, minutes: number) => ({
    ref: requestRef * 10,
    requestRef,
    requestId: `REQ-${requestRef}`,
    title: 't',
    stage: 'design',
    minutes,
    status: 'confirmed' as const,
  });
  const row: TimelineRow = {
    ref: 7,
    id: 'E7',
    name: 'Ana Souza',
    department: 'DB',
    cells: [
      { week: '2026-W49', capacity: h(40), allocated: h(100), chips: [chip(201, h(100))] },
      { week: '2026-W50', capacity: h(40), allocated: h(150), chips: [chip(202, h(150))] },
    ],
  };
  const plan = { specialist: { ref: 7, name: 'Ana Souza' }, card: { ref: 201, id: 'REQ-201' } } as Parameters<typeof joinProblem>[1];

  it('refuses hours that would push the allocation already there past a week, as the backend does', () => {
    const s = { timelineRowsByRef: { 7: row } };
    expect(joinProblem(s, plan, ['2026-W49', '2026-W50'], h(100))).toBe(
      'Ana Souza already has 100 h on REQ-201 in W49; 100 h more would make 200 h, and one allocation holds at most 168 h a week.',
    );
    expect(joinProblem(s, plan, ['2026-W49'], h(68))).toBeNull();
    // Another request's hours are another allocation.
    expect(joinProblem(s, plan, ['2026-W50'], h(100))).toBeNull();
    // Without a loaded row the backend is the judge.
    expect(joinProblem({ timelineRowsByRef: {} }, plan, ['2026-W49'], h(100))).toBeNull();
  });
});
