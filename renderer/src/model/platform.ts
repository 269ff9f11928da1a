/** True on macOS, where the history keys use Cmd: the shell says so, a browser's platform string too. */
export function isMac(): boolean {
  const platform = typeof window !== 'undefined' ? window.tmPlanner?.platform : undefined;
  if (platform) return platform === 'darwin';
  return typeof navigator !== 'undefined' && /^Mac/i.test(navigator.platform);
}
