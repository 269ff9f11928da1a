import { basename, extname } from 'node:path';
import type { RequestDetail } from '../../shared/api';
import { ApiError } from '../../shared/api/errors';
import { REQUEST_STATUSES, formatHours, formatMoney, formatMoneyGrouped, type RequestStatus } from '../../shared/domain';
import { demandLineText } from '../../shared/format/requests';
import { hoursShort } from '../../shared/format/hours';
import { STATUS_LABELS } from '../../shared/format/requests';
import { tableToJsonRows, requestsTable } from '../backend/export/request-table';
import { tableToCsv } from '../backend/export/write-csv';
import type { Backend } from '../backend/handlers';
import { UsageError, flag, option, requiredOption, type ParsedArgs } from './args';
import type { Io } from './commands';
import { readUtf8, writeOut } from './files';

type RequestCommand = (b: Backend, args: ParsedArgs, io: Io) => Promise<void>;

/** Opens the plan and finds the request named by --id (its id, as files and people name it). */
async function openRequest(b: Backend, args: ParsedArgs): Promise<{ ref: number; id: string }> {
  const id = requiredOption(args, 'id');
  await b.call('plan-open', { path: requiredOption(args, 'db') });
  const { requests } = await b.call('requests-list', {});
  const r = requests.find((x) => x.id === id) ?? requests.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!r) throw new ApiError('not-found', `There is no request ${id} in this plan.`);
  return { ref: r.ref, id: r.id };
}

function format<T extends string>(args: ParsedArgs, allowed: readonly T[]): T {
  const f = option(args, 'format') ?? allowed[0]!;
  if (!(allowed as readonly string[]).includes(f)) throw new UsageError(`--format "${f}" is not ${allowed.join(' or ')}.`);
  return f as T;
}

function noMorePositionals(args: ParsedArgs, max: number): void {
  const extra = args.positional.slice(max);
  if (extra.length > 0) throw new UsageError(`${args.positional[0]} does not take ${extra.map((e) => `"${e}"`).join(', ')}.`);
}

const list: RequestCommand = async (b, args, io) => {
  noMorePositionals(args, 1);
  const f = format(args, ['csv', 'json'] as const);
  await b.call('plan-open', { path: requiredOption(args, 'db') });
  const r = await b.call('requests-list', {});
  const table = requestsTable(r.requests, r.minorDigits);
  io.out(f === 'csv' ? tableToCsv(table) : JSON.stringify(tableToJsonRows(table), null, 2) + '\n');
};

const show: RequestCommand = async (b, args, io) => {
  noMorePositionals(args, 1);
  const f = format(args, ['text', 'json'] as const);
  const { ref } = await openRequest(b, args);
  const d = await b.call('requests-get', { ref });
  io.out(f === 'text' ? detailText(d) : JSON.stringify(detailJson(d), null, 2) + '\n');
};

const setStatus: RequestCommand = async (b, args, io) => {
  noMorePositionals(args, 1);
  const to = requiredOption(args, 'to');
  if (!(REQUEST_STATUSES as readonly string[]).includes(to))
    throw new UsageError(`--to "${to}" is not a status (${REQUEST_STATUSES.join(', ')}).`);
  const after = option(args, 'after-closing');
  if (after !== undefined && after !== 'delete' && after !== 'keep')
    throw new UsageError(`--after-closing "${after}" is not delete or keep.`);
  const reason = option(args, 'reason');
  const { ref, id } = await openRequest(b, args);
  const detail = await b.call('requests-get', { ref });
  const before = detail.status;
  if (to === 'closed' && detail.allowed.includes('closed') && after === undefined && detail.allocationsAfterCurrentWeek > 0) {
    const n = detail.allocationsAfterCurrentWeek;
    throw new ApiError(
      'invalid-input',
      `${id} has ${n} allocation${n === 1 ? '' : 's'} after the closing week ${detail.currentWeek}: add --after-closing delete to delete them, or --after-closing keep to keep them flagged.`,
    );
  }
  const r = await b.call('requests-set-status', {
    ref,
    to: to as RequestStatus,
    ...(reason !== undefined ? { reason } : {}),
    ...(after !== undefined ? { afterClosing: after } : {}),
  });
  const removed =
    r.removedAllocations > 0
      ? ` Removed ${r.removedAllocations} allocation${r.removedAllocations === 1 ? '' : 's'} after the closing week.`
      : '';
  io.out(`${id}: ${before} -> ${r.status}.${removed}\n`);
};

const exportRequest: RequestCommand = async (b, args, io) => {
  noMorePositionals(args, 1);
  const out = requiredOption(args, 'out');
  const { ref } = await openRequest(b, args);
  const r = await b.call('requests-export', { ref });
  writeOut(out, JSON.stringify(r.file, null, 2) + '\n');
  io.out(
    `Wrote request ${r.file.request.id} with ${r.file.demand.length} demand line${r.file.demand.length === 1 ? '' : 's'} to ${out}.\n`,
  );
};

const summary: RequestCommand = async (b, args, io) => {
  noMorePositionals(args, 1);
  const out = requiredOption(args, 'out');
  const ext = extname(out).toLowerCase();
  if (ext !== '.json' && ext !== '.pdf') throw new UsageError(`--out ${out}: a staffing summary is written as FILE.json or FILE.pdf.`);
  const { ref, id } = await openRequest(b, args);
  if (ext === '.json') {
    const r = await b.call('requests-summary', { ref });
    writeOut(out, JSON.stringify(r.file, null, 2) + '\n');
  } else {
    const r = await b.call('requests-summary-pdf', { ref });
    writeOut(out, Buffer.from(r.pdfBase64, 'base64'));
  }
  io.out(`Wrote the staffing summary of ${id} to ${out}.\n`);
};

