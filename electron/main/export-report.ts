// How the desktop shell exports a report: the page asks, main's save dialog decides where
// the file goes, and only then does the backend (or, for a PDF, main's own Chromium) write
// it. Pure, so the decisions are tested without the Electron binary.
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { api, type ApiParsedInput, type ExportJobStatus } from '../../shared/api/index';
import { reportFileName } from '../../shared/exchange/file-names';
import type { InvokeOutcome } from './channels';

export type ExportRequest = ApiParsedInput<'exports-start'>;

/**
 * exports-start as the page sends it. The page never names a path (a compromised page would
 * otherwise write anywhere the user can): a targetPath from it is refused, not ignored, so a
 * caller that tries learns it.
 */
export function exportFromPage(input: unknown): { ok: true; request: ExportRequest } | { ok: false; outcome: InvokeOutcome } {
  if (typeof input === 'object' && input !== null && 'targetPath' in input) {
    return refuse('exports-start: the page cannot choose where a file goes; the save dialog does.');
  }
  const parsed = api['exports-start'].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
  return refuse(`exports-start: ${problems.join('; ')}.`);
}

const FILTERS: Record<ExportRequest['format'], SaveDialogOptions['filters']> = {
  csv: [{ name: 'CSV (UTF-8)', extensions: ['csv'] }],
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
};

export function exportFileName(r: ExportRequest): string {
  return reportFileName(r.report, r.format, r.filter);
}

export function exportSaveOptions(r: ExportRequest, folder: string): SaveDialogOptions {
  return {
    title: r.report === 'pack' ? 'Export all reports' : `Export the ${r.report} report`,
    buttonLabel: 'Export',
    defaultPath: path.join(folder, exportFileName(r)),
    filters: FILTERS[r.format],
  };
}

/** The dialog may return a name without the extension (Linux dialogs do not add it). */
export function withFormatExtension(chosen: string, format: ExportRequest['format']): string {
  return path.extname(chosen).toLowerCase() === `.${format}` ? chosen : `${chosen}.${format}`;
}

/** What the page hears when the user closes the save dialog: nothing was written. */
export function dialogCancelled(r: ExportRequest): InvokeOutcome {
  return ok({ jobId: 'dialog', state: 'cancelled', done: 0, total: 0, phase: 'No file was chosen', fileName: exportFileName(r) });
}

function ok(status: ExportJobStatus): InvokeOutcome {
  return { ok: true, result: status };
}

function refuse(message: string): { ok: false; outcome: InvokeOutcome } {
  return { ok: false, outcome: { ok: false, error: { code: 'invalid-input', message } } };
}
