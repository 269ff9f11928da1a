// Security decisions as pure functions, so they are unit-tested without Electron.
import path from 'node:path';
import type { WebPreferences } from 'electron';

/** The renderer is served from this custom scheme, never from file://, so "internal" is one origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'planner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

export function contentSecurityPolicy(isDev: boolean, devServerUrl?: string): string {
  const script = ["'self'"];
  const connect = ["'self'"];
  if (isDev) {
    // @vitejs/plugin-react injects an inline react-refresh preamble, and Vite's HMR client
    // talks over a websocket; neither is present in a production build.
    script.push("'unsafe-inline'");
    connect.push(devServerUrl ? `ws://${safeHost(devServerUrl)}` : 'ws://localhost:*');
  }
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    // React sets styles through the CSSOM (not blocked), but libraries may inject <style> tags.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function safeHost(url: string): string {
  try {
    return new URL(url).host || 'localhost:*';
  } catch {
    return 'localhost:*';
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for pages of the app itself: the app:// origin, or the Vite dev server's origin in
 * development. Compared by protocol+host because non-special schemes have an opaque origin.
 */
export function isInternalUrl(url: string | undefined | null, devServerUrl?: string): boolean {
  if (!url) return false;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password) return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin) return true;
  }
  return false;
}

/** Links the user clicks may leave the app only for the web, never for file:, javascript: or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  return !!u && (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

export function navigationDecision(url: string, devServerUrl?: string): NavigationDecision {
  if (isInternalUrl(url, devServerUrl)) return 'allow';
  return isSafeExternalUrl(url) ? 'open-external' : 'deny';
}

/** The shape of webContents we need; kept structural so the guard is testable with a fake. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function attachNavigationGuard(
  contents: GuardedContents,
  options: { devServerUrl?: string; openExternal: (url: string) => void },
): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    const decision = navigationDecision(event.url, options.devServerUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') options.openExternal(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  // New windows would escape the preload and the navigation guard: always deny, open web links outside.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) options.openExternal(url);
    return { action: 'deny' };
  });
}

/** Empty on purpose: the planner needs no camera, notifications, geolocation... Add deliberately. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set();

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/**
 * Maps an app:// request to a file inside the built renderer folder, or null when the URL
 * is foreign or tries to climb out of it (../, encoded separators, NUL).
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '' || rel === '/') rel = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + rel);
  const inside = path.relative(root, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}
