/**
 * RFC 4180 reader: comma separated, double-quote quoting with "" escapes, CRLF or LF,
 * optional UTF-8 BOM. Records carry their row number (the header is row 1), counted as a
 * spreadsheet counts rows: a line break inside a quoted cell does not start a new row.
 */
export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

export function parseCsv(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let row = 1;
  let i = 0;
  const n = text.length;
  let recordStart = true;

  while (i < n) {
    recordStart = false;
    let cell: string;
    if (text.charCodeAt(i) === QUOTE) {
      const startRow = row;
      i++;
      let parts = '';
      let segStart = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new CsvSyntaxError(startRow, 'a quoted cell is never closed');
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += text.slice(segStart, q + 1);
          i = q + 2;
          segStart = i;
          continue;
        }
        parts += text.slice(segStart, q);
        i = q + 1;
        break;
      }
      cell = parts;
      const c = text.charCodeAt(i);
      if (i < n && c !== COMMA && c !== CR && c !== LF) {
        throw new CsvSyntaxError(row, 'text after the closing quote of a cell');
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === CR || c === LF) break;
        if (c === QUOTE) throw new CsvSyntaxError(row, 'a quote inside an unquoted cell (quote the whole cell)');
        j++;
      }
      cell = text.slice(i, j);
      i = j;
    }
    cells.push(cell);
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i === n) cells.push('');
      continue;
    }
    // End of record (or of input).
    if (c === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    rows.push({ row, cells });
    cells = [];
    row++;
    recordStart = true;
  }
  if (!recordStart && cells.length > 0) rows.push({ row, cells });

  const [head, ...rest] = rows;
  if (!head) return { header: [], records: [] };
  // Blank rows carry no data; spreadsheets often leave some at the end, as ",,,".
  const records = rest.filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header: head.cells.map((h) => h.trim()), records };
}
