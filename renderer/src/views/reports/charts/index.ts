export { UtilizationHeatmapChart as UtilizationHeatmap } from './UtilizationHeatmap';
export { StageCostChart } from './StageCostChart';
export { RequestBudgetChart } from './RequestBudgetChart';
export { SkillGapChart } from './SkillGapChart';
export type { UtilizationHeatmapProps, StageCostChartProps, RequestBudgetChartProps, SkillGapChartProps } from './types';
