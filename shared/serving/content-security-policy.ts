// One policy for the renderer page wherever it is served from: the desktop app's app://
// scheme (electron/main) and the local web host (electron/web).

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
