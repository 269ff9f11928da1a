import { z } from 'zod';
import { isWeek, weeksBetween } from '../domain/weeks';

/**
 * One API operation: a zod schema for its single object argument, and its result type
 * (carried as a phantom so the contract stays a plain value that both sides import).
 */
export interface Operation<I extends z.ZodType, R> {
  input: I;
  readonly __result?: R;
}

export function op<R>() {
  return <I extends z.ZodType>(input: I): Operation<I, R> => ({ input });
}

export const weekSchema = z.string().refine(isWeek, { message: 'must be an ISO week written YYYY-Www (e.g. 2026-W48)' });

/** Screens show at most two years of weeks; reports span at most twenty. */
export const MAX_VIEW_WEEKS = 106;
export const MAX_REPORT_WEEKS = 1060;

export const spanWithin =
  (max: number) =>
  (w: { from?: string | undefined; to?: string | undefined }): boolean =>
    w.from === undefined || w.to === undefined || !isWeek(w.from) || !isWeek(w.to) || weeksBetween(w.from, w.to) < max;

export const weekWindowSchema = z
  .object({ from: weekSchema.optional(), to: weekSchema.optional() })
  .strict()
  .refine((w) => w.from === undefined || w.to === undefined || w.from <= w.to, { message: 'from must not be after to' });

export const visibleWeeksSchema = z
  .object({ from: weekSchema, to: weekSchema })
  .strict()
  .refine((w) => w.from <= w.to, { message: 'from must not be after to' })
  .refine(spanWithin(MAX_VIEW_WEEKS), { message: `at most ${MAX_VIEW_WEEKS} weeks at a time` });
