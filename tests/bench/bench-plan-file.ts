// The bench plan as a file, for the `--only` runs that need nothing else: generated with
// the fixed seed, imported through the backend as run.ts does, removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/handlers';
import { BENCH_PLAN, SETUP_KINDS, generatePlan, type GeneratedPlan } from './generate-plan';

export async function onBenchPlanFile<T>(fn: (path: string, plan: GeneratedPlan) => Promise<T>): Promise<T> {
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
    return await fn(path, plan);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