const importFile: RequestCommand = async (b, args, io) => {
  noMorePositionals(args, 2);
  const file = args.positional[1];
  if (!file) throw new UsageError('request import needs a FILE.json (a request file or a staffing summary).');
  const text = readJsonText(file);
  await b.call('plan-open', { path: requiredOption(args, 'db') });
  const input = { text, fileName: basename(file) };
  const preview = await b.call('requests-import-preview', input);
  for (const d of preview.differences) io.out(`${d.text}\n`);
  if (preview.differences.every((d) => d.kind === 'status-kept')) {
    io.out(`Nothing to apply: ${preview.requestId} is already as ${basename(file)} has it.\n`);
    return;
  }
  if (flag(args, 'dry-run')) {
    io.out('Dry run: nothing was applied.\n');
    return;
  }
  // What was printed is what is applied: another program writing in between makes it refuse.
  const r = await b.call('requests-import-apply', { ...input, expected: preview.differences.map((d) => d.text) });
  io.out(`Applied ${r.applied} change${r.applied === 1 ? '' : 's'} to ${r.id}.\n`);
};

const SUBCOMMANDS: Record<string, RequestCommand> = {
  list,
  show,
  'set-status': setStatus,
  export: exportRequest,
  summary,
  import: importFile,
};

/** `request <subcommand>`: main.ts has parsed the subcommand's own syntax; it is the first positional. */
export async function requestCommand(b: Backend, args: ParsedArgs, io: Io): Promise<void> {
  const sub = args.positional[0] ?? '';
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new UsageError(`request needs a subcommand first: ${Object.keys(SUBCOMMANDS).join(', ')}.`);
  await run(b, args, io);
}

function money(minor: number | null, d: RequestDetail): string {
  return minor === null ? 'none' : `${formatMoneyGrouped(minor, d.minorDigits)} ${d.currency}`;
}

const BUDGET_WORDS = { none: '', ok: '', at_risk: ' (at risk)', overrun: ' (overrun)' } as const;

function detailText(d: RequestDetail): string {
  const lines = [
    `${d.id}  ${d.title}`,
    `Stage: ${d.stage}   Status: ${STATUS_LABELS[d.status]}   Priority: ${d.priority}`,
    `Service: ${d.service ?? '-'}   Requester: ${d.requester ?? '-'}`,
    `Weeks: ${d.startWeek}..${d.endWeek}`,
    `Budget: ${money(d.budgetMinor, d)}   Cost: ${money(d.costMinor, d)}${BUDGET_WORDS[d.budgetState]}`,
    `Staffing: ${d.staffing === 'no demand' ? `no demand lines, ${hoursShort(d.allocatedMinutes)} h allocated` : d.staffing}`,
  ];
  if (d.rejectionReason) lines.push(`Rejected because: ${d.rejectionReason}`);
  if (d.closedWeek) lines.push(`Closed in: ${d.closedWeek}`);
  if (d.notes) lines.push(`Notes: ${d.notes.replace(/\r?\n/g, '\n       ')}`);
  lines.push('', d.lines.length === 0 ? 'Demand: none (staffed by hand)' : 'Demand:');
  for (const l of d.lines)
    lines.push(`  ${demandLineText(l)}: ${hoursShort(l.servedMinutes)} of ${hoursShort(l.demandedMinutes)} h served`);
  lines.push(
    '',
    d.allowed.length === 0 ? `Status: ${d.status}, an end: it changes no more.` : `Status: ${d.status}; can go to ${d.allowed.join(', ')}.`,
  );
  if (d.staffingReceived) {
    const s = d.staffingReceived;
    lines.push(
      `Staffing received: ${s.summary.people.length} people, cost ${s.summary.cost} ${s.summary.plan_currency} (written ${s.exportedAt}, received ${s.receivedAt})`,
    );
  }
  lines.push('', d.history.length === 0 ? 'History: none' : 'History:');
  for (const h of d.history) {
    const change = h.before === null && h.after === null ? '' : ` ${h.before ?? 'none'} -> ${h.after ?? 'none'}`;
    lines.push(`  ${h.at}  ${h.what}:${change}${h.reason ? ` (${h.reason})` : ''}`);
  }
  return lines.join('\n') + '\n';
}

function detailJson(d: RequestDetail): Record<string, unknown> {
  const m = (minor: number | null) => (minor === null ? null : formatMoney(minor, d.minorDigits));
  return {
    id: d.id,
    title: d.title,
    stage: d.stage,
    status: d.status,
    priority: d.priority,
    service: d.service,
    requester: d.requester,
    start_week: d.startWeek,
    end_week: d.endWeek,
    budget: m(d.budgetMinor),
    cost: m(d.costMinor),
    budget_state: d.budgetState,
    staffing: d.staffing,
    allocated_hours: formatHours(d.allocatedMinutes),
    notes: d.notes,
    rejection_reason: d.rejectionReason,
    closed_week: d.closedWeek,
    demand: d.lines.map((l) => ({
      skill: l.skill,
      min_level: l.minLevel,
      hours_per_week: formatHours(l.minutesPerWeek),
      start_week: l.startWeek,
      end_week: l.endWeek,
      demanded_hours: formatHours(l.demandedMinutes),
      served_hours: formatHours(l.servedMinutes),
    })),
    allowed: d.allowed,
    history: d.history.map((h) => ({ at: h.at, what: h.what, before: h.before, after: h.after, reason: h.reason })),
    staffing_received: d.staffingReceived && { received_at: d.staffingReceived.receivedAt, exported_at: d.staffingReceived.exportedAt },
  };
}

function readJsonText(file: string): string {
  return readUtf8(file, `${basename(file)} is not UTF-8 text (damaged, or not a TM Planner file): nothing was imported.`);
}
