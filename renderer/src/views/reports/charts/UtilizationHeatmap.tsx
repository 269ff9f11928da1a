import type { UtilizationHeatmapProps } from './types';

export function UtilizationHeatmapChart(_props: UtilizationHeatmapProps) {
  return <figure className="report-chart">UtilizationHeatmap</figure>;
}
