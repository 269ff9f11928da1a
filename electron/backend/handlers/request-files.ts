import type { ApiParsedInput, ApiResult, ImportApplied, ImportPreview, RequestWritten } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import { requestFieldsSchema } from '../../../shared/api/requests';
import { appliedCount, diffRequest, type RequestDiff } from '../../../shared/exchange/diff';
import { requestFileName, staffingSummaryFileName } from '../../../shared/exchange/file-names';
import { readExchangeFile } from '../../../shared/exchange/read-file';
import type { RequestFile, StaffingSummaryFile } from '../../../shared/exchange/request-file';
import { requestFileOf, type ExchangeRequest } from '../../../shared/exchange/request-model';
import { staffingSummaryOf } from '../../../shared/exchange/staffing-summary';
import { exchangeProblemText, requestDifferences, summaryReceivedText } from '../../../shared/format/request-diff';
import { historyState } from '../db/history';
import { printHtmlToPdf } from '../export/pdf';
import { currentRequest, requestOf, requestRefById } from '../export/request-state';
import type { PlanSession } from '../plan-session';
import { writeRequest, type RequestChange } from '../requests/write';
import { requireSession, type BackendContext } from './context';
import { requestsGet } from './requests';

const exportedAt = (ctx: BackendContext): string => ctx.clock.now().toISOString();

export function requestsExport(ctx: BackendContext, input: ApiParsedInput<'requests-export'>): ApiResult<'requests-export'> {
  const s = requireSession(ctx);
  const file: RequestFile = requestFileOf(currentRequest(s, input.ref), { ...planMoney(s), exportedAt: exportedAt(ctx) });
  return { fileName: requestFileName(file.request.id), file };
}

export function requestsSummary(ctx: BackendContext, input: ApiParsedInput<'requests-summary'>): ApiResult<'requests-summary'> {
  const file = summaryOf(ctx, input.ref);
  return { fileName: staffingSummaryFileName(file.request.id, 'json'), file };
}

/** The print page; its file name is the PDF's it prints to. React's server renderer loads only for it. */
export async function requestsSummaryHtml(
  ctx: BackendContext,
  input: ApiParsedInput<'requests-summary-html'>,
): Promise<ApiResult<'requests-summary-html'>> {
  const s = requireSession(ctx);
  const file = summaryOf(ctx, input.ref);
  const { staffingSummaryHtml } = await import('../export/summary-print');
  return {
    fileName: staffingSummaryFileName(file.request.id, 'pdf'),
    html: staffingSummaryHtml(file, { planName: s.meta.name, minorDigits: s.meta.minorDigits }),
  };
}

export async function requestsSummaryPdf(
  ctx: BackendContext,
  input: ApiParsedInput<'requests-summary-pdf'>,
): Promise<ApiResult<'requests-summary-pdf'>> {
  const { fileName, html } = await requestsSummaryHtml(ctx, input);
  const pdf = await printHtmlToPdf(html);
  return { fileName, pdfBase64: pdf.toString('base64') };
}

export function requestsImportPreview(ctx: BackendContext, input: ApiParsedInput<'requests-import-preview'>): ImportPreview {
  const p = prepareImport(ctx, input);
  return { kind: p.kind, requestId: p.requestId, isNew: p.kind === 'request' && p.ref === null, differences: p.differences };
}

/**
 * Applies what the preview showed, worked out again from the plan as it is now; when the
 * caller says what it showed (`expected`) and the plan has changed since, nothing is
 * applied. Fields, lines and an allowed status step go through writeRequest: one
 * transaction, one undo entry, the request's history; a refused step is never written.
 */
export function requestsImportApply(ctx: BackendContext, input: ApiParsedInput<'requests-import-apply'>): ImportApplied {
  const s = requireSession(ctx);
  const p = prepareImport(ctx, input);
  if (input.expected !== undefined) {
    const now = p.differences.map((d) => d.text);
    if (now.length !== input.expected.length || now.some((t, i) => t !== input.expected![i])) {
      throw new ApiError(
        'conflict',
        `${p.requestId} changed in this plan since the differences were shown: nothing was imported. Import the file again to see what it would change now.`,
      );
    }
  }
  if (p.kind === 'summary') {
    if (p.differences.length === 0) return unchanged(s, p.ref, p.requestId, 'summary');
    const written = writeRequest(
      ctx,
      { ref: p.ref, staffingReceived: { json: p.text, exportedAt: p.file.exported_at } },
      `Receive staffing summary of ${p.requestId}`,
    );
    return { ...written, kind: 'summary', applied: 1 };
  }
  const applied = appliedCount(p.diff.changes);
  if (applied === 0 && p.ref !== null) return unchanged(s, p.ref, p.requestId, 'request');

  // One action, one undo step: the fields, the lines and the status the file carries.
  // A file cannot answer what closing asks about later allocations: keep them (flagged), never delete.
  const statusStep =
    p.diff.status !== null && p.ref !== null
      ? { to: p.diff.status, reason: null, ...(p.diff.status === 'closed' ? { afterClosing: 'keep' as const } : {}) }
      : undefined;
  let written: RequestWritten | null = null;
  if (p.ref === null || p.diff.fieldsChanged || p.diff.linesChanged || statusStep) {
    const change: RequestChange =
      p.ref === null
        ? { id: p.request.id, fields: fieldsOf(p.request, p.fileName), lines: linesOf(p.diff), status: p.diff.createStatus }
        : {
            ref: p.ref,
            fields: p.diff.fieldsChanged ? fieldsOf(p.request, p.fileName) : undefined,
            lines: p.diff.linesChanged ? linesOf(p.diff) : undefined,
            statusStep,
          };
    written = writeRequest(ctx, change, p.ref === null ? `Import request ${p.requestId}` : `Import changes to ${p.requestId}`);
  }
  if (written === null) return unchanged(s, p.ref!, p.requestId, 'request');
  return { ref: written.ref, id: written.id, label: written.label, history: written.history, kind: 'request', applied };
}

