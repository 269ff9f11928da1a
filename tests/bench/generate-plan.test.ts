import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/handlers';
import { BENCH_PLAN, SETUP_KINDS, generatePlan, type GenerateOptions } from './generate-plan';
import { testClock } from '../helpers/clock';

// The bench plan at a small scale: same generator, same import path, so the bench cannot
// silently break when import rules change.
const SMALL: GenerateOptions = { ...BENCH_PLAN, specialists: 120, requests: 300, allocations: 6_000 };

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('bench plan generator', () => {
  it('is reproducible from its seed', () => {
    const a = generatePlan(SMALL);
    const b = generatePlan(SMALL);
    expect(b.csv).toEqual(a.csv);
    expect(generatePlan({ ...SMALL, seed: SMALL.seed + 1 }).csv.allocations).not.toEqual(a.csv.allocations);
  });

  it('produces files the real import accepts, with the exact sizes asked for and every kind of flag', async () => {
    const plan = generatePlan(SMALL);
    const dir = mkdtempSync(join(tmpdir(), 'tm-planner-bench-test-'));
    dirs.push(dir);
    const backend = createBackend({ clock: testClock });
    try {
      await backend.call('plan-create', { path: join(dir, 'small.tmplan') });
      for (const kind of SETUP_KINDS) await backend.call('import-csv', { kind, fileName: `${kind}.csv`, text: plan.csv[kind] });
      const result = await backend.call('import-csv', { kind: 'allocations', fileName: 'allocations.csv', text: plan.csv.allocations });
      expect(result).toMatchObject({ rows: SMALL.allocations, changed: SMALL.allocations });
      const info = await backend.call('plan-info', {});
      expect(info.counts).toMatchObject({ specialists: SMALL.specialists, requests: SMALL.requests, allocations: SMALL.allocations });
      expect(info.span).toEqual({ from: plan.weeks[0], to: plan.weeks[SMALL.weeks - 1] });
      const { counts } = await backend.call('flags-list', {});
      for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0);
    } finally {
      backend.close();
    }
  });
});
