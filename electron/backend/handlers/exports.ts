import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ApiParsedInput } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import type { ExportJobStatus } from '../../../shared/api/reports';
import { thisWeek } from '../clock';
import { ExportJobs } from '../export/export-jobs';
import { exportFileName, type ExportSpec } from '../export/report-source';
import type { PlanSession } from '../plan-session';
import { requireSession, type BackendContext } from './context';
import { reportFilter } from './reports';

type StartInput = ApiParsedInput<'exports-start'>;

const jobsOf = (ctx: BackendContext): ExportJobs =>
  (ctx.exports ??= new ExportJobs({ nativeBinding: ctx.nativeBinding, ...(ctx.printPdf ? { printPdf: ctx.printPdf } : {}) }));

/** The export as the job runs it: range resolved as the report-* calls resolve it, departments checked. */
export function exportSpec(ctx: BackendContext, s: PlanSession, input: Omit<StartInput, 'targetPath'>): ExportSpec {
  const f = reportFilter(s, input.filter, thisWeek(ctx.clock));
  const departments = input.filter.departments ?? [];
  if (departments.length > 0) {
    const known = s.db.prepare('SELECT name FROM departments ORDER BY name COLLATE NOCASE').pluck().all() as string[];
    const unknown = departments.filter((d) => !known.some((k) => k.toLowerCase() === d.toLowerCase()));
    if (unknown.length > 0)
      throw new ApiError('invalid-input', `No department named ${quotedNames(unknown, 5)} (known: ${quotedNames(known, 20, '')}).`);
  }
  return {
    report: input.report,
    format: input.format,
    from: f.from,
    to: f.to,
    departments,
    stages: [...new Set(input.filter.stages ?? [])],
    currentWeek: thisWeek(ctx.clock),
    generatedAt: ctx.clock.now().toISOString(),
  };
}

/** A quoted name in a message is cut to this many characters: names come from whoever calls. */
const QUOTED_NAME_CHARS = 80;

/** `"A", "B" and 3 more`: a bounded list of names for a message, however many and long the names are. */
export function quotedNames(names: readonly string[], max: number, quote = '"'): string {
  const cut = (n: string): string => (n.length > QUOTED_NAME_CHARS ? `${n.slice(0, QUOTED_NAME_CHARS - 1)}…` : n);
  const shown = names
    .slice(0, max)
    .map((n) => `${quote}${cut(n)}${quote}`)
    .join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** A target an export may be written to: in an existing folder, not a folder itself, never the plan file. */
export function checkTarget(s: PlanSession, targetPath: string): string {
  const target = resolve(targetPath);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new ApiError('invalid-input', `The folder of ${target} does not exist: choose another place for the export.`);
  if (existsSync(target) && statSync(target).isDirectory()) throw new ApiError('invalid-input', `${target} is a folder, not a file name.`);
  const plan = realpathSync(s.path);
  const real = existsSync(target) ? realpathSync(target) : resolve(realpathSync(folder), basename(target));
  if ([plan, `${plan}-wal`, `${plan}-shm`, `${plan}-journal`].includes(real))
    throw new ApiError('invalid-input', `${target} is the plan itself: an export never overwrites the plan; choose another file name.`);
  return target;
}

export function exportsStart(ctx: BackendContext, input: StartInput): ExportJobStatus {
  const s = requireSession(ctx);
  const spec = exportSpec(ctx, s, input);
  const target = input.targetPath === undefined ? undefined : checkTarget(s, input.targetPath);
  const fileName = target === undefined ? exportFileName(spec) : basename(target);
  return jobsOf(ctx).start(s.path, spec, fileName, target);
}

export function exportsStatus(ctx: BackendContext, input: ApiParsedInput<'exports-status'>): ExportJobStatus {
  return jobsOf(ctx).status(input.jobId);
}

export function exportsCancel(ctx: BackendContext, input: ApiParsedInput<'exports-cancel'>): Promise<ExportJobStatus> {
  return jobsOf(ctx).cancel(input.jobId);
}
