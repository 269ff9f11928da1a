// The application menu as plain data, so its shape and accelerators are tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newPlan(): void;
  openPlan(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  saveCopy(): void;
  importCsv(): void;
  exportReport(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  recentPlans: readonly string[];
  actions: MenuActions;
  appName?: string;
  isDev?: boolean;
}

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const { actions } = opts;
  const appName = opts.appName ?? 'TM Planner';
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const recent: MenuItemConstructorOptions[] = opts.recentPlans.length
    ? opts.recentPlans.map((p) => ({ label: p, click: () => actions.openRecent(p) }))
    : [{ label: 'No recent plans', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { id: 'new-plan', label: 'New plan…', accelerator: 'CmdOrCtrl+N', click: () => actions.newPlan() },
      { id: 'open-plan', label: 'Open plan…', accelerator: 'CmdOrCtrl+O', click: () => actions.openPlan() },
      {
        id: 'open-recent',
        label: 'Open recent',
        submenu: [
          ...recent,
          sep,
          { id: 'clear-recent', label: 'Clear recent', enabled: opts.recentPlans.length > 0, click: () => actions.clearRecent() },
        ],
      },
      sep,
      { id: 'save-copy', label: 'Save a copy…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCopy() },
      sep,
      { id: 'import-csv', label: 'Import CSV…', click: () => actions.importCsv() },
      { id: 'export-report', label: 'Export report…', click: () => actions.exportReport() },
      sep,
      // macOS keeps Quit in the app menu and closes windows from File.
      mac ? { role: 'close' } : { id: 'quit', role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as MenuItemConstructorOptions] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(opts.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, sep] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about', label: `About ${appName}` }] };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
