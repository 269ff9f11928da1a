import Database from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { ApiError } from '../../../shared/api/errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export type Db = Database.Database;

/** "TMPL": marks a SQLite file as a TM Planner plan. */
export const PLAN_APPLICATION_ID = 0x544d504c;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI). */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}

export interface CreateOptions extends OpenOptions {
  name: string;
  currency: string;
  minorDigits: number;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function dbOptions(o: OpenOptions, extra: Database.Options = {}): Database.Options {
  return o.nativeBinding ? { ...extra, nativeBinding: o.nativeBinding } : extra;
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

/**
 * Opens an existing plan. Every check runs on a read-only handle first, so that a file
 * that is not a plan, or one from a newer version, is left exactly as it was.
 */
export function openPlan(path: string, o: OpenOptions = {}): Db {
  if (!existsSync(path)) throw new ApiError('not-found', `There is no plan at ${path}.`);
  if (statSync(path).isDirectory()) throw new ApiError('not-a-plan', `${path} is a folder, not a plan file.`);
  assertSqliteHeader(path);
  const probe = openOrExplain(path, dbOptions(o, { readonly: true, fileMustExist: true }));
  let pending: number;
  try {
    pending = checkPlan(probe, path);
  } finally {
    probe.close();
  }
  const db = openOrExplain(path, dbOptions(o, { readonly: o.readonly ?? false, fileMustExist: true }));
  try {
    if (!o.readonly) {
      applyPragmas(db);
      if (pending > 0) runMigrations(db);
    } else {
      db.pragma('busy_timeout = 5000');
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Creates a new, empty plan; refuses to overwrite an existing file. */
export function createPlan(path: string, o: CreateOptions): Db {
  if (existsSync(path)) throw new ApiError('exists', `${path} already exists; choose another file name (a plan is never overwritten).`);
  const db = new Database(path, dbOptions(o));
  try {
    applyPragmas(db);
    db.transaction(() => {
      db.pragma(`application_id = ${PLAN_APPLICATION_ID}`);
      runMigrationsInside(db);
      const put = db.prepare('INSERT INTO plan_meta (key, value) VALUES (?, ?)');
      put.run('name', o.name);
      put.run('currency', o.currency);
      put.run('minor_digits', String(o.minorDigits));
      put.run('created_at', new Date().toISOString());
    })();
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function assertSqliteHeader(path: string): void {
  const size = statSync(path).size;
  if (size === 0) throw new ApiError('not-a-plan', `${path} is empty: it is not a TM Planner plan.`);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    if (buf.toString('latin1') !== SQLITE_MAGIC) {
      throw new ApiError('not-a-plan', `${path} is not a TM Planner plan (it is not an SQLite database).`);
    }
  } finally {
    closeSync(fd);
  }
}

function openOrExplain(path: string, options: Database.Options): Db {
  try {
    return new Database(path, options);
  } catch (e) {
    throw new ApiError('damaged', `${path} could not be opened: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

/** Returns how many migrations are pending; throws when the file must not be touched. */
function checkPlan(db: Db, path: string): number {
  let appId: number;
  let version: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    throw new ApiError('damaged', `${path} is damaged and cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (appId !== PLAN_APPLICATION_ID) {
    throw new ApiError('not-a-plan', `${path} is an SQLite database but not a TM Planner plan.`);
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw new ApiError(
      'newer-schema',
      `${path} was saved by a newer TM Planner (plan format ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update TM Planner to open it.`,
    );
  }
  const hasHistory = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasHistory) throw new ApiError('damaged', `${path} is damaged: its schema history is missing.`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
  applied.forEach((m, i) => {
    const shipped = migrations[i];
    if (!shipped || shipped.version !== m.version || shipped.name !== m.name) {
      throw new ApiError('not-a-plan', `${path} has a schema history this version does not know (migration ${m.version} "${m.name}").`);
    }
  });
  if (applied.length !== version) {
    throw new ApiError('damaged', `${path} is damaged: its schema version (${version}) does not match its migration history.`);
  }
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new ApiError('damaged', `${path} is damaged: SQLite reports "${String(check)}".`);
  return LATEST_SCHEMA_VERSION - version;
}

function runMigrations(db: Db): void {
  db.transaction(() => runMigrationsInside(db))();
}

function runMigrationsInside(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  );
  const current = db.pragma('user_version', { simple: true }) as number;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.exec(m.sql);
    record.run(m.version, m.name, new Date().toISOString());
    db.pragma(`user_version = ${m.version}`);
  }
}
