import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportKind } from '../../shared/api';
import { createBackend, type Backend } from '../../electron/backend/handlers';
import { CSV_FIXTURES as FIXTURES, IMPORT_ORDER } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp';
import { testClock } from '../helpers/clock';

const temp = useTempDir();

async function importAll(b: Backend): Promise<number[]> {
  const changed: number[] = [];
  for (const [kind, file] of IMPORT_ORDER) {
    const r = await b.call('import-csv', { kind, fileName: file, text: readFileSync(join(FIXTURES, file), 'utf8') });
    changed.push(r.changed);
  }
  return changed;
}

async function freshPlan(): Promise<{ b: Backend; path: string }> {
  const path = join(temp(), 'plan.db');
  const b = createBackend({ clock: testClock });
  await b.call('plan-create', { path, name: 'Import test' });
  return { b, path };
}

function tableDump(path: string): string {
  const db = new Database(path, { readonly: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())).join('\n');
  db.close();
  return dump;
}

describe('CSV import', () => {
  it('reads all six kinds and the plan raises the flags domain.md predicts', async () => {
    const { b } = await freshPlan();
    await importAll(b);
    const info = await b.call('plan-info', {});
    expect(info.counts).toMatchObject({ specialists: 4, requests: 3, allocations: 5, holidays: 2, departments: 2 });

    const { flags, counts } = await b.call('flags-list', {});
    // S1: Mon, Tue, Wed available (Thu holiday, Fri leave), 4 h off Wednesday: 3 × 480 − 240 = 1200 min.
    const s1 = flags.find((f) => f.kind === 'over_allocation' && f.specialistId === 'S1');
    expect(s1?.detail).toBe('Ana Souza: 44:00 of 20:00 h, 220%');
    // R1: 24 h × 62.50 + 8 h × 70.00 = 2,060.00 against 2,000.00.
    expect(flags.find((f) => f.kind === 'cost_overrun' && f.requestId === 'R1')?.detail).toContain(
      'cost 2,060.00 of budget 2,000.00, 103%, 60.00 over',
    );
    // R3: 4 h and 7.33 h (440 min) at 55.25: 221.00 + 405.17.
    expect(flags.find((f) => f.kind === 'cost_overrun' && f.requestId === 'R3')?.detail).toContain('cost 626.17 of budget 100.00');
    expect(flags.find((f) => f.kind === 'leave_conflict')).toMatchObject({ specialistId: 'S3', week: '2026-W50' });
    expect(flags.find((f) => f.kind === 'outside_window')).toMatchObject({ specialistId: 'S3', week: '2027-W01', requestId: 'R3' });
    expect(counts).toEqual({
      over_allocation: 2,
      cost_overrun: 2,
      cost_at_risk: 0,
      skill_mismatch: 0,
      outside_window: 1,
      unfilled_demand: 8,
      leave_conflict: 1,
      inactive_request: 0,
    });
    b.close();
  });

  it('changes nothing when the same files are imported again', async () => {
    const { b, path } = await freshPlan();
    const first = await importAll(b);
    expect(first.every((n) => n > 0)).toBe(true);
    const before = tableDump(path);
    const second = await importAll(b);
    expect(second).toEqual([0, 0, 0, 0, 0, 0]);
    expect(tableDump(path)).toBe(before);
    b.close();
  });

  it('updates by key: a changed row changes only that row', async () => {
    const { b } = await freshPlan();
    await importAll(b);
    const text = readFileSync(join(FIXTURES, 'allocations.csv'), 'utf8').replace('S2,R1,2026-W49,8,', 'S2,R1,2026-W49,10.5,');
    const r = await b.call('import-csv', { kind: 'allocations', fileName: 'allocations.csv', text });
    expect(r).toEqual({ kind: 'allocations', rows: 5, changed: 1 });
    const rows = (await b.call('reports-allocations', {})).rows;
    expect(rows.find((x) => x.specialistId === 'S2')?.minutes).toBe(630);
    b.close();
  });

  it('writes nothing from a file with bad rows and names every one as file:row: column: what', async () => {
    const { b, path } = await freshPlan();
    await importAll(b);
    const before = tableDump(path);
    const bad = [
      'specialist_id,request_id,week,hours,status',
      'S1,R1,2026-W49,8,confirmed', // row 2: fine
      'S9,R1,2026-W49,8,confirmed', // row 3: unknown specialist
      'S1,R7,2026-W49,8,confirmed', // row 4: unknown request
      'S1,R2,2026-W54,8,confirmed', // row 5: no such week
      'S1,R2,2027-W53,8,confirmed', // row 6: 2027 has 52 weeks
      'S2,R2,2026-W49,7.333,confirmed', // row 7: over-precise
      'S2,R3,2026-W49,-4,confirmed', // row 8: negative
      'S3,R1,2026-W49,4,maybe', // row 9: unknown status
      'S1,R1,2026-W49,2,tentative', // row 10: same key as row 2
    ].join('\n');
    const err = await b.call('import-csv', { kind: 'allocations', fileName: 'week49.csv', text: bad }).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toContain('nothing was imported, 8 bad rows');
    for (const line of [
      'week49.csv:3: specialist_id: no specialist with id "S9"',
      'week49.csv:4: request_id: no request with id "R7"',
      'week49.csv:5: week: "2026-W54": 2026 has weeks 1 to 53',
      'week49.csv:6: week: "2027-W53": 2027 has weeks 1 to 52',
      'week49.csv:7: hours: "7.333" has more than 2 decimal places',
      'week49.csv:8: hours: must be more than 0',
      'week49.csv:9: status: "maybe" is not one of confirmed, tentative',
      'week49.csv:10: week: repeats the key of row 2',
    ]) {
      expect(err?.message).toContain(line);
    }
    expect(err?.message).not.toContain('week49.csv:2:');
    expect(tableDump(path)).toBe(before);
    b.close();
  });

  it('checks every kind: stage, dates, levels, demand inside its request, the header', async () => {
    const { b } = await freshPlan();
    await importAll(b);
    const attempt = (kind: ImportKind, text: string) =>
      b.call('import-csv', { kind, fileName: `${kind}.csv`, text }).then(
        () => '',
        (e: Error) => e.message,
      );
    expect(await attempt('requests', 'id,title,stage,start_week,end_week\nR9,X,deployment,2026-W50,2026-W49\n')).toMatch(
      /requests\.csv:2: stage: "deployment" is not one of design, transition, operation[\s\S]*requests\.csv:2: end_week: 2026-W49 is before start_week 2026-W50/,
    );
    expect(await attempt('specialists', 'id,name,department,weekly_hours,hourly_rate,skills\nS9,Z,Net,90,10,Cisco:7\n')).toMatch(
      /specialists\.csv:2: weekly_hours: must be more than 0 and at most 80[\s\S]*specialists\.csv:2: skills: "Cisco:7": level must be 1 to 5/,
    );
    expect(await attempt('demand', 'request_id,skill,hours_per_week,start_week,end_week\nR2,Kafka,8,2026-W48,2026-W52\n')).toContain(
      "demand.csv:2: start_week: 2026-W48..2026-W52 is not inside request R2's weeks 2026-W48..2026-W49",
    );
    expect(await attempt('time-off', 'specialist_id,start_date,end_date\nS1,2026-02-30,2026-03-01\n')).toContain(
      'time-off.csv:2: start_date: "2026-02-30" is not a real date',
    );
    expect(await attempt('holidays', 'calendar,date\nDE,2026-12-25\n')).toBe('holidays.csv:1: the header lacks required column name.');
    expect(await attempt('allocations', 'specialist_id,request_id,week,hours\n"S1,R1,2026-W48,1\n')).toContain(
      'allocations.csv:2: a quoted cell is never closed',
    );
    b.close();
  });

  it('links an allocation to the demand line named in its skill column, and flags a mismatch', async () => {
    const { b } = await freshPlan();
    await importAll(b);
    // S2 holds PostgreSQL at level 2; R1's PostgreSQL line asks for level 3.
    await b.call('import-csv', {
      kind: 'allocations',
      fileName: 'a.csv',
      text: 'specialist_id,request_id,week,hours,skill\nS2,R1,2026-W48,8,postgresql\n',
    });
    const { flags } = await b.call('flags-list', { from: '2026-W48', to: '2026-W48' });
    expect(flags.find((f) => f.kind === 'skill_mismatch')?.detail).toBe(
      'Keller, Bernd on R1: line needs PostgreSQL L3+, holds PostgreSQL L2',
    );
    b.close();
  });
});
