import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/handlers';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { useTempDir } from '../helpers/temp';
import { testClock } from '../helpers/clock';

const temp = useTempDir();
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

function call(
  port: number,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('local web host', () => {
  it('serves the API to its own origin and refuses foreign Host and Origin headers', async () => {
    const backend = createBackend({ clock: testClock });
    await backend.call('plan-create', { path: join(temp(), 'p.db'), name: 'Web' });
    host = await startWebHost({ backend, staticDir: join(temp(), 'no-renderer'), port: 0 });
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    const own = `127.0.0.1:${host.port}`;
    const json = { 'content-type': 'application/json' };

    const ok = await call(host.port, '/api/plan-info', { ...json, host: own, origin: `http://${own}` }, '{}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toMatchObject({ ok: true, result: { name: 'Web', currency: 'EUR' } });

    const rebinding = await call(host.port, '/api/plan-info', { ...json, host: `evil.example:${host.port}` }, '{}');
    expect(rebinding.status).toBe(403);
    const foreignPage = await call(host.port, '/api/plan-info', { ...json, host: own, origin: 'https://evil.example' }, '{}');
    expect(foreignPage.status).toBe(403);
    expect((await call(host.port, '/', { host: 'localhost.evil:80' })).status).toBe(403);

    const forged = await call(host.port, '/api/flags-list', { ...json, host: own }, JSON.stringify({ from: 'DROP TABLE' }));
    expect(forged.status).toBe(400);
    expect(JSON.parse(forged.text).error.message).toMatch(/from: must be an ISO week/);
    const unknown = await call(host.port, '/api/__proto__', { ...json, host: own }, '{}');
    expect(JSON.parse(unknown.text).error.code).toBe('unknown-operation');
    const notJson = await call(host.port, '/api/plan-info', { 'content-type': 'text/plain', host: own }, '{}');
    expect(notJson.status).toBe(400);
    backend.close();
  });

  it('serves the built renderer with its types and CSP, client-side views as the app, and nothing outside the folder', async () => {
    const backend = createBackend();
    const dir = temp();
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    host = await startWebHost({ backend, staticDir: renderer, port: 0 });
    const get = (path: string) => call(host!.port, path, { host: `127.0.0.1:${host!.port}` });

    const script = await get('/assets/app.js');
    expect(script).toMatchObject({ status: 200, text: 'export {};' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const view = await get('/timeline');
    expect(view).toMatchObject({ status: 200, text: '<!doctype html><title>app</title>' });
    expect(view.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self';/);
    for (const climb of ['/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/a%00.js', '/%E0%A4%A']) {
      const r = await get(climb);
      expect(r.status, climb).toBe(404);
      expect(r.text).not.toContain('secret');
    }
    backend.close();
  });
});
