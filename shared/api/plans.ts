import { z } from 'zod';
import { op } from './operation';

export interface PlanInfo {
  path: string;
  name: string;
  currency: string;
  minorDigits: number;
  schemaVersion: number;
  counts: { departments: number; specialists: number; requests: number; allocations: number; holidays: number };
  /** Weeks the plan's requests and allocations span; null for an empty plan. */
  span: { from: string; to: string } | null;
}

const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code such as EUR')
  .transform((c) => c.toUpperCase());
const path = z.string().min(1, 'must name a file');

export const plansApi = {
  'plan-info': op<PlanInfo>()(z.object({}).strict()),
  'plan-open': op<PlanInfo>()(z.object({ path, createDemoIfMissing: z.boolean().optional() }).strict()),
  'plan-create': op<PlanInfo>()(
    z
      .object({ path, name: z.string().trim().min(1).max(200).optional(), currency: currency.optional(), demo: z.boolean().optional() })
      .strict(),
  ),
  'plan-save-copy': op<{ path: string }>()(z.object({ path }).strict()),
  'departments-list': op<{ departments: string[] }>()(z.object({}).strict()),
};
