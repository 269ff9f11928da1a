import { basename } from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '../../shared/api';
import { weekError } from '../../shared/domain';
import { EXPORT_FORMATS, EXPORT_REPORTS, type ExportFormat, type ExportReport, type ReportName } from '../../shared/api/reports';
import { AtomicFile, writeFileAtomic } from '../backend/export/atomic-file';
import { REPORT_PDF_ALTERNATIVE, printHtmlToPdf } from '../backend/export/pdf';
import { flagsTable } from '../backend/export/report-tables';
import { reportHtml, reportTable, writeTableExport } from '../backend/export/report-source';
import { tableToCsv } from '../backend/export/write-csv';
import { checkTarget, exportSpec } from '../backend/handlers/exports';
import type { Backend } from '../backend/handlers';
import { UsageError, flag, option, repeatedOption, requiredOption, type ParsedArgs } from './args';
import { readUtf8 } from './files';
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
  if (!kind || !(EXPORT_REPORTS as readonly string[]).includes(kind))
    throw new UsageError(`report needs one of ${EXPORT_REPORTS.join(', ')}.`);
  const format = requiredOption(args, 'format');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format "${format}" is not ${EXPORT_FORMATS.join(', ')}.`);
  if (kind === 'pack' && format === 'csv')
    throw new UsageError('A pack is one XLSX or PDF file: use --format xlsx or pdf, or choose a single report for CSV.');
  const out = option(args, 'out');
  const toStdout = out === undefined || out === '-';
  if (format !== 'csv' && toStdout) throw new UsageError(`--out FILE is required for ${format}.`);
  const window = weekWindow(args);
  const departments = repeatedOption(args, 'department');
  await b.call('plan-open', { path: requiredOption(args, 'db') });
  const s = b.context.session!;
  const spec = exportSpec(b.context, s, {
    report: kind as ExportReport,
    format: format as ExportFormat,
    filter: { ...window, ...(departments ? { departments } : {}) },
  });
  if (toStdout) {
    io.out(tableToCsv(reportTable(s, kind as ReportName, spec)));
    return;
  }
  // The command line has no window to keep responsive: it runs the export worker's own
  // function inline, into a part file renamed over --out only when complete.
  const target = checkTarget(s, out!);
  if (format === 'pdf') {
    const html = await reportHtml(s, spec);
    writeFileAtomic(target, await printHtmlToPdf(html, process.env, { alternative: REPORT_PDF_ALTERNATIVE }));
  } else {
    // Ctrl+C (or a kill) mid-export removes the part file: the listeners are in place before
    // it exists, so no signal finds it unguarded. Exit status 128 + the signal's number, as shells do.
    let file: AtomicFile | undefined;
    const stop = (signal: NodeJS.Signals): void => {
      file?.abort();
      b.close();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let rows = 0;
    try {
      file = new AtomicFile(target);
      await writeTableExport(s, spec, file.stream(), (done) => (rows = done), { releasePlan: true });
      file.commit();
    } catch (e) {
      file?.abort();
      throw e;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    io.err(`Wrote ${rows} ${kind} rows for ${spec.from}..${spec.to} to ${out}.\n`);
    return;
  }
  io.err(`Wrote the ${kind} report for ${spec.from}..${spec.to} to ${out}.\n`);
}

function readText(file: string): string {
  return readUtf8(file, `${file} is not UTF-8 text: save it as "CSV UTF-8" and import it again.`);
}

/** Loaded only once a command is known, so that --help and usage errors load no backend. */
export const COMMAND_RUNNERS = { init, import: importCommand, holidays, flags, report, request: requestCommand } satisfies Record<
  string,
  Command
>;
