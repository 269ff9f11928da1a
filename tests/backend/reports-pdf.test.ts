// The Reports print page as a PDF, as the exports print it with Chromium: read back with
// poppler (pdftotext, pdftoppm), and page 1 kept as a PNG in test-output/reports-pdf/ for
// a person to look at.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRINT_ALLOCATION_LIMIT, reportsPrintHtml, type ReportsPrintInput } from '../../electron/backend/export/reports-print';
import { printHtmlToPdf } from '../../electron/backend/export/pdf';
import { REPORT_NAMES } from '../../shared/api/reports';
import { TEST_NOW } from '../helpers/clock';
import { useTempDir } from '../helpers/temp';
import { allocationsFixture, viewFixture } from '../renderer/report-fixtures';

const temp = useTempDir();
const OUTPUT = fileURLToPath(new URL('../../test-output/reports-pdf', import.meta.url));

function run(command: string, ...args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${command} is not installed (poppler-utils): ${r.error.message}`);
  expect(r.status, `${command} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

const input = (over: Partial<ReportsPrintInput> = {}): ReportsPrintInput => ({
  view: viewFixture(),
  reports: REPORT_NAMES,
  allocations: allocationsFixture(2_345),
  allocationTotal: 2_345,
  generatedAt: TEST_NOW.toISOString(),
  departments: [],
  ...over,
});

describe('the Reports PDF', () => {
  it('prints the header, every chart with its figures and the allocations capped, on A4', async () => {
    const dir = temp();
    const pdf = join(dir, 'reports.pdf');
    writeFileSync(pdf, await printHtmlToPdf(reportsPrintHtml(input())));
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(run('pdfinfo', pdf)).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);

    // Phrases in reading order with wrapped lines joined; table rows as laid out.
    const flat = run('pdftotext', pdf, '-').replace(/\s+/g, ' ');
    const text = run('pdftotext', '-layout', pdf, '-');
    expect(flat).toContain('Northwind IT plan 2027: 2026-W40 to 2027-W13');
    expect(flat).toContain('2026-W40 to 2027-W13 (28 Sept 2026 to 4 Apr 2027)');
    expect(flat).toContain('All departments (3)');
    expect(flat).toContain('2026-11-26 12:00 UTC, current week 2026-W48');
    // Heat map caption and its table: figures of the hand-built fixture, in en-GB.
    expect(flat).toContain('Utilization by week, 2026-W40 to 2027-W13: 64% on average, 31 over-allocated specialist-weeks');
    expect(text).toMatch(/All listed specialists\s+9,072\s+5,782\.93\s+64%\s+31/);
    // Cost by stage, chart and table.
    expect(flat).toContain('39,123.50 EUR cost (12,284.00 EUR after 2026-W48)');
    expect(text).toMatch(/Transition\s+4\s+4\s+20,000\.00\s+23,650\.75\s+-3,650\.75\s+2\s+0\s+4,100\.00/);
    // Requests against budget, skills.
    expect(flat).toContain('the 15 of 22 requests with the largest overrun, then the largest cost');
    expect(flat).toContain('19,314.04 of 16,500.00 · ▲ over budget by 2,814.04');
    expect(text).toMatch(/Kubernetes L4\s+10\s+400\s+80\s+320\s+400\s+73\.33\s+246\.67/);
    // The allocations table stops at the cap and says where the rest is.
    expect(PRINT_ALLOCATION_LIMIT).toBe(2_000);
    expect(flat).toContain('2,000 of 2,345 rows: export XLSX or CSV for all.');
    const weekRows = text.split('\n').filter((l) => /^\s*20\d\d-W\d\d\s+\S.*\s(confirmed|tentative)\s/.test(l));
    expect(weekRows).toHaveLength(2_000);

    mkdirSync(OUTPUT, { recursive: true });
    run('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(dir, 'page'));
    const png = join(dir, 'page-01.png');
    const found = existsSync(png) ? png : join(dir, 'page-1.png');
    expect(existsSync(found)).toBe(true);
    expect(readFileSync(found).subarray(1, 4).toString('latin1')).toBe('PNG');
    // A blank A4 page at 60 dpi compresses to a few hundred bytes; the heat map does not.
    expect(statSync(found).size).toBeGreaterThan(20_000);
    copyFileSync(found, join(OUTPUT, 'reports-page-1.png'));
    copyFileSync(pdf, join(OUTPUT, 'reports.pdf'));
  });

  it('prints only the reports asked for, one per page, and names the chosen departments', async () => {
    const dir = temp();
    const pdf = join(dir, 'stages.pdf');
    writeFileSync(pdf, await printHtmlToPdf(reportsPrintHtml(input({ reports: ['skills', 'stages'], departments: ['Platform', 'Data'] }))));
    const text = run('pdftotext', '-layout', pdf, '-');
    expect(text).toContain('Platform, Data');
    expect(text).not.toContain('Utilization by week');
    expect(text).not.toContain('Allocations');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(2);
    // In the order of REPORT_NAMES, whatever the order asked.
    expect(pages[0]).toContain('Cost by lifecycle stage');
    expect(pages[1]).toContain('Skill demand against capacity');
  });

  it('is one self-contained page that loads nothing and runs no script', () => {
    const html = reportsPrintHtml(input({ view: { ...viewFixture(), planName: '<script>alert(1)</script> & Co' } }));
    expect(html.startsWith('<!doctype html><html lang="en-GB"><head><meta charSet="utf-8"/>')).toBe(true);
    expect(html).toContain('@page');
    expect(html).toContain('size: A4');
    expect(html).not.toMatch(/<script|<link|src="http/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    // The charts' style comes once, however many charts the page holds.
    expect(html.match(/data-href="tm-report-charts"/g)).toHaveLength(1);
  });
});
