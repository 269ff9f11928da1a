// Bundles the command line (electron/cli/main.ts) into out/cli/ as plain ESM for Node, so
// `tm-planner` starts without a TypeScript loader. bin/tm-planner.js rebuilds it when it is
// missing or older than its sources; `npm run build` builds it with the desktop app.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { newestMtime } from './source-times.mjs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(root, 'out/cli');
export const CLI_BUNDLE = join(CLI_OUT, 'main.js');
/** Everything the bundle is built from; a folder's own mtime changes when a file is added or removed. */
// renderer/src/print: the staffing summary's and the Reports' print pages, which PDFs are
// rendered from; the Reports page draws the charts and numbers of the two folders after it.
const SOURCES = [
  'electron/cli',
  'electron/backend',
  'shared',
  'renderer/src/print',
  'renderer/src/views/reports/charts',
  'renderer/src/model',
  'scripts/build-cli.mjs',
  'scripts/source-times.mjs',
].map((p) => join(root, p));

export function cliBundleStale() {
  return !existsSync(CLI_BUNDLE) || newestMtime(SOURCES) > statSync(CLI_BUNDLE).mtimeMs;
}

export async function buildCli() {
  // esbuild comes with tsx and vite (dev dependencies): only a build needs it, never a run.
  const { build } = await import('esbuild');
  // Read before building, from the file system's own times rather than this process's
  // clock (which faketime may move): a source saved while the build runs is newer still.
  const builtFrom = new Date(Math.ceil(newestMtime(SOURCES)));
  const result = await build({
    absWorkingDir: root,
    // The command line writes reports inline; the worker is bundled for any export job its backend starts.
    entryPoints: { main: 'electron/cli/main.ts', 'export-worker': 'electron/backend/export/export-worker.ts' },
    outdir: CLI_OUT,
    bundle: true,
    // The backend is a lazy chunk: --help loads main.js alone.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The print page is React (renderer/src/print): the automatic runtime, as the renderer builds it.
    jsx: 'automatic',
    // better-sqlite3 is native and the others are large: all load from node_modules at run time.
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  // Each file is written beside its place and renamed into it, the entry last, so a
  // tm-planner started during a rebuild never reads half a file.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === CLI_BUNDLE) - Number(b.path === CLI_BUNDLE));
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  removeOthers(CLI_OUT, new Set(files.map((f) => f.path)), builtFrom.getTime() - 24 * 3600 * 1000);
  utimesSync(CLI_BUNDLE, builtFrom, builtFrom);
  return files.map((f) => relative(root, f.path));
}

/**
 * Chunks of earlier builds (their names carry a content hash) would pile up, but one may
 * still be about to load in a tm-planner started just before this build: they go once
 * they are a day older than the new bundle's sources.
 */
function removeOthers(dir, keep, olderThan) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeOthers(path, keep, olderThan);
    else if (!keep.has(path) && !entry.name.endsWith('.tmp') && statSync(path).mtimeMs < olderThan) rmSync(path, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildCli().then(
    (files) => process.stdout.write(`CLI bundle: out/cli/main.js and ${files.filter((f) => f.endsWith('.js')).length - 1} chunks\n`),
    (e) => {
      process.stderr.write(`The CLI build failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
