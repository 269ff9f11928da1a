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
