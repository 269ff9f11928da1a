// When sources last changed, as the file system recorded it (never this process's clock,
// which faketime may move): the builds compare it with their output to know it is stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time in `paths` (files, or folders walked whole; a folder's own time changes when a file is added or removed). */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (path) => {
    const st = statSync(path);
    newest = Math.max(newest, st.mtimeMs);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  for (const p of paths) if (existsSync(p)) walk(p);
  return newest;
}
