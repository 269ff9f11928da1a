// The hours one allocation can hold, through the backend on a real plan file: assigning
// again and moving hours onto an allocation add up, within the week the import accepts.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/handlers';
import { MAX_ALLOCATION_MINUTES, mergeAllocationMinutes } from '../../shared/domain';
import { testClock } from '../helpers/clock';
import { useTempDir } from '../helpers/temp';

const temp = useTempDir();
const FIXTURES = join(__dirname, '../fixtures/csv');
const view = { from: '2026-W48', to: '2026-W50' };

/** The fixture plan (weeks 2026-W48..W53), without its allocations file. */
async function fixturePlan(): Promise<{ b: Backend; path: string }> {
  const path = join(temp(), 'plan.db');
  const b = createBackend({ clock: testClock });
  await b.call('plan-create', { path, name: 'Allocation rules' });
  for (const [kind, file] of [
    ['specialists', 'specialists.csv'],
    ['requests', 'requests.csv'],
    ['demand', 'demand.csv'],
  ] as const) {
    await b.call('import-csv', { kind, fileName: file, text: readFileSync(join(FIXTURES, file), 'utf8') });
  }
  return { b, path };
}

/** Everything the plan file holds that a change could touch. */
function dump(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return ['allocations', 'history'].map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all())).join('\n');
  } finally {
    db.close();
  }
}

async function refs(b: Backend) {
  const specialists = (await b.call('specialists-list', view)).specialists;
  const cards = (await b.call('board-get', view)).lanes.flatMap((l) => l.requests);
  return {
    ana: specialists.find((s) => s.id === 'S1')!.ref,
    r1: cards.find((c) => c.id === 'R1')!.ref,
    r2: cards.find((c) => c.id === 'R2')!.ref,
  };
}

const assign = (b: Backend, specialistRef: number, requestRef: number, week: string, hours: number) =>
  b.call('allocations-assign', { specialistRef, requestRef, weeks: [week], minutesPerWeek: hours * 60, status: 'confirmed', view });

describe('the hours of one allocation', () => {
  it('adds hours when assigned again, up to the week the import accepts', () => {
    expect(mergeAllocationMinutes(100 * 60, 68 * 60)).toEqual({ ok: true, minutes: MAX_ALLOCATION_MINUTES });
    expect(mergeAllocationMinutes(100 * 60, 100 * 60)).toEqual({ ok: false, minutes: 200 * 60, max: MAX_ALLOCATION_MINUTES });
  });

  it('refuses a second assign of 100 h to the same specialist, request and week, and changes nothing', async () => {
    const { b, path } = await fixturePlan();
    const { ana, r1 } = await refs(b);
    await assign(b, ana, r1, '2026-W49', 100);
    const before = dump(path);
    const history = await b.call('history-state', {});

    await expect(assign(b, ana, r1, '2026-W49', 100)).rejects.toThrow(
      'Ana Souza already has 100 h on R1 in W49; 100 h more would make 200 h, and one allocation holds at most 168 h a week.',
    );
    expect(dump(path)).toBe(before);
    expect(await b.call('history-state', {})).toEqual(history);
    // The engine was not patched either: the screen's next read agrees with the file.
    const week = (await b.call('specialists-list', view)).specialists.find((s) => s.ref === ana)!.weeks.find((w) => w.week === '2026-W49');
    expect(week!.allocated).toBe(100 * 60);

    // Up to the week itself still joins.
    const joined = await assign(b, ana, r1, '2026-W49', 68);
    expect(joined.timeline[0]!.cells.find((c) => c.week === '2026-W49')!.chips.map((c) => c.minutes)).toEqual([168 * 60]);
  });

  it('refuses to move hours onto an allocation they would push past a week, and changes nothing', async () => {
    const { b, path } = await fixturePlan();
    const { ana, r1, r2 } = await refs(b);
    await assign(b, ana, r1, '2026-W49', 150);
    const r2Assigned = await assign(b, ana, r2, '2026-W49', 20);
    const chip = r2Assigned.timeline[0]!.cells.find((c) => c.week === '2026-W49')!.chips.find((c) => c.requestRef === r2)!;
    const before = dump(path);

    await expect(b.call('allocations-move', { ref: chip.ref, toRequestRef: r1, view })).rejects.toThrow(
      'Ana Souza already has 150 h on R1 in W49; 20 h more would make 170 h, and one allocation holds at most 168 h a week.',
    );
    expect(dump(path)).toBe(before);
    const moved = await b.call('allocations-move', { ref: chip.ref, toRequestRef: r1, minutes: 18 * 60, view });
    expect(moved.timeline[0]!.cells.find((c) => c.week === '2026-W49')!.chips.map((c) => [c.requestId, c.minutes])).toEqual([
      ['R1', 168 * 60],
      ['R2', 2 * 60],
    ]);
  });

  it('holds at the import too: a row of more than a week is refused and nothing is written', async () => {
    const { b, path } = await fixturePlan();
    const before = dump(path);
    const csv = (hours: string) => `specialist_id,request_id,week,hours\nS1,R1,2026-W49,${hours}\nS2,R1,2026-W49,8\n`;
    await expect(b.call('import-csv', { kind: 'allocations', fileName: 'a.csv', text: csv('200') })).rejects.toThrow(
      'a.csv:2: hours: is more than a week has (168 h)',
    );
    expect(dump(path)).toBe(before);
    // What assigning can build, the import reads back.
    expect(await b.call('import-csv', { kind: 'allocations', fileName: 'a.csv', text: csv('168') })).toMatchObject({ rows: 2, changed: 2 });
  });
});
