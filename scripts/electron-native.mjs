// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node.
// node_modules keeps the Node build (tests, CLI, web host); the desktop shell loads this one.
// Needs the Electron headers from electronjs.org, so it fails offline: one clear line, exit 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'build-info.json');

const electronVersion = readJson(path.join(root, 'node_modules/electron/package.json'))?.version;
const sqliteVersion = readJson(path.join(root, 'node_modules/better-sqlite3/package.json'))?.version;
if (!electronVersion || !sqliteVersion) fail('electron or better-sqlite3 is not installed; run npm install first.');

const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
const force = process.argv.includes('--force');
if (!force && fs.existsSync(outFile) && JSON.stringify(readJson(stampFile)) === JSON.stringify(wanted)) {
  console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is already built (${path.relative(root, outFile)}).`);
  process.exit(0);
}

// Built in a copy so node_modules keeps its Node-ABI binary.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-sqlite-electron-'));
const log = path.join(work, 'build.log');
fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), path.join(work, 'better-sqlite3'), {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});

const gyp = path.join(root, 'node_modules/node-gyp/bin/node-gyp.js');
const args = [
  gyp,
  'rebuild',
  '--release',
  `--target=${electronVersion}`,
  `--arch=${process.arch}`,
  '--dist-url=https://electronjs.org/headers',
];
console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})...`);
const result = spawnSync(process.execPath, args, {
  cwd: path.join(work, 'better-sqlite3'),
  encoding: 'utf8',
  timeout: 15 * 60_000,
  env: {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
  },
});
fs.writeFileSync(log, `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error ?? ''}`);

const built = path.join(work, 'better-sqlite3/build/Release/better_sqlite3.node');
if (result.status !== 0 || !fs.existsSync(built)) {
  fs.rmSync(path.join(work, 'better-sqlite3'), { recursive: true, force: true });
  const offline = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|headers\.tar\.gz/.test(
    fs.readFileSync(log, 'utf8'),
  );
  fail(
    offline
      ? `Could not build SQLite for Electron ${electronVersion}: the Electron headers could not be downloaded from electronjs.org (offline?). Log: ${log}`
      : `Could not build SQLite for Electron ${electronVersion} (node-gyp failed; a C++ compiler and Python are needed). Log: ${log}`,
  );
}

fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(built, outFile);
fs.writeFileSync(stampFile, JSON.stringify(wanted, null, 2) + '\n');
fs.rmSync(work, { recursive: true, force: true });
console.log(`Wrote ${path.relative(root, outFile)}.`);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
