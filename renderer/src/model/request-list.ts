// The requests view's rows: filtered and sorted in the page (the list holds every request,
// 5,000 of them sort in a few milliseconds), and the words a row shows.
import type { RequestRow } from '../../../shared/api';
import { cmpName, cmpPriority, cmpText, foldText, type RequestStatus, type Stage } from '../../../shared/domain';
import { hoursShort } from '../../../shared/format';
import type { RequestFilters, RequestSort, RequestSortKey } from '../store/types';

export function requestFiltersActive(f: RequestFilters): boolean {
  return f.stage !== '' || f.status !== '' || f.requester !== '' || f.text.trim() !== '';
}

export function requestMatches(r: RequestRow, f: RequestFilters): boolean {
  if (f.stage && r.stage !== f.stage) return false;
  if (f.status && r.status !== f.status) return false;
  if (f.requester && (r.requester ?? '') !== f.requester) return false;
  const text = foldText(f.text.trim());
  if (!text) return true;
  return [r.id, r.title, r.service ?? '', r.requester ?? ''].some((v) => foldText(v).includes(text));
}

/** "R2" before "R10": ids compare by their digit runs as numbers, the rest as text. */
export function cmpRequestId(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const c = numeric ? Number(x) - Number(y) || cmpText(x, y) : cmpName(x, y);
    if (c !== 0) return c;
  }
  return pa.length - pb.length || cmpText(a, b);
}

const STATUS_ORDER: Readonly<Record<RequestStatus, number>> = {
  draft: 0,
  submitted: 1,
  approved: 2,
  closed: 3,
  rejected: 4,
  cancelled: 5,
};
const STAFFING_ORDER: Readonly<Record<RequestRow['staffing'], number>> = { unstaffed: 0, 'partly staffed': 1, staffed: 2, 'no demand': 3 };
const STAGE_ORDER: Readonly<Record<Stage, number>> = { design: 0, transition: 1, operation: 2 };

const COMPARE: Readonly<Record<RequestSortKey, (a: RequestRow, b: RequestRow) => number>> = {
  id: (a, b) => cmpRequestId(a.id, b.id),
  title: (a, b) => cmpName(a.title, b.title),
  requester: (a, b) => cmpName(a.requester ?? '', b.requester ?? ''),
  stage: (a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage],
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  priority: (a, b) => cmpPriority(a.priority, b.priority),
  staffing: (a, b) => STAFFING_ORDER[a.staffing] - STAFFING_ORDER[b.staffing],
  weeks: (a, b) => cmpText(a.startWeek, b.startWeek) || cmpText(a.endWeek, b.endWeek),
  cost: (a, b) => a.costMinor - b.costMinor,
  // No budget sorts below every budget, zero included.
  budget: (a, b) => (a.budgetMinor ?? -1) - (b.budgetMinor ?? -1),
};

/** The rows that pass the filters, in the chosen order; ties keep id order so the list never shuffles. */
export function shownRequests(rows: readonly RequestRow[], f: RequestFilters, sort: RequestSort): RequestRow[] {
  const kept = requestFiltersActive(f) ? rows.filter((r) => requestMatches(r, f)) : rows.slice();
  const cmp = COMPARE[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return kept.sort((a, b) => sign * cmp(a, b) || COMPARE.id(a, b));
}

/** Clicking a column sorts by it; clicking the sorted column again turns the order round. */
export function nextSort(current: RequestSort, key: RequestSortKey): RequestSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'ascending' };
}

/** Staffing progress as a row shows it; a request without demand lines shows its allocated hours instead. */
export function staffingText(r: Pick<RequestRow, 'staffing' | 'allocatedMinutes'>): string {
  if (r.staffing === 'no demand') return `${hoursShort(r.allocatedMinutes)} h allocated`;
  return r.staffing;
}

/** A UTC ISO timestamp as "2026-11-26 12:00 UTC", the same on every machine. */
export function utcDateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = d.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

/** A UTC ISO timestamp's date, "2026-11-26". */
export function utcDateText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}
