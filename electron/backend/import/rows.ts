import { dateError, parseHours, parseMoney, weekError, type Parsed } from '../../../shared/domain';
import type { CsvRecord } from './csv';

/** One column a kind reads: its name, other accepted spellings, whether it must be filled. */
export interface ColumnSpec {
  name: string;
  required?: boolean;
  aliases?: readonly string[];
}

export interface RowIssue {
  row: number;
  column: string;
  message: string;
}

/**
 * Reads the cells of one record by column name and collects what is wrong with them,
 * so a file reports every bad cell at once instead of stopping at the first.
 */
export class RowReader {
  readonly issues: RowIssue[] = [];
  private record: CsvRecord = { row: 0, cells: [] };

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  at(record: CsvRecord): this {
    this.record = record;
    return this;
  }

  get row(): number {
    return this.record.row;
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  text(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.record.cells[i] ?? '').trim();
  }

  optional(column: string): string | null {
    const t = this.text(column);
    return t === '' ? null : t;
  }

  required(column: string): string | null {
    const t = this.text(column);
    if (t === '') {
      this.fail(column, 'is empty but required');
      return null;
    }
    return t;
  }

  fail(column: string, message: string): void {
    this.issues.push({ row: this.record.row, column, message });
  }

  week(column: string, required: boolean): string | null {
    const t = required ? this.required(column) : this.optional(column);
    if (t === null) return null;
    const err = weekErrorCached(t);
    if (err) {
      this.fail(column, err);
      return null;
    }
    return t;
  }

  date(column: string, required: boolean): string | null {
    const t = required ? this.required(column) : this.optional(column);
    if (t === null) return null;
    const err = dateError(t);
    if (err) {
      this.fail(column, err);
      return null;
    }
    return t;
  }

  minutes(column: string, required: boolean, check?: (m: number) => string | null): number | null {
    const t = required ? this.required(column) : this.optional(column);
    if (t === null) return null;
    return this.checked(column, parseHours(t), check);
  }

  money(column: string, minorDigits: number, required: boolean): number | null {
    const t = required ? this.required(column) : this.optional(column);
    if (t === null) return null;
    return this.checked(column, parseMoney(t, minorDigits), (v) => (v < 0 ? `"${t}" is negative` : null));
  }

  oneOf<T extends string>(column: string, allowed: readonly T[], fallback: T): T | null {
    const t = this.optional(column);
    if (t === null) return fallback;
    const v = t.toLowerCase() as T;
    if (!allowed.includes(v)) {
      this.fail(column, `"${t}" is not one of ${allowed.join(', ')}`);
      return null;
    }
    return v;
  }

  integer(column: string, min: number, max: number, fallback: number): number | null {
    const t = this.optional(column);
    if (t === null) return fallback;
    if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) {
      this.fail(column, `"${t}" is not a whole number from ${min} to ${max}`);
      return null;
    }
    return Number(t);
  }

  private checked(column: string, p: Parsed<number>, check?: (v: number) => string | null): number | null {
    if (!p.ok) {
      this.fail(column, p.error);
      return null;
    }
    const err = check?.(p.value);
    if (err) {
      this.fail(column, err);
      return null;
    }
    return p.value;
  }
}

const weekErrors = new Map<string, string | null>();
/** Large files repeat the same few dozen weeks; validate each text once. */
function weekErrorCached(text: string): string | null {
  let e = weekErrors.get(text);
  if (e === undefined) {
    e = weekError(text);
    if (weekErrors.size < 10_000) weekErrors.set(text, e);
  }
  return e;
}

/** Maps header names (case-insensitive, aliases allowed) to cell positions. */
export function bindHeader(
  header: readonly string[],
  columns: readonly ColumnSpec[],
): { index: Map<string, number>; missing: string[]; repeated: string[] } {
  const positions = new Map<string, number>();
  const repeated: string[] = [];
  header.forEach((h, i) => {
    const name = h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (name !== '' && positions.has(name)) repeated.push(h.trim());
    positions.set(name, i);
  });
  const index = new Map<string, number>();
  const missing: string[] = [];
  for (const c of columns) {
    const names = [c.name, ...(c.aliases ?? [])];
    const pos = names.map((n) => positions.get(n)).find((p) => p !== undefined);
    if (pos !== undefined) index.set(c.name, pos);
    else if (c.required) missing.push(c.name);
  }
  return { index, missing, repeated };
}

/** Duplicate keys inside one file are ambiguous: which row should win? */
export class KeyTracker {
  private readonly seen = new Map<string, number>();
  check(reader: RowReader, key: string, column: string): void {
    const first = this.seen.get(key);
    if (first !== undefined) reader.fail(column, `repeats the key of row ${first}`);
    else this.seen.set(key, reader.row);
  }
}
