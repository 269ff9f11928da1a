// The print pages also run under tsx (web host, bench), which reads no tsconfig for them:
// the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import type { ReportName, ReportsViewData } from '../../../shared/api/reports';
import type { AllocationRow } from '../../../shared/domain';

export interface ReportsPrintInput {
  view: ReportsViewData;
  reports: readonly ReportName[];
  allocations: AllocationRow[];
  allocationTotal: number;
  /** ISO date-time the file is written at. */
  generatedAt: string;
  /** The departments chosen; empty = all. */
  departments: readonly string[];
}

export function ReportsDocument({ input }: { input: ReportsPrintInput }) {
  return <main className="reports">{input.view.planName}</main>;
}
