import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { CsvSyntaxError, parseCsv } from './csv';
import { allocationsKind } from './kinds/allocations';
import { demandKind } from './kinds/demand';
import { holidaysKind } from './kinds/holidays';
import { requestsKind } from './kinds/requests';
import { specialistsKind } from './kinds/specialists';
import { timeOffKind } from './kinds/time-off';
import type { ImportKind, ImportResult } from '../../../shared/api';
import type { ImportKindSpec } from './kinds/types';
import { clearHistory } from '../db/history';
import { RowReader, bindHeader } from './rows';

const KINDS: Record<ImportKind, ImportKindSpec<unknown, unknown>> = {
  specialists: specialistsKind,
  'time-off': timeOffKind,
  holidays: holidaysKind,
  requests: requestsKind,
  demand: demandKind,
  allocations: allocationsKind,
};

const MAX_LISTED = 100;

/**
 * Imports one CSV file, all or nothing: every row is checked before anything is written,
 * and the writes run in one transaction. Errors name `file:row: column: what`.
 */
export function importCsv(db: Db, kind: ImportKind, fileName: string, text: string, now: Date = new Date()): ImportResult {
  const spec = KINDS[kind];
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ApiError('invalid-input', `${fileName}:${e.row}: ${e.message}.`);
    throw e;
  }
  if (table.header.length === 0) throw new ApiError('invalid-input', `${fileName} is empty: a header row is required.`);
  const { index, missing, repeated } = bindHeader(table.header, spec.columns);
  if (repeated.length > 0) {
    throw new ApiError('invalid-input', `${fileName}:1: the header names ${repeated.map((r) => `"${r}"`).join(', ')} more than once.`);
  }
  if (missing.length > 0) {
    throw new ApiError(
      'invalid-input',
      `${fileName}:1: the header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
    );
  }
  const ctx = spec.prepare(db, { fileName, now });
  const reader = new RowReader(index);
  const rows: unknown[] = [];
  for (const record of table.records) {
    const before = reader.issues.length;
    const row = spec.parse(reader.at(record), ctx);
    if (row !== null && reader.issues.length === before) rows.push(row);
  }
  if (reader.issues.length > 0) {
    const lines = reader.issues.map((i) => `${fileName}:${i.row}: ${i.column}: ${i.message}`);
    const badRows = new Set(reader.issues.map((i) => i.row)).size;
    const shown = lines.slice(0, MAX_LISTED);
    const more = lines.length > MAX_LISTED ? `\n(and ${lines.length - MAX_LISTED} more)` : '';
    throw new ApiError(
      'invalid-input',
      `${fileName}: nothing was imported, ${badRows} bad row${badRows === 1 ? '' : 's'}:\n${shown.join('\n')}${more}`,
      shown,
    );
  }
  const changed = db.transaction(() => {
    const n = spec.write(db, rows, ctx);
    // An import rewrites allocation rows wholesale and is not itself undoable: the undo
    // history before it would put back rows the import has since replaced.
    if (kind === 'allocations' && n > 0) clearHistory(db);
    return n;
  })();
  return { kind, rows: rows.length, changed };
}
