import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { createPlan, openPlan, PLAN_APPLICATION_ID } from '../../electron/backend/db/open';
import { readPlanMeta } from '../../electron/backend/db/plan-meta';
import { createBackend } from '../../electron/backend/handlers';
import { useTempDir } from '../helpers/temp';
import { testClock } from '../helpers/clock';

const temp = useTempDir();

function expectApiError(fn: () => unknown, code: string, text: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe(code);
    expect((e as ApiError).message).toMatch(text);
    return;
  }
  throw new Error('expected an error');
}

describe('plan file', () => {
  it('is created with its schema, pragmas, name and currency, and reopens', () => {
    const path = join(temp(), 'plan.db');
    const db = createPlan(path, { name: 'Q1 plan', currency: 'JPY', minorDigits: 0 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(PLAN_APPLICATION_ID);
    db.close();
    const again = openPlan(path);
    expect(readPlanMeta(again)).toMatchObject({ name: 'Q1 plan', currency: 'JPY', minorDigits: 0 });
    expect(again.pragma('busy_timeout', { simple: true })).toBe(5000);
    again.close();
  });

  it('refuses to overwrite an existing file', () => {
    const path = join(temp(), 'plan.db');
    writeFileSync(path, 'precious');
    expectApiError(() => createPlan(path, { name: 'x', currency: 'EUR', minorDigits: 2 }), 'exists', /already exists/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('refuses a file that is not a plan and leaves it byte for byte as it was', () => {
    const dir = temp();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'these are my notes, not a database');
    expectApiError(() => openPlan(text), 'not-a-plan', /not an SQLite database/);
    expect(readFileSync(text, 'utf8')).toBe('these are my notes, not a database');

    const other = join(dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    foreign.close();
    const before = readFileSync(other);
    expectApiError(() => openPlan(other), 'not-a-plan', /not a TM Planner plan/);
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  it('refuses a plan from a newer version without touching it', () => {
    const path = join(temp(), 'future.db');
    createPlan(path, { name: 'x', currency: 'EUR', minorDigits: 2 }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = readFileSync(path);
    expectApiError(() => openPlan(path), 'newer-schema', /newer TM Planner/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged file with a clear message', () => {
    const path = join(temp(), 'damaged.db');
    createPlan(path, { name: 'x', currency: 'EUR', minorDigits: 2 }).close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const bytes = readFileSync(path);
    // Keep the header, wreck the pages behind it.
    bytes.fill(0x5a, 100, Math.min(bytes.length, 6000));
    writeFileSync(path, bytes);
    expectApiError(() => openPlan(path), 'damaged', /damaged|could not be opened/);
  });

  it('keeps the open plan when opening another file fails', async () => {
    const dir = temp();
    const good = join(dir, 'good.db');
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'nope');
    const backend = createBackend({ clock: testClock });
    await backend.call('plan-create', { path: good, name: 'Good' });
    await expect(backend.call('plan-open', { path: bad })).rejects.toThrow(/not a TM Planner plan/);
    expect((await backend.call('plan-info', {})).name).toBe('Good');
    backend.close();
  });

  it('saves a consistent copy that opens as a plan', async () => {
    const dir = temp();
    const backend = createBackend({ clock: testClock });
    await backend.call('plan-create', { path: join(dir, 'a.db'), demo: true });
    const { path } = await backend.call('plan-save-copy', { path: join(dir, 'copy.db') });
    const copy = createBackend({ clock: testClock });
    const info = await copy.call('plan-open', { path });
    const original = await backend.call('plan-info', {});
    expect(info.counts).toEqual(original.counts);
    await expect(backend.call('plan-save-copy', { path })).rejects.toThrow(/already exists/);
    copy.close();
    backend.close();
  });
});
