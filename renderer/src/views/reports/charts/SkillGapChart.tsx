import type { SkillGapChartProps } from './types';

export function SkillGapChart(_props: SkillGapChartProps) {
  return <figure className="report-chart">SkillGapChart</figure>;
}
