import { existsSync } from 'node:fs';
import type * as Playwright from 'playwright-core';
import { ApiError } from '../../../shared/api/errors';

/** Debian's and Ubuntu's Chromium; CHROME_PATH names any other Chrome or Chromium. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** What a user can do instead when no PDF can be printed here, ending the message: each kind of file has its own. */
export const SUMMARY_PDF_ALTERNATIVE = 'write the summary as .json';
export const REPORT_PDF_ALTERNATIVE = 'export XLSX or CSV';

export interface PrintOptions {
  /** Stops the printing (and rejects) when it fires. */
  signal?: AbortSignal | undefined;
  /** The way out a failure message offers ("export XLSX or CSV"); the summary's by default. */
  alternative?: string | undefined;
}

/** The browser that prints PDFs where there is no Electron (web host, CLI): CHROME_PATH, else /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, alternative: string = SUMMARY_PDF_ALTERNATIVE): string {
  const path = env.CHROME_PATH?.trim() || DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    const where = env.CHROME_PATH?.trim() ? `CHROME_PATH names ${path}, which does not exist` : `there is none at ${DEFAULT_CHROMIUM}`;
    throw new ApiError(
      'not-found',
      `A PDF is printed with Chrome or Chromium, and ${where}: install Chromium or set CHROME_PATH to a Chrome or Chromium program, or ${alternative}.`,
    );
  }
  return path;
}

/**
 * Prints a self-contained HTML page to an A4 PDF with headless Chromium. Playwright loads
 * only here, so commands that print nothing start without it; the page runs no script and
 * may reach no network (its own policy forbids loading anything anyway).
 */
export async function printHtmlToPdf(html: string, env: NodeJS.ProcessEnv = process.env, o: PrintOptions = {}): Promise<Buffer> {
  const { signal } = o;
  const alternative = o.alternative ?? SUMMARY_PDF_ALTERNATIVE;
  const executablePath = chromiumPath(env, alternative);
  const { chromium } = await loadPlaywright(alternative);
  signal?.throwIfAborted();
  let browser: Playwright.Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 200);
    throw new ApiError('internal', `Chromium at ${executablePath} did not start to print the PDF (${first}).`);
  }
  // A cancelled export closes Chromium at once: the pending print then rejects.
  const stop = (): void => void browser.close().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    signal?.throwIfAborted();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    signal?.throwIfAborted();
    return pdf;
  } finally {
    signal?.removeEventListener('abort', stop);
    await browser.close();
  }
}

async function loadPlaywright(alternative: string): Promise<typeof Playwright> {
  try {
    return await import('playwright-core');
  } catch {
    // The desktop app prints in its main process and ships without it.
    throw new ApiError(
      'not-found',
      `Printing a PDF here needs the playwright-core package, which this installation lacks: ${alternative}, or print it from the desktop app.`,
    );
  }
}
