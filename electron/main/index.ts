// App entry: wires the window, menu, IPC and the backend process. Decisions live in the
// pure modules next to this file; what remains here is the Electron plumbing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, shell, utilityProcess, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { configureSession, registerAppScheme } from './app-session';
import { BackendProcess, type ChildLike } from './backend-process';
import type { InvokeOutcome } from './channels';
import { push, registerInvokeChannel, relay } from './ipc';
import { buildMenuTemplate } from './menu';
import { exportReport, printHtml, printSummaryPdf } from './print-window';
import { defaultCurrency, openPlanFilters, planNameFromPath, planPathFromArgv, savePlanFilters, withPlanExtension } from './plan-files';
import { addRecent, clearRecent, loadRecentState, pathKey, removeRecent, saveRecentState, type RecentState } from './recent-plans';
import { attachNavigationGuard } from './security';
import { createMainWindow } from './window';

const APP_NAME = 'TM Planner';
const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

let mainWindow: BrowserWindow | null = null;
let recent: RecentState = { recent: [], lastOpened: null };
let currentPlan: string | null = null;
let pendingOpen: string | null = planPathFromArgv(process.argv, process.cwd());
let quitting = false;

const backend = new BackendProcess(
  () =>
    utilityProcess.fork(path.join(here, 'utility-entry.js'), [], {
      serviceName: `${APP_NAME} data`,
      env: { ...process.env, ...sqliteBindingEnv() },
      stdio: 'inherit',
    }) as unknown as ChildLike,
  { onEvent: relay, log: (m) => console.log(`[tm-planner] ${m}`), print: printHtml },
);

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second launch hands its argv to the first one (see 'second-instance') and leaves.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    focusWindow();
    const requested = planPathFromArgv(argv, cwd);
    if (requested) void openPlan(requested);
  });
  // macOS delivers double-clicked .tmplan files this way, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openPlan(file);
    else pendingOpen = file;
  });
  app.on('web-contents-created', (_event, contents) => {
    attachNavigationGuard(contents, { devServerUrl, openExternal: (url) => void shell.openExternal(url) });
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('before-quit', (event) => {
    // Let the backend close the plan (checkpointing the WAL) so the file alone is a complete copy.
    if (quitting || !backend.running) return;
    event.preventDefault();
    quitting = true;
    void backend.stop().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  configureSession(session.defaultSession, { rendererDir: path.join(here, '../renderer'), devServerUrl });
  registerInvokeChannel({ backend, devServerUrl, onResult: followPlanSwitch, inMain: answerInMain });
  recent = loadRecentState(recentFile());
  rebuildMenu();
  // The plan is opened before the window loads, so the renderer's first request finds it.
  await openInitialPlan();
  openWindow();
}

function answerInMain(name: string, input: unknown): Promise<InvokeOutcome> {
  if (name === 'exports-start') {
    const folder = currentPlan ? path.dirname(currentPlan) : app.getPath('documents');
    return exportReport(backend, input, { saveDialog, folder });
  }
  return printSummaryPdf(backend, input);
}

async function openInitialPlan(): Promise<void> {
  const requested = pendingOpen;
  pendingOpen = null;
  if (requested && (await openPlan(requested))) return;
  if (recent.lastOpened && (await openPlan(recent.lastOpened))) return;
  await openPlan(path.join(app.getPath('userData'), 'demo-plan.tmplan'), { createDemoIfMissing: true });
}

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: path.join(here, '../preload/index.cjs'),
    devServerUrl,
    title: windowTitle(),
    icon: app.isPackaged ? undefined : path.join(app.getAppPath(), 'resources/icon.png'),
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function openPlan(planPath: string, opts: { createDemoIfMissing?: boolean } = {}): Promise<boolean> {
  const resolved = path.resolve(planPath);
  if (currentPlan && pathKey(currentPlan) === pathKey(resolved)) return true;
  const outcome = await backend.invoke('plan-open', { path: resolved, ...opts });
  if (!outcome.ok) {
    if (!fs.existsSync(resolved)) updateRecent(removeRecent(recent, resolved));
    await showError('The plan could not be opened.', `${resolved}\n\n${outcome.error.message}`);
    return false;
  }
  planOpened(resolved, outcome.result);
  return true;
}

function planOpened(planPath: string, result: unknown): void {
  currentPlan = planPath;
  backend.setReplay({ name: 'plan-open', input: { path: planPath } });
  updateRecent(addRecent(recent, planPath));
  mainWindow?.setTitle(windowTitle());
  push('plan-changed', { path: planPath, name: planName(result, planPath) });
}

function followPlanSwitch(name: string, input: unknown, outcome: { ok: boolean; result?: unknown }): void {
  if (!outcome.ok || (name !== 'plan-open' && name !== 'plan-create')) return;
  const p = (input as { path?: unknown }).path;
  if (typeof p === 'string') planOpened(path.resolve(p), outcome.result);
}

function planName(result: unknown, planPath: string): string {
  const r = result as { name?: unknown; plan?: { name?: unknown } } | null;
  const name = r?.name ?? r?.plan?.name;
  return typeof name === 'string' && name ? name : planNameFromPath(planPath);
}

function windowTitle(): string {
  return currentPlan ? `${planNameFromPath(currentPlan)} — ${APP_NAME}` : APP_NAME;
}

function recentFile(): string {
  return path.join(app.getPath('userData'), 'recent-plans.json');
}

function updateRecent(next: RecentState): void {
  recent = next;
  try {
    saveRecentState(recentFile(), recent);
  } catch (err) {
    console.warn('[tm-planner] could not save the recent plans list:', err);
  }
  rebuildMenu();
}

function rebuildMenu(): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    recentPlans: recent.recent,
    appName: APP_NAME,
    isDev: !!devServerUrl,
    actions: {
      newPlan: () => void newPlan(),
      openPlan: () => void chooseAndOpenPlan(),
      openRecent: (p) => void openRecent(p),
      clearRecent: () => updateRecent(clearRecent(recent)),
      saveCopy: () => void saveCopy(),
      importCsv: () => menuCommand('import-csv'),
      exportReport: () => menuCommand('export-report'),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function newPlan(): Promise<void> {
  const chosen = await saveDialog({
    title: 'New plan',
    buttonLabel: 'Create',
    defaultPath: path.join(app.getPath('documents'), 'New plan.tmplan'),
    filters: savePlanFilters,
  });
  if (!chosen) return;
  const planPath = path.resolve(withPlanExtension(chosen));
  const input = { path: planPath, name: planNameFromPath(planPath), currency: defaultCurrency(app.getLocaleCountryCode()) };
  const outcome = await backend.invoke('plan-create', input);
  if (!outcome.ok) return showError('The plan could not be created.', `${planPath}\n\n${outcome.error.message}`);
  planOpened(planPath, outcome.result);
}

async function chooseAndOpenPlan(): Promise<void> {
  const options: OpenDialogOptions = { title: 'Open plan', properties: ['openFile'], filters: openPlanFilters };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const chosen = result.canceled ? undefined : result.filePaths[0];
  if (chosen) await openPlan(chosen);
}

async function openRecent(planPath: string): Promise<void> {
  if (!fs.existsSync(planPath)) {
    updateRecent(removeRecent(recent, planPath));
    return showError('That plan is no longer there.', `${planPath} was moved or deleted; it has been removed from the recent list.`);
  }
  await openPlan(planPath);
}

async function saveCopy(): Promise<void> {
  if (!currentPlan) return;
  const chosen = await saveDialog({
    title: 'Save a copy of the plan',
    buttonLabel: 'Save copy',
    defaultPath: path.join(path.dirname(currentPlan), `${planNameFromPath(currentPlan)} copy.tmplan`),
    filters: savePlanFilters,
  });
  if (!chosen) return;
  const target = path.resolve(withPlanExtension(chosen));
  if (pathKey(target) === pathKey(currentPlan)) {
    return showError('Choose another file for the copy.', 'A copy cannot replace the plan that is open.');
  }
  const outcome = await backend.invoke('plan-save-copy', { path: target });
  if (!outcome.ok) return showError('The copy could not be saved.', `${target}\n\n${outcome.error.message}`);
}

function menuCommand(command: 'import-csv' | 'export-report'): void {
  focusWindow();
  push('menu-command', { command });
}

async function saveDialog(options: SaveDialogOptions): Promise<string | undefined> {
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled ? undefined : result.filePath;
}

async function showError(message: string, detail: string): Promise<void> {
  const options = { type: 'error' as const, title: APP_NAME, message, detail };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/** The backend loads SQLite built for Electron's ABI; the copy in node_modules is built for Node. */
function sqliteBindingEnv(): Record<string, string> {
  const binding = app.isPackaged
    ? path.join(process.resourcesPath, 'native/electron/better_sqlite3.node')
    : path.join(app.getAppPath(), 'native/electron/better_sqlite3.node');
  if (fs.existsSync(binding)) return { TM_SQLITE_BINDING: binding };
  console.warn(`[tm-planner] ${binding} is missing; run "node scripts/electron-native.mjs" to build SQLite for Electron.`);
  return {};
}