type Prepared = (
  | { kind: 'request'; ref: number | null; request: ExchangeRequest; diff: RequestDiff }
  | { kind: 'summary'; ref: number; file: StaffingSummaryFile; text: string }
) & { requestId: string; differences: ImportPreview['differences']; fileName: string | null };

function prepareImport(ctx: BackendContext, input: { text: string; fileName?: string | undefined }): Prepared {
  const s = requireSession(ctx);
  const digits = s.meta.minorDigits;
  // A name for messages only: never a path, whatever the caller sent.
  const fileName = input.fileName?.split(/[\\/]/).pop()?.slice(0, 120) || null;
  const read = readExchangeFile(input.text, planMoney(s));
  if (!read.ok) throw new ApiError('invalid-input', exchangeProblemText(read.problem, fileName));
  if (read.kind === 'request') {
    const ref = requestRefById(s, read.request.id);
    const diff = diffRequest(ref === null ? null : currentRequest(s, ref), read.request, digits);
    return {
      kind: 'request',
      ref,
      request: read.request,
      diff,
      requestId: read.request.id,
      differences: requestDifferences(diff.changes, digits),
      fileName,
    };
  }
  const id = read.file.request.id;
  const ref = requestRefById(s, id);
  if (ref === null) {
    throw new ApiError(
      'not-found',
      `${fileName ?? 'The staffing summary'} is about ${id}, which is not in this plan: a summary is kept on its request, so import the request first. Nothing was imported.`,
    );
  }
  const previous = requestsGet(ctx, { ref }).staffingReceived;
  const same = previous !== null && previous.exportedAt === read.file.exported_at && sameJson(previous.summary, read.file);
  return {
    kind: 'summary',
    ref,
    file: read.file,
    text: read.text,
    requestId: id,
    differences: same
      ? []
      : [{ kind: 'summary', requestId: id, text: summaryReceivedText(read.file, digits, previous?.exportedAt ?? null) }],
    fileName,
  };
}

function summaryOf(ctx: BackendContext, ref: number): StaffingSummaryFile {
  const s = requireSession(ctx);
  requestOf(s, ref);
  return staffingSummaryOf(s.index(), ref, { ...planMoney(s), exportedAt: exportedAt(ctx) });
}

const planMoney = (s: PlanSession) => ({ currency: s.meta.currency, minorDigits: s.meta.minorDigits });

/** The file's fields through the editor's own schema: the same trimming and limits as a save. */
function fieldsOf(r: ExchangeRequest, fileName: string | null): NonNullable<RequestChange['fields']> {
  const parsed = requestFieldsSchema.safeParse({
    title: r.title,
    stage: r.stage,
    service: r.service,
    requester: r.requester,
    priority: r.priority,
    startWeek: r.startWeek,
    endWeek: r.endWeek,
    budgetMinor: r.budgetMinor,
    notes: r.notes,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `request.${FILE_FIELD[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    throw new ApiError('invalid-input', `${fileName ?? 'The file'} has wrong fields (${problems.join('; ')}): nothing was imported.`);
  }
  return parsed.data;
}

const FILE_FIELD: Record<string, string> = { startWeek: 'start_week', endWeek: 'end_week', budgetMinor: 'budget' };

function linesOf(diff: RequestDiff): NonNullable<RequestChange['lines']> {
  return diff.matched.map(({ line, current }) => ({
    ...(current?.ref !== undefined ? { ref: current.ref } : {}),
    skill: line.skill,
    minLevel: line.minLevel,
    minutesPerWeek: line.minutesPerWeek,
    startWeek: line.startWeek,
    endWeek: line.endWeek,
  }));
}

function unchanged(s: PlanSession, ref: number, id: string, kind: 'request' | 'summary'): ImportApplied {
  return { ref, id, label: 'Nothing to import', history: historyState(s.db), kind, applied: 0 };
}

/** Key order aside, the same summary: JSON text of a parsed file is canonical enough for that. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
