import { join } from 'node:path';
import { expect } from 'vitest';
import { cli } from './cli';
import { CSV_FIXTURES, IMPORT_ORDER } from './fixtures';

/**
 * A plan file in `dir` made through the CLI as a user makes one: `init`, then the CSV
 * fixtures (or only the kinds named in `kinds`, e.g. the specialists of a lead's copy).
 */
export async function fixturePlan(dir: string, name = 'plan.db', kinds?: readonly string[]): Promise<string> {
  const db = join(dir, name);
  expect((await cli('init', '--db', db, '--name', name.replace(/\.db$/, ''))).code).toBe(0);
  for (const [kind, file] of IMPORT_ORDER) {
    if (kinds && !kinds.includes(kind)) continue;
    const r = await cli('import', '--db', db, kind, join(CSV_FIXTURES, file));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
  return db;
}
