// Serves the built renderer from app://planner (not file://), so the page has a real origin,
// 'self' in the CSP means only the app, and the sender check of IPC has one origin to trust.
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, contentSecurityPolicy, isPermissionAllowed, resolveAppAsset } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** Must run before app 'ready': privileges cannot be granted to a scheme later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function configureSession(ses: Session, opts: { rendererDir: string; devServerUrl?: string }): void {
  const csp = contentSecurityPolicy(!!opts.devServerUrl, opts.devServerUrl);

  ses.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(opts.rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  if (opts.devServerUrl) {
    // The Vite dev server sends no CSP; add it so development runs under the same rules.
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }

  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
