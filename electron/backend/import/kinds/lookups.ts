import type { Db } from '../../db/open';

export interface RequestRef {
  id: number;
  startWeek: string;
  endWeek: string;
}

export function specialistIds(db: Db): Map<string, number> {
  return new Map(db.prepare('SELECT code, id FROM specialists').raw().all() as [string, number][]);
}

export function requestRefs(db: Db): Map<string, RequestRef> {
  const rows = db.prepare('SELECT code, id, start_week, end_week FROM requests').raw().all() as [string, number, string, string][];
  return new Map(rows.map(([code, id, startWeek, endWeek]) => [code, { id, startWeek, endWeek }]));
}

/** Skill ids by lower-cased name: skills are matched case-insensitively, as the schema does. */
export function skillIds(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT name, id FROM skills').raw().all() as [string, number][];
  return new Map(rows.map(([name, id]) => [name.toLowerCase(), id]));
}

export function ensureSkill(db: Db, cache: Map<string, number>, name: string): number {
  const key = name.toLowerCase();
  let id = cache.get(key);
  if (id === undefined) {
    id = Number(db.prepare('INSERT INTO skills (name) VALUES (?)').run(name).lastInsertRowid);
    cache.set(key, id);
  }
  return id;
}
