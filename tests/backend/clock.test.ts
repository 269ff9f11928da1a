// The backend reads the day from its clock: the demo plan is built around the clock's week
// and an empty plan's reports cover it, whatever the machine's date.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, startingClock, thisWeek } from '../../electron/backend/clock';
import { createBackend } from '../../electron/backend/handlers';
import { addIsoWeeks } from '../../shared/domain';
import { useTempDir } from '../helpers/temp';

const temp = useTempDir();

describe('the backend clock', () => {
  it.each([
    ['2026-11-26T12:00:00Z', '2026-W48'],
    ['2026-12-28T12:00:00Z', '2026-W53'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2027-06-15T12:00:00Z', '2027-W24'],
  ])('on %s builds the demo plan around %s', async (now, week) => {
    const clock = fixedClock(now);
    expect(thisWeek(clock)).toBe(week);
    const backend = createBackend({ clock });
    const info = await backend.call('plan-create', { path: join(temp(), 'demo.db'), demo: true });
    // The demo's requests reach from 4 weeks back to 12 weeks ahead of its week.
    expect(info.span).toEqual({ from: addIsoWeeks(week, -4), to: addIsoWeeks(week, 12) });
    backend.close();
  });

  it("reports on an empty plan cover the clock's week", async () => {
    const backend = createBackend({ clock: fixedClock('2027-06-15T12:00:00Z') });
    await backend.call('plan-create', { path: join(temp(), 'empty.db') });
    expect(await backend.call('reports-utilization', {})).toMatchObject({ from: '2027-W24', to: '2027-W24', rows: [] });
    backend.close();
  });

  it('refuses a clock that is not a date', () => {
    expect(() => fixedClock('Monday')).toThrow('"Monday" is not a date.');
  });

  it('starts a running clock at a given moment: the web host planning "as of" a day', () => {
    let real = Date.parse('2031-03-03T08:00:00Z');
    const clock = startingClock('2026-11-26T12:00:00Z', { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2026-11-26T12:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-11-26T12:01:30.000Z');
    expect(() => startingClock('soon')).toThrow('"soon" is not a date.');
  });
});
