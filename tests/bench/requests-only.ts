/**
 * `npm run bench -- --only requests`: the requests view rows alone (tests/bench/requests-browser.ts)
 * on the bench plan, without the engine measures and their repeated imports. The plan is built
 * as run.ts builds it (generated with the fixed seed, through the real import) in a temp folder
 * removed at the end.
 */
import { median, onBenchPlanFile } from './bench-plan-file';
import { requestsInBrowser } from './requests-browser';

/** Nearest rank, as run.ts reports it: only with 10+ runs. */
const p95 = (xs: readonly number[]): number | null =>
  xs.length < 10 ? null : [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1]!;

export async function printRequestsBench(): Promise<void> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  await onBenchPlanFile(async (path, plan) => {
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
  });
}
