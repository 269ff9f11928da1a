import type { ApiParsedInput, ReportRange } from '../../../shared/api';
import { allocationRows, costRows, planWeekSpan, utilizationRows, type IsoWeek, type ReportFilter } from '../../../shared/domain';
import { thisWeek } from '../clock';
import type { PlanSession } from '../plan-session';
import { requireSession, type BackendContext } from './context';

type FilterInput = ApiParsedInput<'reports-utilization'>;

/** Without --from/--to a report covers the weeks the plan spans (this week for an empty plan). */
export function reportFilter(s: PlanSession, input: FilterInput, today: IsoWeek): ReportFilter & ReportRange {
  const span = planWeekSpan(s.snapshot()) ?? { from: today, to: today };
  const from = input.from ?? (input.to !== undefined && input.to < span.from ? input.to : span.from);
  const to = input.to ?? (from > span.to ? from : span.to);
  return { from, to, departments: input.departments };
}

export function reportsUtilization(ctx: BackendContext, input: FilterInput) {
  const s = requireSession(ctx);
  const f = reportFilter(s, input, thisWeek(ctx.clock));
  return { from: f.from, to: f.to, rows: utilizationRows(s.snapshot(), f, s.index()) };
}

export function reportsCosts(ctx: BackendContext, input: FilterInput) {
  const s = requireSession(ctx);
  const f = reportFilter(s, input, thisWeek(ctx.clock));
  return { from: f.from, to: f.to, rows: costRows(s.snapshot(), f, s.index()), minorDigits: s.meta.minorDigits, currency: s.meta.currency };
}

export function reportsAllocations(ctx: BackendContext, input: FilterInput) {
  const s = requireSession(ctx);
  const f = reportFilter(s, input, thisWeek(ctx.clock));
  return {
    from: f.from,
    to: f.to,
    rows: allocationRows(s.snapshot(), f, s.index()),
    minorDigits: s.meta.minorDigits,
    currency: s.meta.currency,
  };
}

// ---- Issue 9 stubs (the figures helper fills these in).
export function reportsSkills(_ctx: BackendContext, _input: FilterInput): never {
  throw new Error('not implemented');
}
export function reportsStages(_ctx: BackendContext, _input: FilterInput): never {
  throw new Error('not implemented');
}
export function reportsView(_ctx: BackendContext, _input: ApiParsedInput<'reports-view'>): never {
  throw new Error('not implemented');
}
export function reportsAllocationsPage(_ctx: BackendContext, _input: ApiParsedInput<'reports-allocations-page'>): never {
  throw new Error('not implemented');
}
export function reportsPrintHtml(_ctx: BackendContext, _input: ApiParsedInput<'reports-print-html'>): never {
  throw new Error('not implemented');
}
