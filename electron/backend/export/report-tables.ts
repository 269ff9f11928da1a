import type { AllocationRow, CostRow, Flag, SkillRow, StageRow, UtilizationRow } from '../../../shared/domain';
import { formatHours, formatMoney, roundDiv } from '../../../shared/domain';

/**
 * A report as a typed table: the one place that decides the public columns of
 * interchange.md and how each cell is written. CSV and XLSX writers only render it.
 */
export type CellType = 'text' | 'hours' | 'money' | 'integer' | 'boolean' | 'week';
export interface Column {
  name: string;
  type: CellType;
}
/** hours cells hold minutes, money cells minor units: integers until written. */
export type Cell = string | number | boolean | null;
/**
 * Rows may be lazy (a generator over the report's own rows), so that a quarter of a million
 * allocations never sit in memory a second time as cell arrays: writers iterate them once.
 */
export interface ReportTable {
  title: string;
  columns: Column[];
  rows: Iterable<readonly Cell[]>;
  /** How many rows `rows` yields: required when rows is not an array (progress, XLSX ranges). */
  rowCount?: number;
  minorDigits: number;
}

export function rowCountOf(t: ReportTable): number {
  if (t.rowCount !== undefined) return t.rowCount;
  if (Array.isArray(t.rows)) return t.rows.length;
  throw new Error(`The ${t.title} table has lazy rows without a row count.`);
}

/** Cells of `items` made one row at a time, as a writer asks for them. */
export function lazyRows<T>(items: readonly T[], cells: (item: T) => readonly Cell[]): Pick<ReportTable, 'rows' | 'rowCount'> {
  return {
    rowCount: items.length,
    rows: {
      *[Symbol.iterator]() {
        for (const item of items) yield cells(item);
      },
    },
  };
}

export const REPORT_KINDS = ['utilization', 'costs', 'allocations', 'skills', 'stages'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const col = (name: string, type: CellType): Column => ({ name, type });

export function utilizationTable(rows: UtilizationRow[], minorDigits: number): ReportTable {
  return {
    title: 'Utilization',
    minorDigits,
    columns: [
      col('specialist_id', 'text'),
      col('specialist', 'text'),
      col('department', 'text'),
      col('week', 'week'),
      col('capacity_hours', 'hours'),
      col('allocated_hours', 'hours'),
      col('utilization_pct', 'integer'),
      col('over_allocated', 'boolean'),
    ],
    ...lazyRows(rows, (r) => [
      r.specialistId,
      r.specialist,
      r.department,
      r.week,
      r.capacityMinutes,
      r.allocatedMinutes,
      r.utilizationPct,
      r.overAllocated,
    ]),
  };
}

export function costsTable(rows: CostRow[], minorDigits: number): ReportTable {
  return {
    title: 'Costs',
    minorDigits,
    columns: [
      col('request_id', 'text'),
      col('title', 'text'),
      col('stage', 'text'),
      col('status', 'text'),
      col('budget', 'money'),
      col('cost', 'money'),
      col('variance', 'money'),
      col('overrun', 'boolean'),
      col('at_risk', 'boolean'),
    ],
    ...lazyRows(rows, (r) => [r.requestId, r.title, r.stage, r.status, r.budgetMinor, r.costMinor, r.varianceMinor, r.overrun, r.atRisk]),
  };
}

export function allocationsTable(rows: AllocationRow[], minorDigits: number): ReportTable {
  return {
    title: 'Allocations',
    minorDigits,
    columns: [
      col('week', 'week'),
      col('specialist_id', 'text'),
      col('specialist', 'text'),
      col('department', 'text'),
      col('request_id', 'text'),
      col('request', 'text'),
      col('stage', 'text'),
      col('hours', 'hours'),
      col('status', 'text'),
      col('cost', 'money'),
    ],
    ...lazyRows(rows, (r) => [
      r.week,
      r.specialistId,
      r.specialist,
      r.department,
      r.requestId,
      r.request,
      r.stage,
      r.minutes,
      r.status,
      r.costMinor,
    ]),
  };
}

/** interchange.md `skills`: one row per skill, level and week with demand. */
export function skillsTable(rows: SkillRow[], minorDigits: number): ReportTable {
  return {
    title: 'Skills',
    minorDigits,
    columns: [
      col('skill', 'text'),
      col('level', 'integer'),
      col('week', 'week'),
      col('demand_hours', 'hours'),
      col('served_hours', 'hours'),
      col('unfilled_hours', 'hours'),
      col('supply_hours', 'hours'),
      col('free_hours', 'hours'),
      col('gap_hours', 'hours'),
    ],
    rows: rows.map((r) => [
      r.skill,
      r.level,
      r.week,
      r.demandMinutes,
      r.servedMinutes,
      r.unfilledMinutes,
      r.supplyMinutes,
      r.freeMinutes,
      r.gapMinutes,
    ]),
  };
}

/**
 * interchange.md `stages`. Budget and variance cover the budgeted requests only, so a stage
 * without any is written empty there, as a request without budget is in `costs`.
 */
export function stagesTable(rows: StageRow[], minorDigits: number): ReportTable {
  return {
    title: 'Stages',
    minorDigits,
    columns: [
      col('stage', 'text'),
      col('requests', 'integer'),
      col('with_budget', 'integer'),
      col('budget', 'money'),
      col('cost', 'money'),
      col('variance', 'money'),
      col('overrun_requests', 'integer'),
      col('at_risk_requests', 'integer'),
    ],
    rows: rows.map((r) => [
      r.stage,
      r.requests,
      r.withBudget,
      r.withBudget === 0 ? null : r.budgetMinor,
      r.costMinor,
      r.withBudget === 0 ? null : r.varianceMinor,
      r.overrunRequests,
      r.atRiskRequests,
    ]),
  };
}

export function flagsTable(flags: Flag[]): ReportTable {
  return {
    title: 'Flags',
    minorDigits: 2,
    columns: [col('kind', 'text'), col('week', 'week'), col('specialist_id', 'text'), col('request_id', 'text'), col('detail', 'text')],
    rows: flags.map((f) => [f.kind, f.week, f.specialistId, f.requestId, f.detail]),
  };
}

/** A cell as interchange.md writes it in text: hours "7.33", money "458.33", "true"/"false". */
export function cellText(value: Cell, type: CellType, minorDigits: number): string {
  if (value === null) return '';
  switch (type) {
    case 'hours':
      return formatHours(value as number);
    case 'money':
      return formatMoney(value as number, minorDigits);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

/** A cell as a spreadsheet number: hours and money as decimals (exact to the written places). */
export function cellNumber(value: number, type: CellType, minorDigits: number): number {
  if (type === 'hours') return roundDiv(value * 100, 60) / 100;
  if (type === 'money') return value / 10 ** minorDigits;
  return value;
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
