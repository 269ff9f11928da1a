// The staffing summary as a printable PDF, as `tm-planner request summary --out R1.pdf` writes
// it with Chromium: read back with poppler (pdftotext, pdftoppm), and page 1 kept as a PNG in
// test-output/summary-pdf/ for a person to look at.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/handlers';
import { cli } from '../helpers/cli';
import { testClock } from '../helpers/clock';
import { fixturePlan } from '../helpers/fixture-plan';
import { useTempDir } from '../helpers/temp';

const temp = useTempDir();
const OUTPUT = fileURLToPath(new URL('../../test-output/summary-pdf', import.meta.url));
const savedChromePath = process.env.CHROME_PATH;

afterEach(() => {
  if (savedChromePath === undefined) delete process.env.CHROME_PATH;
  else process.env.CHROME_PATH = savedChromePath;
});

function run(command: string, ...args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${command} is not installed (poppler-utils): ${r.error.message}`);
  expect(r.status, `${command} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

describe('the staffing summary PDF', () => {
  it('prints the request, its people and the total cost against the budget on an A4 page', async () => {
    const dir = temp();
    const db = await fixturePlan(dir);
    const pdf = join(dir, 'R1-staffing.pdf');
    const r = await cli('request', 'summary', '--db', db, '--id', 'R1', '--out', pdf);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const info = run('pdfinfo', pdf);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);

    const text = run('pdftotext', '-layout', pdf, '-');
    expect(text).toContain('R1 Oracle to PostgreSQL migration');
    expect(text).toContain('Ana Souza');
    expect(text).toContain('Keller, Bernd');
    expect(text).toContain('2,060.00 EUR');
    expect(text).toMatch(/Total\s+32\s+2,060\.00/);
    expect(text).toMatch(/Total open\s+56/);
    expect(text).toContain('written 2026-11-26 12:00 UTC');
    expect(text).toContain('Page 1 of 1');
    // In reading order (no layout) a wrapped phrase stays together.
    expect(run('pdftotext', pdf, '-')).toMatch(/of 2,000\.00 EUR, over\s+budget/);

    mkdirSync(OUTPUT, { recursive: true });
    run('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(dir, 'page'));
    const png = join(dir, 'page-1.png');
    expect(existsSync(png)).toBe(true);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    copyFileSync(png, join(OUTPUT, 'R1-staffing-page-1.png'));
    copyFileSync(pdf, join(OUTPUT, 'R1-staffing.pdf'));
  });

  it('renders one self-contained page that loads nothing and runs no script', async () => {
    const db = await fixturePlan(temp());
    const b = createBackend({ clock: testClock });
    await b.call('plan-open', { path: db });
    const ref = (await b.call('requests-list', {})).requests.find((x) => x.id === 'R1')!.ref;
    const page = await b.call('requests-summary-html', { ref });
    b.close();
    expect(page.fileName).toBe('R1-staffing.pdf');
    expect(page.html.startsWith('<!doctype html><html lang="en"><head><meta charSet="utf-8"/>')).toBe(true);
    expect(page.html.replaceAll('&#x27;', "'")).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(page.html).toContain('@page');
    expect(page.html).not.toMatch(/<script|<link|src="http/i);
  });

  it('says clearly when there is no Chromium to print with, and writes nothing', async () => {
    const dir = temp();
    const db = await fixturePlan(dir);
    process.env.CHROME_PATH = join(dir, 'no-such-chromium');
    const pdf = join(dir, 'R1.pdf');
    const r = await cli('request', 'summary', '--db', db, '--id', 'R1', '--out', pdf);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `A PDF is printed with Chrome or Chromium, and CHROME_PATH names ${join(dir, 'no-such-chromium')}, which does not exist: install Chromium or set CHROME_PATH to a Chrome or Chromium program, or write the summary as .json.\n`,
    );
    expect(existsSync(pdf)).toBe(false);
  });
});
