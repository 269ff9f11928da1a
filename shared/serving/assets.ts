// Which file of the built renderer a request names, and what type it is: the same answer
// for the desktop app's app:// scheme and the local web host. Pure string work, so the
// callers join the segments onto their folder with their own path module.

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Unknown extensions are bytes: with nosniff, the browser then refuses to run them as script. */
export function contentType(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[base.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/**
 * The path segments below the renderer folder that a URL path names (`/` is the index
 * page), or null when the path cannot be decoded or could climb out of the folder once
 * decoded: a `..` or `.` segment (also from `%2e%2e%2f`), a backslash, a NUL.
 */
export function assetSegments(urlPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  return segments.length === 0 ? ['index.html'] : segments;
}
