// Builds the renderer into out/renderer when the build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newestMtime } from './source-times.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out/renderer/index.html');

export function ensureRendererBuilt() {
  const sources = ['renderer', 'shared', 'vite.renderer.config.ts'].map((p) => join(root, p));
  const stale = !existsSync(built) || newestMtime(sources) > statSync(built).mtimeMs;
  if (!stale) return;
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Vitest runs with NODE_ENV=test, which Vite would honour with React's development build
      // (several times slower): the served renderer is always the production one.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error('The renderer build failed.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) ensureRendererBuilt();
