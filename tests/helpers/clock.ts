import { vi } from 'vitest';
import { fixedClock } from '../../electron/backend/clock';
import { currentWeek } from '../../shared/domain';

/**
 * The one day every test lives on, whatever the machine's date: a Thursday at noon UTC,
 * so that it is the same ISO week in every time zone from UTC-12 to UTC+14. Its week and
 * the three after it hold no public holiday in the demo plan's calendars.
 */
export const TEST_NOW = new Date('2026-11-26T12:00:00Z');
export const TEST_WEEK = currentWeek(TEST_NOW);
export const testClock = fixedClock(TEST_NOW);

/**
 * Pins the Date of a jsdom test file to TEST_NOW (timers stay real unless `alsoFake` names
 * some). The store works out its default weeks when it is first imported, so a renderer
 * test calls this from `vi.hoisted`, before its imports run.
 */
export function pinDate(alsoFake: ('setTimeout' | 'clearTimeout')[] = []): void {
  vi.useFakeTimers({ toFake: ['Date', ...alsoFake], now: TEST_NOW });
}
