import type { RequestBudgetChartProps } from './types';

export function RequestBudgetChart(_props: RequestBudgetChartProps) {
  return <figure className="report-chart">RequestBudgetChart</figure>;
}
