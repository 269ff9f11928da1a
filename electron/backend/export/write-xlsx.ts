import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { cellNumber, rowCountOf, type Cell, type CellType, type Column, type ReportTable } from './report-tables';

export interface XlsxCover {
  planName: string;
  currency: string;
  from: string;
  to: string;
  departments?: readonly string[] | undefined;
  /** Lifecycle stages the reports are restricted to; empty or absent = all. */
  stages?: readonly string[] | undefined;
  generatedAt: Date;
}

/** Rows written so far out of all rows of all sheets, and what is being written. */
export type XlsxProgress = (done: number, total: number, phase: string) => void;

// Rows are handed to the zip stream in slices; between slices the event loop lets zlib and
// the file stream drain what was committed, so memory holds one slice, not the sheet.
const SLICE = 2000;
// Column widths are measured on the first rows (a streamed sheet fixes them before row 1).
const WIDTH_SAMPLE = 500;
const MAX_WIDTH = 60;

/** Excel's own number formats: hours with 2 places, money with the currency's minor digits, text as text. */
function numFmtOf(type: CellType, minorDigits: number): string | undefined {
  switch (type) {
    case 'hours':
      return '0.00';
    case 'money':
      return minorDigits > 0 ? `#,##0.${'0'.repeat(minorDigits)}` : '#,##0';
    case 'integer':
      return '0';
    // "@" (Text) keeps ids and weeks text even when someone edits the cell later.
    case 'text':
    case 'week':
      return '@';
    default:
      return undefined;
  }
}

/**
 * The cell as a spreadsheet holds it: numbers as numbers, booleans as booleans, everything
 * else as a string cell. Text that looks like a formula ("=", "+", "-", "@") stays exactly
 * as it is: exceljs writes a string as a shared-string text cell, never as a formula, so
 * no spreadsheet runs it and ids such as "-R0" are not changed by an apostrophe.
 */
function xlsxValue(v: Cell, type: CellType, minorDigits: number): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'number') return type === 'text' || type === 'week' ? String(v) : cellNumber(v, type, minorDigits);
  if (typeof v === 'boolean') return v;
  return v;
}

function widthOf(col: Column, sample: readonly (readonly Cell[])[], index: number): number {
  let w = col.name.length;
  for (const row of sample) {
    const v = row[index];
    if (v !== null && v !== undefined) w = Math.max(w, String(v).length);
  }
  return Math.min(MAX_WIDTH, Math.max(10, w + 2));
}

/**
 * Streams a workbook to `out`: a cover sheet naming the plan, range, departments, currency,
 * generation time and the sheets, then one sheet per table with typed cells, number
 * formats, a frozen header row and an autofilter over it. Rows are committed as they are
 * written, so memory stays flat however many rows there are.
 */
export async function writeXlsx(tables: readonly ReportTable[], cover: XlsxCover, out: Writable, progress?: XlsxProgress): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'TM Planner';
  wb.created = cover.generatedAt;
  wb.modified = cover.generatedAt;
  const total = tables.reduce((n, t) => n + rowCountOf(t), 0);
  let done = 0;

  const c = wb.addWorksheet('Cover');
  c.columns = [{ width: 16 }, { width: 60 }];
  const title = c.addRow(['TM Planner report']);
  title.font = { bold: true, size: 14 };
  title.commit();
  const departments = cover.departments && cover.departments.length > 0 ? cover.departments.join(', ') : 'all';
  const lines: [string, string][] = [
    ['Plan', cover.planName],
    ['Weeks', `${cover.from} to ${cover.to}`],
    ['Departments', departments],
    ['Stages', cover.stages && cover.stages.length > 0 ? cover.stages.join(', ') : 'all'],
    ['Currency', cover.currency],
    ['Generated', cover.generatedAt.toISOString()],
    ['Sheets', tables.map((t) => t.title).join(', ')],
  ];
  for (const [label, value] of lines) {
    const row = c.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).numFmt = '@';
    row.commit();
  }
  c.commit();

  for (const t of tables) {
    progress?.(done, total, `Writing ${t.title} sheet`);
    const rowCount = rowCountOf(t);
    const ws = wb.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    const it = t.rows[Symbol.iterator]();
    const sample: (readonly Cell[])[] = [];
    for (let r = it.next(); ; r = it.next()) {
      if (r.done) break;
      sample.push(r.value);
      if (sample.length >= WIDTH_SAMPLE) break;
    }
    // One style object per column: exceljs recognises a style it has seen by identity.
    const styles = t.columns.map((col): Partial<ExcelJS.Style> => {
      const numFmt = numFmtOf(col.type, t.minorDigits);
      return numFmt ? { numFmt } : {};
    });
    ws.columns = t.columns.map((col, i) => ({ key: col.name, width: widthOf(col, sample, i) }));
    const header = ws.addRow(t.columns.map((col) => col.name));
    header.font = { bold: true };
    header.commit();
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rowCount, column: t.columns.length } };

    const types = t.columns.map((col) => col.type);
    const n = types.length;
    let written = 0;
    const writeRow = (cells: readonly Cell[]): void => {
      const values: ExcelJS.CellValue[] = new Array(n);
      for (let i = 0; i < n; i++) values[i] = xlsxValue(cells[i] ?? null, types[i]!, t.minorDigits);
      const row = ws.addRow(values);
      for (let i = 0; i < n; i++) {
        const style = styles[i]!;
        if (style.numFmt) row.getCell(i + 1).style = style;
      }
      row.commit();
      written++;
      done++;
    };
    for (const cells of sample) writeRow(cells);
    for (let r = it.next(); !r.done; r = it.next()) {
      writeRow(r.value);
      if (written % SLICE === 0) {
        progress?.(done, total, `Writing ${t.title} sheet`);
        await drained(ws, out);
      }
    }
    if (written !== rowCount) throw new Error(`The ${t.title} table yielded ${written} rows, not the ${rowCount} it announced.`);
    ws.commit();
  }
  progress?.(done, total, 'Finishing the file');
  await wb.commit();
  progress?.(done, total, 'Finishing the file');
}

interface BufferedStream {
  _writableState?: { length?: number };
  once(event: 'drain', listener: () => void): unknown;
}

// Committed rows the zip has not taken yet: past this, writing waits for it.
const MAX_BACKLOG = 4 * 1024 * 1024;

/**
 * Lets the zip catch up before more rows are committed. exceljs hands a sheet's XML to the
 * zip through a PassThrough without heeding its backpressure, and the zip starts reading a
 * sheet only when its queue reaches it: a writer that never waits piles the whole sheet
 * (about 100 MB for 250,000 rows) into that buffer. So this waits for it to drain, and
 * for the file to drain; where the buffer cannot be seen, it gives the loop one turn.
 */
function drained(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const pass = (ws as unknown as { stream?: { pipes?: BufferedStream[] } }).stream?.pipes?.[0];
  const backlog = pass?._writableState?.length;
  return new Promise((resolve) => {
    if (pass && backlog !== undefined && backlog > MAX_BACKLOG) pass.once('drain', () => resolve());
    else if (out.writableNeedDrain) out.once('drain', () => resolve());
    else setImmediate(resolve);
  });
}
