/**
 * Who may talk to the local host: only pages it served itself. A foreign Host header is
 * how DNS rebinding reaches loopback servers, and a foreign Origin is another site's page
 * posting to us; both get 403.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkRequest(
  port: number,
  host: string | undefined,
  origin: string | undefined,
): { ok: true } | { ok: false; reason: string } {
  const hosts = allowedHosts(port);
  if (!host || !hosts.has(host.toLowerCase())) return { ok: false, reason: `Host "${host ?? ''}" is not this server` };
  if (origin !== undefined) {
    let o: URL;
    try {
      o = new URL(origin);
    } catch {
      return { ok: false, reason: `Origin "${origin}" is not a URL` };
    }
    if (o.protocol !== 'http:' || !hosts.has(o.host.toLowerCase())) return { ok: false, reason: `Origin "${origin}" is not this server` };
  }
  return { ok: true };
}
