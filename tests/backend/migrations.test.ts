// A plan made by an older TM Planner opens in this one and is upgraded in place; a plan
// whose migration history forks from the shipped list is refused and left untouched.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/backend/db/migrations';
import { openPlan, PLAN_APPLICATION_ID } from '../../electron/backend/db/open';
import { createBackend } from '../../electron/backend/handlers';
import { testClock } from '../helpers/clock';
import { useTempDir } from '../helpers/temp';

const temp = useTempDir();

/** Writes a plan file as an older release did: the migrations of `history` only, recorded under the names given. */
function oldPlan(path: string, history: readonly { version: number; name: string }[]): void {
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma(`application_id = ${PLAN_APPLICATION_ID}`);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const h of history) {
    db.exec(migrations[h.version - 1]!.sql);
    record.run(h.version, h.name, '2026-01-05T09:00:00.000Z');
  }
  db.pragma(`user_version = ${history.length}`);
  const put = db.prepare('INSERT INTO plan_meta (key, value) VALUES (?, ?)');
  put.run('name', 'Plan of 2026');
  put.run('currency', 'EUR');
  put.run('minor_digits', '2');
  db.prepare("INSERT INTO departments (id, name) VALUES (1, 'Database Services')").run();
  db.close();
}

function expectRefused(fn: () => unknown, code: string, text: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  expect((error as ApiError).message).toMatch(text);
}

describe('plan migrations', () => {
  it('ships a numbered list, each version once and in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(1);
  });

  it('never changes a shipped migration: plan files out there were made by exactly this SQL', () => {
    // A new schema change is a new migration; editing a shipped one would leave old files
    // upgraded on guesswork. Add a line here for each new migration, never edit one.
    const SHIPPED: readonly [number, string, string][] = [
      [1, 'plan-schema', '36a196031b43f388a4d75454dd9376bfe541e743b0e70bce22b1ed20bfd21aa6'],
      [2, 'change-history', '49b2db832d326433ae4e11acf6721a36f8d6973774678bf9325a4901df761492'],
      [3, 'request-workflow', '5c33862663f22bd1c0d683b19ba856299a4636620dfa696cdc8f26ef3f06adea'],
    ];
    const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
    expect(migrations.slice(0, SHIPPED.length).map((m) => [m.version, m.name, sha256(m.sql)])).toEqual(SHIPPED);
  });

  it('upgrades a plan made by the first migration, keeping its data and recording each step', async () => {
    const path = join(temp(), 'old.db');
    oldPlan(path, [migrations[0]!]);

    const backend = createBackend({ clock: testClock });
    const info = await backend.call('plan-open', { path });
    expect(info).toMatchObject({ name: 'Plan of 2026', currency: 'EUR', counts: { departments: 1 } });
    // The upgraded plan does what only the later migrations make possible: it keeps undo history.
    expect(await backend.call('history-state', {})).toMatchObject({ canUndo: false, canRedo: false });
    backend.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const applied = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
      version: number;
      name: string;
      applied_at: string;
    }[];
    expect(applied.map(({ version, name }) => ({ version, name }))).toEqual(migrations.map(({ version, name }) => ({ version, name })));
    expect(applied[0]!.applied_at).toBe('2026-01-05T09:00:00.000Z');
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'history'").pluck().get()).toBe('history');
    db.close();
  });

  it('refuses a plan whose applied migrations are not a prefix of the shipped list, and leaves it byte for byte', () => {
    const dir = temp();
    const forkedFirst = join(dir, 'forked-first.db');
    oldPlan(forkedFirst, [{ version: 1, name: 'plan-schema-experimental' }]);
    const bytes = readFileSync(forkedFirst);
    expectRefused(
      () => openPlan(forkedFirst),
      'not-a-plan',
      /schema history this version does not know \(migration 1 "plan-schema-experimental"\)/,
    );
    expect(readFileSync(forkedFirst).equals(bytes)).toBe(true);

    const forkedLater = join(dir, 'forked-later.db');
    oldPlan(forkedLater, [migrations[0]!, { version: 2, name: 'someone-elses-table' }]);
    const laterBytes = readFileSync(forkedLater);
    expectRefused(() => openPlan(forkedLater), 'not-a-plan', /migration 2 "someone-elses-table"/);
    expect(readFileSync(forkedLater).equals(laterBytes)).toBe(true);
  });
});
