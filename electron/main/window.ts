import { BrowserWindow, nativeTheme } from 'electron';
import { APP_INDEX_URL, webPreferences } from './security';

export function createMainWindow(opts: { preloadPath: string; devServerUrl?: string; title: string; icon?: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: opts.title,
    icon: opts.icon,
    // Shown once painted, on the theme's colour, so a dark-mode user never sees a white flash.
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
    webPreferences: webPreferences(opts.preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  // The page sets its own <title>; the shell's "plan — TM Planner" title must win.
  win.on('page-title-updated', (event) => event.preventDefault());
  void win.loadURL(opts.devServerUrl ?? APP_INDEX_URL);
  return win;
}
