// How the desktop shell prints the staffing summary (electron/main/print-pdf.ts): which calls
// main answers itself, the hidden window it prints in, and the printToPDF options. Pure, so
// checked without the Electron binary; electron/main/print-window.ts only wires them.
import { describe, expect, it } from 'vitest';
import { apiOperationNames } from '../../shared/api/index';
import {
  PRINT_TO_PDF_OPTIONS,
  answeredInMain,
  printWindowOptions,
  summaryPdfInput,
  summaryPdfOutcome,
} from '../../electron/main/print-pdf';
import { webPreferences } from '../../electron/main/security';

describe('operations main answers itself', () => {
  it('is the staffing summary PDF and the export (its dialog): everything else, the print pages included, goes to the backend', () => {
    expect(apiOperationNames.filter(answeredInMain).sort()).toEqual(['exports-start', 'requests-summary-pdf']);
    expect(answeredInMain('requests-summary-html')).toBe(false);
    expect(answeredInMain('exports-status')).toBe(false);
    expect(answeredInMain('plan-open')).toBe(false);
    expect(answeredInMain('')).toBe(false);
    expect(answeredInMain('constructor')).toBe(false);
  });

  it('checks the input as the backend would, so a forged call prints nothing', () => {
    expect(summaryPdfInput({ ref: 7 })).toEqual({ ok: true, ref: 7 });
    for (const bad of [{}, undefined, { ref: '7' }, { ref: 0 }, { ref: 1.5 }, { ref: 7, path: '/etc/passwd' }]) {
      const r = summaryPdfInput(bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) {
        expect(r.outcome).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        if (!r.outcome.ok) expect(r.outcome.error.message).toMatch(/^requests-summary-pdf: /);
      }
    }
  });
});

describe('the print window', () => {
  it('is hidden, runs no script, is sandboxed without Node, and keeps an in-memory session of its own', () => {
    const o = printWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(o.webPreferences?.preload).toBeUndefined();
    // "persist:" would keep its cache on disk, and the default session is the app window's.
    expect(o.webPreferences?.partition).toMatch(/^(?!persist:)\S+$/);
    expect(o.webPreferences?.partition).not.toBe(webPreferences('/x').partition);
  });

  it('prints A4 with the page backgrounds and the page own @page margins', () => {
    expect(PRINT_TO_PDF_OPTIONS).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  });

  it('answers with the PDF file name of the print page and the bytes as base64', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 fake');
    const outcome = summaryPdfOutcome({ fileName: 'R12-staffing.pdf', html: '<!doctype html>' }, pdf);
    expect(outcome).toEqual({ ok: true, result: { fileName: 'R12-staffing.pdf', pdfBase64: Buffer.from(pdf).toString('base64') } });
    if (outcome.ok) expect(Buffer.from((outcome.result as { pdfBase64: string }).pdfBase64, 'base64').toString()).toBe('%PDF-1.7 fake');
  });
});
