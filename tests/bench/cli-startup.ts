/**
 * CLI start-up for `npm run bench`: `tm-planner --help` spawned as a new process, as a script
 * calling it does, against `node -e 0` spawned the same way. Runs alternate, so a change in
 * machine load hits both alike. Also `tsx tests/bench/cli-startup.ts` (or `npm run bench --
 * --only cli`) to print just this measure.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/tm-planner.js', import.meta.url));

function spawnMs(args: string[], check: (stdout: string) => boolean): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 || !check(r.stdout)) throw new Error(`bench: node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

export function cliStartupSamples(runs: number): { samples: number[]; baselineSamples: number[] } {
  const help = (): number => spawnMs([BIN, '--help'], (out) => out.startsWith('Usage:\n'));
  const node = (): number => spawnMs(['-e', '0'], () => true);
  // The first run builds the bundle if it is stale; both warm the OS file cache.
  help();
  node();
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(help());
    baselineSamples.push(node());
  }
  return { samples, baselineSamples };
}

export const CLI_STARTUP = {
  key: 'cli-start',
  includes:
    'node bin/tm-planner.js --help as a new process (spawnSync, until it exits): node start-up, the bundle freshness check ' +
    '(stat of electron/cli, electron/backend, shared), loading out/cli/main.js, parsing, printing',
  baseline: 'node -e 0, spawned the same way',
  limitMs: 150,
  maxRatio: 3,
} as const;

/** Just this measure, in one line: for working on the CLI without the minutes-long plan bench. */
export function printCliStartup(runs: number): void {
  const { samples, baselineSamples } = cliStartupSamples(runs);
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const med = median(samples);
  const base = median(baselineSamples);
  const ok = med < CLI_STARTUP.limitMs && med / base <= CLI_STARTUP.maxRatio;
  process.stdout.write(
    `tm-planner --help (x${runs}): median ${med.toFixed(1)} ms, ${CLI_STARTUP.baseline} ${base.toFixed(1)} ms, ` +
      `ratio ${(med / base).toFixed(1)}x; target <${CLI_STARTUP.limitMs} ms, <=${CLI_STARTUP.maxRatio}x: ${ok ? 'ok' : 'over'}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printCliStartup(21);
