import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApiError, toErrorBody, type ApiErrorBody } from '../../shared/api/errors';
import { assetSegments, contentType } from '../../shared/serving/assets';
import { contentSecurityPolicy } from '../../shared/serving/content-security-policy';
import type { Backend } from '../backend/handlers';
import { EXPORT_ROUTE, serveExport } from './export-download';
import { checkRequest } from './request-guard';

export interface WebHostOptions {
  backend: Backend;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
}

export interface WebHost {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

// A CSV import arrives in one JSON body; plans of real size stay far below this.
const MAX_BODY = 256 * 1024 * 1024;

const STATUS: Partial<Record<ApiErrorBody['code'], number>> = {
  'invalid-input': 400,
  'unknown-operation': 404,
  'not-found': 404,
  'no-plan-open': 409,
  conflict: 409,
  exists: 409,
  internal: 500,
};

/** Serves the built renderer and the same API handler map the desktop shell uses, on loopback only. */
export function startWebHost(o: WebHostOptions): Promise<WebHost> {
  let port = o.port ?? 0;
  const csp = contentSecurityPolicy(false);
  // Calls run one at a time, as they do in the desktop backend process: SQLite writes are serial anyway.
  let queue: Promise<unknown> = Promise.resolve();

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      // A bad request must never take the host down: any page the user visits can send one.
      if (!res.headersSent) send(res, 400, 'text/plain; charset=utf-8', `Bad request: ${e instanceof Error ? e.message : String(e)}.\n`);
      else res.destroy();
    }
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const verdict = checkRequest(port, req.headers.host, req.headers.origin);
    if (!verdict.ok) return send(res, 403, 'text/plain; charset=utf-8', `Forbidden: ${verdict.reason}.\n`);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST for API calls.\n');
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      readBody(req)
        .then((body) => {
          // The page names no paths: exports from a browser are kept here and downloaded.
          if (name === 'exports-start' && body !== null && typeof body === 'object' && 'targetPath' in body)
            throw new ApiError(
              'invalid-input',
              'exports-start: the web host chooses where an export goes (targetPath is not accepted); download the finished file.',
            );
          const run = queue.then(() => o.backend.dispatch(name, body));
          queue = run.catch(() => undefined);
          return run;
        })
        .then(
          (result) => json(res, 200, { ok: true, result }),
          (e: unknown) => {
            const error = toErrorBody(e);
            json(res, STATUS[error.code] ?? 422, { ok: false, error });
          },
        );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n');
    const download = EXPORT_ROUTE.exec(url.pathname);
    if (download) return serveExport(o.backend, download[1]!, req, res);
    serveStatic(o.staticDir, url.pathname, res, csp);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        url: `http://127.0.0.1:${port}/`,
        // Running exports stop and the kept export files go with the host.
        close: () =>
          Promise.all([new Promise<void>((r) => server.close(() => r())), o.backend.context.exports?.dispose()]).then(() => undefined),
      });
    });
  });
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      reject(new ApiError('invalid-input', 'API calls must send JSON (content-type application/json).'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.destroy();
        reject(badInput('The request is too large.'));
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(badInput('The request body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function badInput(message: string): ApiError {
  return new ApiError('invalid-input', message);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function serveStatic(root: string, pathname: string, res: ServerResponse, csp: string): void {
  const segments = assetSegments(pathname);
  if (!segments) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
  let file = join(root, ...segments);
  // Unknown paths get the app: its views are client-side.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    return send(res, 500, 'text/plain; charset=utf-8', 'The renderer is not built: run `npm run build:renderer`.\n');
  }
  const headers: Record<string, string> = {
    'content-type': contentType(file),
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=31536000, immutable',
  };
  if (file.endsWith('.html')) {
    headers['content-security-policy'] = csp;
    headers['x-frame-options'] = 'DENY';
  }
  res.writeHead(200, headers);
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
