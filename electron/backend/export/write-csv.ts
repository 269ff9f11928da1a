import type { Writable } from 'node:stream';
import { csvCell, csvLine } from './csv-write';
import { cellText, defuseFormula, rowCountOf, type Cell, type ReportTable } from './report-tables';

/** What spreadsheet programs need to read a CSV file as UTF-8 rather than the system code page. */
export const UTF8_BOM = '\uFEFF';

type CellWriter = (v: Cell) => string;

// Hours repeat few values (whole and half hours) over many rows: their texts are remembered, up to this many.
const MEMO = 10_000;

function memoized(write: (v: string | number | boolean) => string): CellWriter {
  const memo = new Map<string | number | boolean, string>();
  return (v) => {
    if (v === null) return '';
    let text = memo.get(v);
    if (text === undefined) {
      text = write(v);
      if (memo.size < MEMO) memo.set(v, text);
    }
    return text;
  };
}

/** Text that needs neither defusing nor quoting, the common case, is checked without a regular expression. */
function plainText(s: string): boolean {
  const c = s.charCodeAt(0);
  // = + - @ tab CR start a formula; " , CR LF need quotes.
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) return false;
  return s.indexOf('"') < 0 && s.indexOf(',') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
}

/** Each column's cell as interchange.md writes it: free text defused and quoted; numbers, weeks and booleans as they are. */
function cellWriters(t: ReportTable): CellWriter[] {
  return t.columns.map((col): CellWriter => {
    if (col.type === 'text')
      return (v) => {
        if (v === null) return '';
        const s = String(v);
        return plainText(s) ? s : csvCell(defuseFormula(s));
      };
    if (col.type === 'hours') return memoized((v) => cellText(v, 'hours', t.minorDigits));
    // Money, weeks, integers and booleans never hold a comma, quote or line break.
    return (v) => cellText(v, col.type, t.minorDigits);
  });
}

function csvRow(writers: readonly CellWriter[], row: readonly Cell[]): string {
  let line = writers[0]!(row[0] ?? null);
  for (let i = 1; i < writers.length; i++) line += ',' + writers[i]!(row[i] ?? null);
  return line;
}

/** The table as CSV text (for stdout: no BOM, so that pipes see the header first). */
export function tableToCsv(t: ReportTable): string {
  const writers = cellWriters(t);
  const lines = [csvLine(t.columns.map((c) => c.name))];
  for (const row of t.rows) lines.push(csvRow(writers, row));
  return lines.join('\r\n') + '\r\n';
}

// Lines are gathered into chunks of about this many characters before each write.
const CHUNK = 256 * 1024;

/**
 * Streams the table to `out` as a CSV file: UTF-8 with BOM, CRLF line ends, RFC 4180
 * quoting. Waits for the file to drain when it falls behind, so memory holds one chunk.
 */
export async function writeCsv(t: ReportTable, out: Writable, progress?: (done: number, total: number) => void): Promise<void> {
  const total = rowCountOf(t);
  const writers = cellWriters(t);
  let chunk = UTF8_BOM + csvLine(t.columns.map((c) => c.name)) + '\r\n';
  let done = 0;
  for (const row of t.rows) {
    chunk += csvRow(writers, row) + '\r\n';
    done++;
    if (chunk.length >= CHUNK) {
      const more = out.write(chunk, 'utf8');
      chunk = '';
      progress?.(done, total);
      if (!more) await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  if (chunk) out.write(chunk, 'utf8');
  progress?.(done, total);
}
