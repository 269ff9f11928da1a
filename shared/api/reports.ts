import { z } from 'zod';
import type { AllocationRow, CostRow, UtilizationRow } from '../domain';
import { MAX_REPORT_WEEKS, op, spanWithin, weekSchema } from './operation';

export const reportFilterSchema = z
  .object({
    from: weekSchema.optional(),
    to: weekSchema.optional(),
    departments: z.array(z.string().min(1)).max(500).optional(),
  })
  .strict()
  .refine((w) => w.from === undefined || w.to === undefined || w.from <= w.to, { message: 'from must not be after to' })
  .refine(spanWithin(MAX_REPORT_WEEKS), { message: `at most ${MAX_REPORT_WEEKS} weeks per report` });

export interface ReportRange {
  from: string;
  to: string;
}

export const reportsApi = {
  'reports-utilization': op<ReportRange & { rows: UtilizationRow[] }>()(reportFilterSchema),
  'reports-costs': op<ReportRange & { rows: CostRow[]; minorDigits: number; currency: string }>()(reportFilterSchema),
  'reports-allocations': op<ReportRange & { rows: AllocationRow[]; minorDigits: number; currency: string }>()(reportFilterSchema),
};
