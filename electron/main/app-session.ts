// Serves the built renderer from app://planner (not file://), so the page has a real origin,
// 'self' in the CSP means only the app, and the sender check of IPC has one origin to trust.
import fs from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentType } from '../../shared/serving/assets';
import { contentSecurityPolicy } from '../../shared/serving/content-security-policy';
import { APP_SCHEME, isPermissionAllowed, resolveAppAsset } from './security';

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
          'Content-Type': contentType(file),
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
