import { z } from 'zod';
import { op } from './operation';

export const IMPORT_KINDS = ['specialists', 'time-off', 'holidays', 'requests', 'demand', 'allocations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportResult {
  kind: ImportKind;
  rows: number;
  /** Rows that added or changed something; 0 when the same file is imported again. */
  changed: number;
}

export const importsApi = {
  'import-csv': op<ImportResult>()(
    z
      .object({
        kind: z.enum(IMPORT_KINDS),
        fileName: z.string().min(1).max(1000),
        // 200 MB of CSV is far beyond a real plan; the cap keeps a forged call from exhausting memory.
        text: z.string().max(200_000_000),
      })
      .strict(),
  ),
  'holidays-load': op<{ calendar: string; holidays: number; changed: number }>()(
    z
      .object({
        calendar: z.string().trim().min(1).max(100),
        country: z.string().regex(/^[A-Za-z]{2}$/, 'must be a 2-letter country code such as DE'),
        region: z.string().min(1).max(10).optional(),
        fromYear: z.number().int().min(1970).max(2100),
        toYear: z.number().int().min(1970).max(2100),
      })
      .strict()
      .refine((v) => v.fromYear <= v.toYear, { message: 'fromYear must not be after toYear' }),
  ),
};
