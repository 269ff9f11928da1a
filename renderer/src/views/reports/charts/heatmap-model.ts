import type { HeatCell, HeatRow, UtilizationHeatmap } from '../../../../../shared/domain';
import type { ReportFormat } from '../../../model/locale-format';

/** Colour bands of a heat-map cell: presentation only (the over-allocation rule is the domain's). */
export type UtilizationBand = 'none' | 'low' | 'mid' | 'high' | 'over';

export const BANDS: readonly UtilizationBand[] = ['low', 'mid', 'high', 'over', 'none'];

export function bandText(band: UtilizationBand, fmt: ReportFormat): string {
  switch (band) {
    case 'none':
      return 'no capacity';
    case 'low':
      return `under ${fmt.pct(50)}`;
    case 'mid':
      return `${fmt.pct(50)} to under ${fmt.pct(80)}`;
    case 'high':
      return `${fmt.pct(80)} to ${fmt.pct(100)}`;
    case 'over':
      return `over ${fmt.pct(100)}: over-allocated`;
  }
}

export function utilizationBand(c: HeatCell): UtilizationBand {
  if (c.allocatedMinutes > c.capacityMinutes) return 'over';
  if (c.utilizationPct === null) return 'none';
  if (c.utilizationPct < 50) return 'low';
  if (c.utilizationPct < 80) return 'mid';
  return 'high';
}

/** "31 of 40 h, 78 %" (or "no capacity"), then the over-allocated specialist-weeks inside. */
export function cellFigures(c: HeatCell, fmt: ReportFormat, isSpecialist: boolean): string {
  const load =
    c.capacityMinutes === 0
      ? `${fmt.hours(c.allocatedMinutes)} h, no capacity`
      : `${fmt.hours(c.allocatedMinutes)} of ${fmt.hours(c.capacityMinutes)} h, ${fmt.pct(c.utilizationPct)}`;
  if (c.overAllocated === 0) return load;
  if (isSpecialist && c.overAllocated === 1) return `${load}, over-allocated`;
  return `${load}, ${fmt.int(c.overAllocated)} over-allocated specialist-${c.overAllocated === 1 ? 'week' : 'weeks'}`;
}

export function cellTitle(row: { label: string; specialistId: string | null }, week: string, c: HeatCell, fmt: ReportFormat): string {
  return `${row.label}, ${week}: ${cellFigures(c, fmt, row.specialistId !== null)}`;
}

/** A line of the heat map: a department or specialist row with its cells. */
export interface HeatLine {
  row: HeatRow;
  departmentKey: string;
  isDepartment: boolean;
}

/** An opened department whose specialist rows are still on their way: one line, no cells. */
export interface LoadingLine {
  departmentKey: string;
  loading: number;
}

/**
 * The lines drawn: each department, followed by its specialists when it is expanded, or by
 * one loading line while the answer holds fewer of its rows than it has specialists (the
 * view asks for a department's rows when it is opened).
 */
export function visibleRows(data: UtilizationHeatmap, expanded: ReadonlySet<string>): (HeatLine | LoadingLine)[] {
  const out: (HeatLine | LoadingLine)[] = [];
  for (const d of data.departments) {
    out.push({ row: d.row, departmentKey: d.row.key, isDepartment: true });
    if (!expanded.has(d.row.key)) continue;
    if (d.specialists.length < d.specialistCount) out.push({ departmentKey: d.row.key, loading: d.specialistCount });
    else for (const s of d.specialists) out.push({ row: s, departmentKey: d.row.key, isDepartment: false });
  }
  return out;
}

export const isLoadingLine = (line: HeatLine | LoadingLine): line is LoadingLine => 'loading' in line;

export const loadingText = (count: number, fmt: ReportFormat): string =>
  `Loading ${fmt.int(count)} ${count === 1 ? 'specialist' : 'specialists'}…`;

/** Cell width for a number of weeks: a quarter reads wide, a year still fits a laptop screen. */
export function cellWidth(weeks: number, maxCellsWidth?: number): number {
  const natural = weeks <= 13 ? 30 : weeks <= 26 ? 22 : weeks <= 53 ? 13 : 10;
  if (maxCellsWidth === undefined || weeks === 0) return natural;
  return Math.min(natural, maxCellsWidth / weeks);
}

const LABEL_STEPS = [1, 2, 4, 13, 26, 52];
/** Every how many weeks a "W50" label fits (about 26 px each); 52 and more label one week a year. */
export function labelStep(cellW: number): number {
  const need = Math.ceil(26 / cellW);
  return LABEL_STEPS.find((s) => s >= need) ?? 52;
}

/**
 * Whether a week gets its label: by week number, so the labels line up from year to year;
 * a W53 is left out when labels are thinned, or it would collide with the W01 after it.
 */
export function labelled(week: string, step: number): boolean {
  const n = Number(week.slice(6));
  return step === 1 || (n !== 53 && (n - 1) % step === 0);
}
