import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_INDEX_URL,
  attachNavigationGuard,
  isInternalUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  navigationDecision,
  resolveAppAsset,
  webPreferences,
  type GuardedContents,
} from '../../electron/main/security';
import { contentSecurityPolicy } from '../../shared/serving/content-security-policy';

const DEV = 'http://localhost:5173';

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = webPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );

  it('allows only the app itself in production', () => {
    const csp = contentSecurityPolicy(false);
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/\*|https?:|ws:/);
  });

  it('in development adds only the dev server websocket, never eval', () => {
    const csp = contentSecurityPolicy(true, DEV);
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('isInternalUrl', () => {
  it.each([
    [APP_INDEX_URL, true],
    ['app://planner/assets/index-abc.js', true],
    ['app://planner/', true],
    [`${DEV}/`, true],
    [`${DEV}/src/main.tsx?t=1`, true],
    ['app://other/index.html', false],
    ['app://user:pw@planner/index.html', false],
    ['file:///opt/TM%20Planner/resources/app.asar/out/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com/', false],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isInternalUrl(url, DEV)).toBe(expected);
  });

  it('does not trust the dev server address in production', () => {
    expect(isInternalUrl(`${DEV}/`)).toBe(false);
    expect(isInternalUrl(undefined)).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isInternalUrl('file:///x/index.html', 'file:///x/')).toBe(false);
  });
});

describe('navigation', () => {
  it('opens only http(s) links outside the app', () => {
    expect(isSafeExternalUrl('https://tmplanner.org/help')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com')).toBe(false);
  });

  it('decides each navigation', () => {
    expect(navigationDecision(APP_INDEX_URL)).toBe('allow');
    expect(navigationDecision('https://example.com')).toBe('open-external');
    expect(navigationDecision('data:text/html,hi')).toBe('deny');
    expect(navigationDecision('file:///etc/passwd')).toBe('deny');
  });

  it('the guard blocks foreign navigation, denies new windows and opens web links externally', () => {
    const listeners = new Map<string, (e: { url: string; preventDefault(): void }) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents: GuardedContents = {
      on: (event, listener) => listeners.set(event, listener),
      setWindowOpenHandler: (h) => (openHandler = h),
    };
    const openExternal = vi.fn();
    attachNavigationGuard(contents, { openExternal });

    const navigate = (url: string) => {
      const e = { url, preventDefault: vi.fn() };
      listeners.get('will-navigate')!(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(navigate(APP_INDEX_URL)).toBe(false);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('https://example.com/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
    expect(listeners.has('will-redirect')).toBe(true);

    openExternal.mockClear();
    expect(openHandler!({ url: 'https://example.com/doc' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: APP_INDEX_URL })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/doc']]);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])('denies %s', (p) => {
    expect(isPermissionAllowed(p)).toBe(false);
  });
});

describe('resolveAppAsset', () => {
  const dir = path.resolve('/app/out/renderer');

  it('maps app:// paths into the renderer folder', () => {
    expect(resolveAppAsset(dir, APP_INDEX_URL)).toBe(path.join(dir, 'index.html'));
    expect(resolveAppAsset(dir, 'app://planner/')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppAsset(dir, 'app://planner/assets/a%20b.js?v=1#x')).toBe(path.join(dir, 'assets', 'a b.js'));
  });

  it.each(['app://planner/../../etc/passwd', 'app://planner/%2e%2e/%2e%2e/etc/passwd', 'app://planner/a/../../../b'])(
    'keeps %s inside the renderer folder (the URL parser drops the dot segments)',
    (url) => {
      const file = resolveAppAsset(dir, url);
      expect(file === null || file.startsWith(dir + path.sep)).toBe(true);
    },
  );

  it.each([
    'app://planner/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://planner/..%5c..%5csecret',
    'app://planner/a%00.js',
    'app://planner/%E0%A4%A',
    'app://evil/index.html',
    'file:///app/out/renderer/index.html',
    'https://planner/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(dir, url)).toBeNull();
  });
});
