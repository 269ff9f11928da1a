import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type SaveDialogOptions } from 'electron';
import type { ApiResult } from '../../shared/api/index';
import { toErrorBody } from '../../shared/api/errors';
import type { BackendProcess } from './backend-process';
import type { InvokeOutcome } from './channels';
import { dialogCancelled, exportFromPage, exportSaveOptions, withFormatExtension } from './export-report';
import { PRINT_TO_PDF_OPTIONS, printWindowOptions, summaryPdfInput, summaryPdfOutcome } from './print-pdf';

/**
 * requests-summary-pdf in the desktop app: the backend renders the print page, a hidden
 * window loads it from a temporary file (a data: URL would cap its size) and Chromium's
 * printToPDF prints it.
 */
export async function printSummaryPdf(backend: Pick<BackendProcess, 'invoke'>, input: unknown): Promise<InvokeOutcome> {
  const checked = summaryPdfInput(input);
  if (!checked.ok) return checked.outcome;
  const page = await backend.invoke('requests-summary-html', { ref: checked.ref });
  if (!page.ok) return page;
  const html = page.result as ApiResult<'requests-summary-html'>;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tm-planner-print-'));
  const win = new BrowserWindow(printWindowOptions());
  try {
    const file = path.join(dir, 'summary.html');
    await fs.writeFile(file, html.html, 'utf8');
    await win.loadFile(file);
    return summaryPdfOutcome(html, await win.webContents.printToPDF(PRINT_TO_PDF_OPTIONS));
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  } finally {
    win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export interface ExportDeps {
  saveDialog(options: SaveDialogOptions): Promise<string | undefined>;
  /** The folder the dialog opens in. */
  folder: string;
}

/**
 * exports-start in the desktop app: the save dialog chooses the file, then the backend's
 * export job writes it off every UI thread, renamed into place when complete. Its PDFs come
 * back here to be printed (printHtml, through BackendProcess's print option).
 */
export async function exportReport(backend: Pick<BackendProcess, 'invoke'>, input: unknown, deps: ExportDeps): Promise<InvokeOutcome> {
  const checked = exportFromPage(input);
  if (!checked.ok) return checked.outcome;
  const request = checked.request;
  const chosen = await deps.saveDialog(exportSaveOptions(request, deps.folder));
  if (!chosen) return dialogCancelled(request);
  return backend.invoke('exports-start', { ...request, targetPath: path.resolve(withFormatExtension(chosen, request.format)) });
}

/** An export's print page as a PDF, in a hidden window of its own. */
export async function printHtml(html: string): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tm-planner-print-'));
  const win = new BrowserWindow(printWindowOptions());
  try {
    const file = path.join(dir, 'report.html');
    await fs.writeFile(file, html, 'utf8');
    await win.loadFile(file);
    return await win.webContents.printToPDF(PRINT_TO_PDF_OPTIONS);
  } finally {
    win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
