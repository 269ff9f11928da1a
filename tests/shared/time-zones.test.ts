// Week dates are UTC midnights: the domain computes them in UTC and the screens
// (renderer/src/model/format) must read them in UTC, or a machine west of Greenwich shows
// Monday as the Sunday before and one far east ends a week on a Monday. Each zone runs in
// its own Node process, because a process reads TZ once.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

function weekTextsIn(tz: string): string[] {
  const script = `
    const m = await import(${JSON.stringify(join(ROOT, 'renderer/src/model/format.ts'))});
    const d = await import(${JSON.stringify(join(ROOT, 'shared/domain/index.ts'))});
    console.log(JSON.stringify([
      new Date(0).getTimezoneOffset(),
      d.weekDates('2026-W49').join(' '),
      d.weekOfIsoDate('2026-12-06'),
      m.weekTitle('2026-W49'),
      m.weekMondayText('2026-W49'),
      m.weekDatesText('2026-W49', '2026-W49'),
      m.weekDatesText('2026-W52', '2027-W01'),
    ]));`;
  // en-GB fixes the words ("30 Nov"); the zone is what is under test.
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz, LC_ALL: 'en-GB', LANG: 'en-GB' },
    encoding: 'utf8',
  });
  const [offset, ...texts] = JSON.parse(out.trim()) as [number, ...string[]];
  // The child really ran in that zone (a bad zone name falls back to UTC silently).
  if (tz !== 'UTC') expect(offset).not.toBe(0);
  return texts;
}

describe('week dates in any time zone', () => {
  it.each(['America/New_York', 'Pacific/Kiritimati', 'UTC'])('reads the Monday of 2026-W49 as 30 Nov in %s', (tz) => {
    expect(weekTextsIn(tz)).toEqual([
      '2026-11-30 2026-12-01 2026-12-02 2026-12-03 2026-12-04 2026-12-05 2026-12-06',
      '2026-W49',
      '2026-W49 (30 Nov 2026)',
      '30 Nov',
      '30 Nov – 6 Dec 2026',
      '21 Dec 2026 – 10 Jan 2027',
    ]);
  });
});
