import { z } from 'zod';
import type { Flag } from '../domain';
import { allocationMinutesError } from '../domain/allocation-hours';
import { ALLOCATION_STATUSES } from '../domain/model';
import type { RequestCard } from './board';
import { MAX_VIEW_WEEKS, op, spanWithin, visibleWeeksSchema, weekSchema } from './operation';
import type { SpecialistRow } from './specialists';

const ref = z.number().int().positive();
// The domain's bounds, in the domain's words: one rule for the API, the import and the screens.
const minutes = z
  .number()
  .int('must be whole minutes')
  .superRefine((value, ctx) => {
    const problem = allocationMinutesError(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const status = z.enum(ALLOCATION_STATUSES);

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

/** The domain's FlagScope as JSON carries it: which flags a change may have raised or cleared, the screen replaces exactly these. */
export interface FlagScopeJson {
  specialistWeeks: string[];
  requestRefs: number[];
}

export interface TimelineChip {
  ref: number;
  requestRef: number;
  requestId: string;
  title: string;
  stage: string;
  minutes: number;
  status: 'confirmed' | 'tentative';
}

export interface TimelineCell {
  week: string;
  capacity: number;
  allocated: number;
  chips: TimelineChip[];
}

export interface TimelineRow {
  ref: number;
  id: string;
  name: string;
  department: string;
  cells: TimelineCell[];
}

/**
 * What a change did, for the visible weeks only: fresh rows for the specialists and cards
 * it touched, and the flags in its scope. The screen patches these in; nothing reloads.
 */
export interface ChangeResult {
  label: string;
  history: HistoryState;
  specialists: SpecialistRow[];
  cards: RequestCard[];
  timeline: TimelineRow[];
  flags: { scope: FlagScopeJson; flags: Flag[] };
  /**
   * True when the change reached beyond allocations (undo of a request edit): requests may
   * have moved in or out of the visible weeks, so the screen reloads instead of patching.
   */
  reload?: boolean;
}

const view = visibleWeeksSchema;

export const allocationsApi = {
  /** Adds hours per week for one specialist on one request (adding to what is there). */
  'allocations-assign': op<ChangeResult>()(
    z
      .object({
        specialistRef: ref,
        requestRef: ref,
        demandLineRef: ref.nullable().optional(),
        weeks: z.array(weekSchema).min(1).max(MAX_VIEW_WEEKS),
        minutesPerWeek: minutes,
        status,
        view,
      })
      .strict(),
  ),
  /** Changes hours, status or note of one allocation. */
  'allocations-update': op<ChangeResult>()(
    z
      .object({ ref, minutes: minutes.optional(), status: status.optional(), note: z.string().max(2000).nullable().optional(), view })
      .strict(),
  ),
  /**
   * Moves an allocation, or `minutes` of it, to another week and/or request; it joins any
   * allocation already there (hours add up).
   */
  'allocations-move': op<ChangeResult>()(
    z
      .object({
        ref,
        toWeek: weekSchema.optional(),
        toRequestRef: ref.optional(),
        toDemandLineRef: ref.nullable().optional(),
        minutes: minutes.optional(),
        view,
      })
      .strict()
      .refine((v) => v.toWeek !== undefined || v.toRequestRef !== undefined, { message: 'give toWeek or toRequestRef' }),
  ),
  'allocations-set-status': op<ChangeResult>()(z.object({ refs: z.array(ref).min(1).max(10_000), status, view }).strict()),
  'allocations-delete': op<ChangeResult>()(z.object({ refs: z.array(ref).min(1).max(10_000), view }).strict()),
  'history-undo': op<ChangeResult>()(z.object({ view }).strict()),
  'history-redo': op<ChangeResult>()(z.object({ view }).strict()),
  'history-state': op<HistoryState>()(z.object({}).strict()),
  /** Specialists by weeks with their allocations, a window of rows at a time. */
  'timeline-get': op<{ weeks: string[]; total: number; offset: number; rows: TimelineRow[] }>()(
    z
      .object({
        from: weekSchema,
        to: weekSchema,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(200),
        department: z.string().max(200).optional(),
        query: z.string().max(200).optional(),
      })
      .strict()
      .refine((w) => w.from <= w.to, { message: 'from must not be after to' })
      .refine(spanWithin(MAX_VIEW_WEEKS), { message: `at most ${MAX_VIEW_WEEKS} weeks at a time` }),
  ),
};
