import { basename } from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '../../shared/api';
import { ApiError } from '../../shared/api/errors';
import { weekError } from '../../shared/domain';
import {
  REPORT_KINDS,
  allocationsTable,
  costsTable,
  flagsTable,
  skillsTable,
  stagesTable,
  utilizationTable,
  type ReportKind,
  type ReportTable,
} from '../backend/export/report-tables';
import { tableToCsv } from '../backend/export/write-csv';
import type { Backend } from '../backend/handlers';
import { UsageError, flag, option, repeatedOption, requiredOption, type ParsedArgs } from './args';
import { readUtf8, writeOut } from './files';
import { requestCommand } from './request-commands';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export type Command = (b: Backend, args: ParsedArgs, io: Io) => Promise<void>;

function week(args: ParsedArgs, name: 'from' | 'to'): string | undefined {
  const v = option(args, name);
  if (v === undefined) return undefined;
  const e = weekError(v);
  if (e) throw new UsageError(`--${name}: ${e}.`);
  return v;
}

function weekWindow(args: ParsedArgs): { from?: string; to?: string } {
  const from = week(args, 'from');
  const to = week(args, 'to');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}.`);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export async function init(b: Backend, args: ParsedArgs, io: Io): Promise<void> {
  const path = requiredOption(args, 'db');
  const info = await b.call('plan-create', {
    path,
    currency: option(args, 'currency') ?? 'EUR',
    demo: flag(args, 'demo'),
    ...(option(args, 'name') ? { name: option(args, 'name') } : {}),
  });
  io.out(
    `Created plan "${info.name}" (${info.currency}) at ${info.path}` +
      (flag(args, 'demo')
        ? `: ${info.counts.departments} departments, ${info.counts.specialists} specialists, ${info.counts.requests} requests, ${info.counts.allocations} allocations.\n`
        : '.\n'),
  );
}

export async function importCommand(b: Backend, args: ParsedArgs, io: Io): Promise<void> {
  const [kind, file] = args.positional;
  if (!kind || !file) throw new UsageError('import needs a kind and a CSV file.');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`"${kind}" is not an import kind (${IMPORT_KINDS.join(', ')}).`);
  const text = readText(file);
  await b.call('plan-open', { path: requiredOption(args, 'db') });
  const r = await b.call('import-csv', { kind: kind as ImportKind, fileName: basename(file), text });
  io.out(
    `Imported ${r.rows} ${kind} row${r.rows === 1 ? '' : 's'} from ${basename(file)}: ${r.changed === 0 ? 'nothing changed' : `${r.changed} added or changed`}.\n`,
  );
}

export async function holidays(b: Backend, args: ParsedArgs, io: Io): Promise<void> {
  const years = requiredOption(args, 'years');
  const m = /^(\d{4})(?::(\d{4}))?$/.exec(years);
  if (!m) throw new UsageError(`--years "${years}" is not YYYY or YYYY:YYYY.`);
  const fromYear = Number(m[1]);
  const toYear = Number(m[2] ?? m[1]);
  if (fromYear > toYear) throw new UsageError(`--years ${years}: the first year is after the last.`);
  await b.call('plan-open', { path: requiredOption(args, 'db') });
  const region = option(args, 'region');
  const r = await b.call('holidays-load', {
    calendar: requiredOption(args, 'calendar'),
    country: requiredOption(args, 'country'),
    ...(region ? { region } : {}),
    fromYear,
    toYear,
  });
  io.out(
    `Calendar ${r.calendar}: ${r.holidays} public holidays for ${fromYear}${toYear !== fromYear ? `-${toYear}` : ''}, ${r.changed} added or changed.\n`,
  );
}

export async function flags(b: Backend, args: ParsedArgs, io: Io): Promise<void> {
  const format = option(args, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format "${format}" is not csv or json.`);
  const window = weekWindow(args);
  await b.call('plan-open', { path: requiredOption(args, 'db') });
  const r = await b.call('flags-list', window);
  if (format === 'json') {
    const rows = r.flags.map((f) => ({
      kind: f.kind,
      week: f.week,
      specialist_id: f.specialistId,
      request_id: f.requestId,
      detail: f.detail,
    }));
    io.out(JSON.stringify(rows, null, 2) + '\n');
  } else {
    io.out(tableToCsv(flagsTable(r.flags)));
  }
}

export async function report(b: Backend, args: ParsedArgs, io: Io): Promise<void> {
  const kind = args.positional[0];
  if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`report needs one of ${REPORT_KINDS.join(', ')}.`);
  const format = requiredOption(args, 'format');
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format "${format}" is not csv or xlsx.`);
  const out = option(args, 'out');
  if (format === 'xlsx' && (out === undefined || out === '-')) throw new UsageError('--out FILE is required for xlsx.');
  const window = weekWindow(args);
  const departments = repeatedOption(args, 'department');
  const info = await b.call('plan-open', { path: requiredOption(args, 'db') });
  if (departments) {
    const known = (await b.call('departments-list', {})).departments;
    const unknown = departments.filter((d) => !known.some((k) => k.toLowerCase() === d.toLowerCase()));
    if (unknown.length > 0)
      throw new ApiError('invalid-input', `No department named ${unknown.map((d) => `"${d}"`).join(', ')} (known: ${known.join(', ')}).`);
  }
  const filter = { ...window, ...(departments ? { departments } : {}) };
  const { table, range } = await reportTable(b, kind as ReportKind, filter, info.minorDigits);
  if (format === 'csv') {
    const text = tableToCsv(table);
    if (out === undefined || out === '-') io.out(text);
    else writeOut(out, text);
  } else {
    // ExcelJS takes longer to load than most commands take to run: only an XLSX loads it.
    const { tablesToXlsx } = await import('../backend/export/write-xlsx');
    const buf = await tablesToXlsx([table], {
      planName: info.name,
      currency: info.currency,
      from: range.from,
      to: range.to,
      departments,
      generatedAt: b.context.clock.now(),
    });
    writeOut(out!, buf);
  }
  if (out !== undefined && out !== '-') io.err(`Wrote ${table.rows.length} ${kind} rows for ${range.from}..${range.to} to ${out}.\n`);
}

async function reportTable(
  b: Backend,
  kind: ReportKind,
  filter: Record<string, unknown>,
  minorDigits: number,
): Promise<{ table: ReportTable; range: { from: string; to: string } }> {
  switch (kind) {
    case 'utilization': {
      const r = await b.call('reports-utilization', filter);
      return { table: utilizationTable(r.rows, minorDigits), range: r };
    }
    case 'costs': {
      const r = await b.call('reports-costs', filter);
      return { table: costsTable(r.rows, r.minorDigits), range: r };
    }
    case 'allocations': {
      const r = await b.call('reports-allocations', filter);
      return { table: allocationsTable(r.rows, r.minorDigits), range: r };
    }
    case 'skills': {
      const r = await b.call('reports-skills', filter);
      return { table: skillsTable(r.rows, minorDigits), range: r };
    }
    case 'stages': {
      const r = await b.call('reports-stages', filter);
      return { table: stagesTable(r.rows, r.minorDigits), range: r };
    }
  }
}

function readText(file: string): string {
  return readUtf8(file, `${file} is not UTF-8 text: save it as "CSV UTF-8" and import it again.`);
}

/** Loaded only once a command is known, so that --help and usage errors load no backend. */
export const COMMAND_RUNNERS = { init, import: importCommand, holidays, flags, report, request: requestCommand } satisfies Record<
  string,
  Command
>;
