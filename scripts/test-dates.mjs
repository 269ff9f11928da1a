// Runs the non-browser suites on other days and in other time zones, with Debian's
// `faketime` moving the whole process's clock: proof that no test leans on today's date
// or on the machine's zone. The browser suites pin the page clock themselves.
import { spawnSync } from 'node:child_process';

const RUNS = [
  { at: '2026-12-28 12:00:00', tz: 'Asia/Tokyo' }, // Monday of 2026-W53, the year's last ISO week
  { at: '2027-01-01 12:00:00', tz: 'America/New_York' }, // New Year's Day, still in 2026-W53
  { at: '2027-06-15 12:00:00', tz: 'Pacific/Kiritimati' }, // mid-year, UTC+14
];

if (spawnSync('faketime', ['-f', '+0', 'true']).status !== 0) {
  console.error('faketime is not installed: apt-get install -y faketime (.ci/run does this).');
  process.exit(1);
}

let failed = 0;
for (const { at, tz } of RUNS) {
  console.log(`\n== non-browser suites on ${at} (${tz})`);
  const r = spawnSync('faketime', [at, 'npx', 'vitest', 'run', '--exclude', 'tests/e2e/**', '--reporter=dot'], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  if (r.status !== 0) failed++;
}
console.log(failed === 0 ? '\nAll suites pass on every date.' : `\n${failed} of ${RUNS.length} date runs failed.`);
process.exit(failed === 0 ? 0 : 1);
