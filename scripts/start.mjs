// `npm start`: the desktop app when the Electron binary is here, otherwise the local web
// host on a demo plan, so the app starts either way right after `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const failedMarker = path.join(root, 'node_modules', '.cache', 'tm-planner', 'electron-download-failed');

const electron = electronBinary() ?? tryDownloadOnce();
if (!electron) {
  console.log(
    'The Electron binary is not available on this machine (it could not be downloaded), so TM Planner starts as the local web host on a demo plan instead.',
  );
  startWebHost();
} else if (!runNode(['scripts/electron-native.mjs'])) {
  console.log('SQLite could not be built for Electron, so TM Planner starts as the local web host on a demo plan instead.');
  startWebHost();
} else if (!runNode(['node_modules/electron-vite/bin/electron-vite.js', 'build'])) {
  process.exit(1);
} else {
  forward(spawn(electron, ['.'], { cwd: root, stdio: 'inherit' }));
}

/** Mirrors node_modules/electron/index.js without its side effect of downloading on require. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readText(path.join(electronDir, 'path.txt')) ?? 'electron');
    return fs.existsSync(p) ? p : null;
  }
  const rel = readText(path.join(electronDir, 'path.txt'));
  const p = rel && path.join(electronDir, 'dist', rel);
  return p && fs.existsSync(p) ? p : null;
}

/** One attempt, remembered for a day: a machine without access should not wait at every start. */
function tryDownloadOnce() {
  const last = fs.existsSync(failedMarker) ? fs.statSync(failedMarker).mtimeMs : 0;
  if (Date.now() - last < 24 * 3600_000 || !fs.existsSync(path.join(electronDir, 'install.js'))) return null;
  console.log('Downloading the Electron binary...');
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 120_000 });
  const found = r.status === 0 ? electronBinary() : null;
  if (!found) {
    fs.mkdirSync(path.dirname(failedMarker), { recursive: true });
    fs.writeFileSync(failedMarker, new Date().toISOString() + '\n');
  }
  return found;
}

function startWebHost() {
  const db = path.join(os.homedir(), '.tm-planner', 'demo-plan.db');
  fs.mkdirSync(path.dirname(db), { recursive: true });
  const args = ['run', 'web', '--', '--db', db, '--demo'];
  // Through npm so the "web" script in package.json stays the one definition of the web host.
  const npmCli = process.env.npm_execpath;
  const child = npmCli
    ? spawn(process.execPath, [npmCli, ...args], { cwd: root, stdio: 'inherit' })
    : spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  forward(child);
}

function runNode(args) {
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status === 0;
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`Could not start: ${err.message}`);
    process.exit(1);
  });
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}
