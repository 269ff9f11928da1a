/**
 * `npm run bench -- --only requests`: the requests view rows alone (tests/bench/requests-browser.ts)
 * on the bench plan, without the engine measures and their repeated imports. The plan is built
 * as run.ts builds it (generated with the fixed seed, through the real import) in a temp folder
 * removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/handlers';
import { BENCH_PLAN, SETUP_KINDS, generatePlan } from './generate-plan';
import { requestsInBrowser } from './requests-browser';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Nearest rank, as run.ts reports it: only with 10+ runs. */
const p95 = (xs: readonly number[]): number | null =>
  xs.length < 10 ? null : [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1]!;

export async function printRequestsBench(): Promise<void> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'tm-planner-bench-'));
  try {
    const plan = generatePlan(BENCH_PLAN);
    const path = join(dir, 'full.tmplan');
    const backend = createBackend();
    await backend.call('plan-create', { path, name: 'Bench plan' });
    for (const kind of [...SETUP_KINDS, 'allocations'] as const) {
      await backend.call('import-csv', { kind, fileName: `${kind}.csv`, text: plan.csv[kind] });
    }
    backend.close();
    log(`bench plan: ${plan.counts.requests} requests, ${plan.counts.allocations} allocations`);
    const measures = await requestsInBrowser(path, plan.weeks[0]!, log);
    const ms = (v: number | null): string => (v === null ? '-' : v.toFixed(v < 10 ? 1 : 0));
    for (const m of measures) {
      const med = median(m.samples);
      const base = median(m.baselineSamples);
      process.stdout.write(
        `${m.label}: median ${ms(med)} ms, p95 ${ms(p95(m.samples))} ms, baseline ${ms(base)} ms, ratio ${(med / base).toFixed(1)}x\n` +
          `  includes: ${m.includes}\n  baseline: ${m.baseline}\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
