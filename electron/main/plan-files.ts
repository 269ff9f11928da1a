// Plan-file conventions of the desktop shell, pure so they are tested without Electron.
import path from 'node:path';

export const PLAN_EXTENSION = 'tmplan';
/** Plans made by the CLI or the web host are the same SQLite files under other names. */
const OPENABLE_EXTENSIONS = [PLAN_EXTENSION, 'db', 'sqlite'];

export const openPlanFilters = [
  { name: 'TM Planner plans', extensions: OPENABLE_EXTENSIONS },
  { name: 'All files', extensions: ['*'] },
];
export const savePlanFilters = [{ name: 'TM Planner plan', extensions: [PLAN_EXTENSION] }];

export function isPlanFileName(p: string): boolean {
  const ext = path.extname(p).slice(1).toLowerCase();
  return OPENABLE_EXTENSIONS.includes(ext);
}

/**
 * The plan a second launch (or a file-association double-click) asks for: the last
 * argument that looks like a plan file. Chromium switches and the app path are skipped.
 */
export function planPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (!arg || arg.startsWith('-')) continue;
    if (isPlanFileName(arg)) return path.resolve(cwd, arg);
  }
  return null;
}

export function withPlanExtension(p: string): string {
  return path.extname(p) ? p : `${p}.${PLAN_EXTENSION}`;
}

export function planNameFromPath(p: string): string {
  return path.basename(p, path.extname(p)) || 'Plan';
}

/** A new plan's currency: the user's country's when known, euro otherwise (it can be changed in the plan). */
const CURRENCY_BY_COUNTRY: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CH: 'CHF',
  JP: 'JPY',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  IN: 'INR',
  CN: 'CNY',
  BR: 'BRL',
  ZA: 'ZAR',
};

export function defaultCurrency(countryCode: string | undefined): string {
  return (countryCode && CURRENCY_BY_COUNTRY[countryCode.toUpperCase()]) || 'EUR';
}
