import type { CostRow, SkillTotal, StageRow, UtilizationHeatmap } from '../../../../../shared/domain';
import type { ReportFormat } from '../../../model/locale-format';

export interface UtilizationHeatmapProps {
  data: UtilizationHeatmap;
  /** Department keys (`d:<department>`) shown with their specialists. */
  expanded: ReadonlySet<string>;
  /** Without it (print) the department rows are plain labels, not buttons. */
  onToggle?: (departmentKey: string) => void;
  fmt: ReportFormat;
}

export interface StageCostChartProps {
  rows: StageRow[];
  fmt: ReportFormat;
}

export interface RequestBudgetChartProps {
  rows: CostRow[];
  fmt: ReportFormat;
  /** How many requests the chart draws (largest overrun, then largest cost first); default 15. */
  limit?: number;
}

export interface SkillGapChartProps {
  rows: SkillTotal[];
  fmt: ReportFormat;
}
