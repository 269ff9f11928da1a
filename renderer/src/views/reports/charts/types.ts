import type { CostRow, SkillTotal, StageRow, UtilizationHeatmap } from '../../../../../shared/domain';
import type { ReportFormat } from '../../../model/locale-format';

export interface UtilizationHeatmapProps {
  data: UtilizationHeatmap;
  /** Department keys (`d:<department>`) shown with their specialists. */
  expanded: ReadonlySet<string>;
  /** Without it (print) the department rows are plain labels, not buttons. */
  onToggle?: (departmentKey: string) => void;
  fmt: ReportFormat;
  /** Print: the width the week cells must fit in (px); cells narrow below their screen size. */
  maxCellsWidth?: number;
  /** Print: a lower row (px) so a department's specialists fit one page; default 20. */
  rowHeight?: number;
}

export interface StageCostChartProps {
  rows: StageRow[];
  fmt: ReportFormat;
  /** The plan's currency code, shown with the amounts. */
  currency?: string;
  /** The week "planned after" counts from, for the caption. */
  currentWeek?: string;
}

export interface RequestBudgetChartProps {
  rows: CostRow[];
  fmt: ReportFormat;
  /** How many requests the chart draws (largest overrun, then largest cost first); default 15. */
  limit?: number;
  currency?: string;
  currentWeek?: string;
}

export interface SkillGapChartProps {
  rows: SkillTotal[];
  fmt: ReportFormat;
  /** How many skill-levels the chart draws (largest gap, then largest unfilled first); default 20. */
  limit?: number;
}
