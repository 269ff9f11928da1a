import type { RequestRow } from '../../../shared/api';
import { formatMoney } from '../../../shared/domain';
import type { ReportTable } from './report-tables';

/** `request list`: the requests of a plan in the columns of interchange.md's requests.csv, with cost and staffing. */
export function requestsTable(rows: readonly RequestRow[], minorDigits: number): ReportTable {
  const text = (name: string) => ({ name, type: 'text' as const });
  return {
    title: 'Requests',
    minorDigits,
    columns: [
      text('id'),
      text('title'),
      text('stage'),
      text('status'),
      text('priority'),
      text('service'),
      text('requester'),
      { name: 'start_week', type: 'week' },
      { name: 'end_week', type: 'week' },
      { name: 'budget', type: 'money' },
      { name: 'cost', type: 'money' },
      text('staffing'),
    ],
    rows: rows.map((r) => [
      r.id,
      r.title,
      r.stage,
      r.status,
      r.priority,
      r.service,
      r.requester,
      r.startWeek,
      r.endWeek,
      r.budgetMinor,
      r.costMinor,
      r.staffing,
    ]),
  };
}

/** The same table as JSON objects: decimals as strings (exact), empty cells as null. */
export function tableToJsonRows(t: ReportTable): Record<string, string | number | boolean | null>[] {
  return Array.from(t.rows, (row) =>
    Object.fromEntries(
      row.map((v, i) => {
        const col = t.columns[i]!;
        if (v === null) return [col.name, null];
        return [col.name, col.type === 'money' && typeof v === 'number' ? formatMoney(v, t.minorDigits) : v];
      }),
    ),
  );
}
