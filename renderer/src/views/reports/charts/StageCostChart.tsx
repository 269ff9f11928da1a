import type { StageCostChartProps } from './types';

export function StageCostChart(_props: StageCostChartProps) {
  return <figure className="report-chart">StageCostChart</figure>;
}
