// How the desktop shell exports a report (electron/main/export-report.ts): the page never
// names a path, the dialog proposes a name that says what the file holds, and the chosen
// name gets its extension. Pure decisions, checked without the Electron binary.
import { describe, expect, it } from 'vitest';
import { apiOperationNames } from '../../shared/api/index';
import { dialogCancelled, exportFromPage, exportSaveOptions, withFormatExtension } from '../../electron/main/export-report';
import { answeredInMain } from '../../electron/main/print-pdf';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../electron/backend/export/atomic-file';

const request = { report: 'costs', format: 'xlsx', filter: { from: '2026-W49', to: '2027-W08' } } as const;

describe('an export asked for by the page', () => {
  it('is answered by main, where the save dialog lives', () => {
    expect(apiOperationNames.filter(answeredInMain).sort()).toEqual(['exports-start', 'requests-summary-pdf']);
  });

  it('is checked as the backend checks it', () => {
    expect(exportFromPage(request)).toEqual({ ok: true, request });
    for (const bad of [
      {},
      { ...request, report: 'payroll' },
      { ...request, format: 'docx' },
      { report: 'pack', format: 'csv', filter: {} },
    ]) {
      const r = exportFromPage(bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok && !r.outcome.ok) expect(r.outcome.error.message).toMatch(/^exports-start: /);
    }
  });

  it('may not choose where the file goes, even an innocent-looking path', () => {
    for (const targetPath of ['/home/ana/.bashrc', 'report.xlsx', '']) {
      const r = exportFromPage({ ...request, targetPath });
      expect(r.ok).toBe(false);
      if (!r.ok && !r.outcome.ok) expect(r.outcome.error.message).toMatch(/the save dialog does/);
    }
  });
});

describe('the save dialog', () => {
  it('proposes a file named after the report and range, in the folder given, with the format as filter', () => {
    const o = exportSaveOptions(request, '/plans');
    expect(o.defaultPath).toBe(join('/plans', 'tm-planner-costs-2026-W49_2027-W08.xlsx'));
    expect(o.filters).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
    expect(exportSaveOptions({ report: 'pack', format: 'pdf', filter: {} }, '/p').defaultPath).toBe(join('/p', 'tm-planner-pack.pdf'));
    expect(exportSaveOptions({ report: 'pack', format: 'pdf', filter: {} }, '/p').title).toBe('Export all reports');
  });

  it('adds the extension a Linux dialog leaves off, and keeps one already there', () => {
    expect(withFormatExtension('/x/costs', 'csv')).toBe('/x/costs.csv');
    expect(withFormatExtension('/x/costs.CSV', 'csv')).toBe('/x/costs.CSV');
    expect(withFormatExtension('/x/costs.csv', 'xlsx')).toBe('/x/costs.csv.xlsx');
  });

  it('closed without a choice tells the page nothing was written', () => {
    expect(dialogCancelled(request)).toMatchObject({
      ok: true,
      result: { state: 'cancelled', fileName: 'tm-planner-costs-2026-W49_2027-W08.xlsx' },
    });
  });
});

describe('a file written whole (writeFileAtomic)', () => {
  it('replaces the target whole and leaves no temporary file, also when writing fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-atomic-'));
    try {
      const target = join(dir, 'r.pdf');
      writeFileSync(target, 'old');
      writeFileAtomic(target, new TextEncoder().encode('%PDF-new'));
      expect(readFileSync(target, 'utf8')).toBe('%PDF-new');
      expect(readdirSync(dir)).toEqual(['r.pdf']);
      expect(() => writeFileAtomic(join(dir, 'missing', 'r.pdf'), 'x')).toThrow(/does not exist/);
      expect(readdirSync(dir)).toEqual(['r.pdf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
