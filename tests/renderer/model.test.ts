import { describe, expect, it } from 'vitest';
import { scrollTopFor, windowRange } from '../../renderer/src/hooks/useWindowedList';
import { coverageView, hoursText, weekLoad } from '../../renderer/src/model/format';

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
    expect(weekLoad(960, 2400)).toMatchObject({ band: 'free', free: 1440 });
  });
});
