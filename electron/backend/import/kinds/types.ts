import type { Db } from '../../db/open';
import type { ColumnSpec, RowReader } from '../rows';

import type { ImportKind } from '../../../../shared/api';

/**
 * How one CSV kind is read and written. `prepare` loads the lookups the rows need once;
 * `parse` checks a row and returns its typed value or null; `write` upserts the checked
 * rows inside the caller's transaction and returns how many rows it changed.
 */
/** Which file and when: what a history written by an import records. */
export interface ImportAt {
  fileName: string;
  now: Date;
}

export interface ImportKindSpec<Ctx, Row> {
  kind: ImportKind;
  columns: readonly ColumnSpec[];
  prepare(db: Db, at: ImportAt): Ctx;
  parse(r: RowReader, ctx: Ctx): Row | null;
  write(db: Db, rows: readonly Row[], ctx: Ctx): number;
}
