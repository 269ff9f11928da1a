// Security decisions as pure functions, so they are unit-tested without Electron.
import path from 'node:path';
import type { WebPreferences } from 'electron';
import { assetSegments } from '../../shared/serving/assets';

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
 * is foreign or its path is refused (see assetSegments).
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  const segments = assetSegments(u.pathname);
  return segments ? path.join(path.resolve(rendererDir), ...segments) : null;
}
