import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../backend/handlers';

/** The download route's path: `/exports/<jobId>` (the jobId schema's characters only). */
export const EXPORT_ROUTE = /^\/exports\/([A-Za-z0-9-]{1,64})$/;

/**
 * `content-disposition` for a file name of any script: an ASCII fallback for old clients and
 * the exact name as RFC 5987 `filename*` UTF-8 (what every current browser uses).
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Serves a finished export kept by the backend (web host: exports without a target path). */
export function serveExport(backend: Backend, jobId: string, req: IncomingMessage, res: ServerResponse): void {
  const file = backend.context.exports?.download(jobId);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end('There is no finished export with this id: start the export again.\n');
    return;
  }
  const ext = file.fileName.slice(file.fileName.lastIndexOf('.') + 1).toLowerCase();
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-length': String(file.bytes),
    'content-disposition': attachment(file.fileName),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
