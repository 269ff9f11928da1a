// What the desktop shell prints itself, and how: pure, so it is tested without Electron.
// The backend (a utility process) has no Chromium to print with; main does.
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { api, type ApiResult } from '../../shared/api/index';
import type { InvokeOutcome } from './channels';

/** Operations main answers instead of forwarding them to the backend. */
// exports-start: the save dialog is main's, and a PDF is printed by main's Chromium.
const MAIN_OPERATIONS: ReadonlySet<string> = new Set(['requests-summary-pdf', 'exports-start']);

export function answeredInMain(name: string): boolean {
  return MAIN_OPERATIONS.has(name);
}

/** The input of requests-summary-pdf checked as the backend checks it: main must not print on a forged one. */
export function summaryPdfInput(input: unknown): { ok: true; ref: number } | { ok: false; outcome: InvokeOutcome } {
  const parsed = api['requests-summary-pdf'].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, ref: parsed.data.ref };
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
  return { ok: false, outcome: { ok: false, error: { code: 'invalid-input', message: `requests-summary-pdf: ${problems.join('; ')}.` } } };
}

/**
 * The hidden window the print page loads in: no script (the page has none), sandboxed, no
 * Node, and an in-memory session of its own, so it shares no cookies, cache or handlers
 * with the app's window.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      partition: 'tm-print',
    },
  };
}

/** A4 with the page's own @page margins and its light table shading, as Chromium prints it for the web host and the CLI. */
export const PRINT_TO_PDF_OPTIONS: PrintToPDFOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true };

/** The answer the renderer gets, the same shape the backend gives on the web host. */
export function summaryPdfOutcome(page: ApiResult<'requests-summary-html'>, pdf: Uint8Array): InvokeOutcome {
  const result: ApiResult<'requests-summary-pdf'> = { fileName: page.fileName, pdfBase64: Buffer.from(pdf).toString('base64') };
  return { ok: true, result };
}
