import { currentWeek, type IsoWeek } from '../../shared/domain';

/**
 * Where the backend learns what day it is. Everything that depends on "now" (the demo plan
 * built around this week, the default report range, a report's date stamp) reads it here,
 * so that tests pin one day and pass whatever the machine's date.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always says `at`; for tests and for reproducible demo plans. */
export function fixedClock(at: Date | string): Clock {
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) throw new Error(`"${String(at)}" is not a date.`);
  return { now: () => new Date(ms) };
}

/**
 * A clock that starts at `at` and then runs: a demo or a training plan "as of" a day, and
 * the browser tests' web host, whose history times still move forward.
 */
export function startingClock(at: Date | string, real: Clock = systemClock): Clock {
  const start = fixedClock(at).now().getTime();
  const offset = start - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

/** The ISO week the clock's today falls in. */
export function thisWeek(clock: Clock): IsoWeek {
  return currentWeek(clock.now());
}
