import { z } from 'zod';
import type { RequestStatus } from '../domain';
import { PRIORITIES, REQUEST_STATUSES, STAGES } from '../domain/model';
import {
  MAX_BUDGET_MINOR,
  MAX_DEMAND_LINES,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  hasControlCharacters,
  requestProblems,
} from '../domain/request-rules';
import type { RequestDifference, RequestFile, StaffingSummaryFile } from '../exchange/request-file';
import { requestProblemText } from '../format/requests';
import type { HistoryState } from './allocations';
import type { RequestSummary } from './board';
import { op } from './operation';

const ref = z.number().int().positive();
const noControl = (allowTab = false) =>
  [(t: string) => !hasControlCharacters(t, allowTab), { message: 'must not hold control characters' }] as const;
const optText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(...noControl(max === MAX_TEXT_LENGTH))
    .nullable()
    .transform((t) => (t === null || t.trim() === '' ? null : t.trim()));

/** A request's own fields as the editor saves them (numbers already integers: minutes, minor units). */
export const requestFieldsSchema = z
  .object({
    title: z
      .string()
      .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)
      .refine(...noControl()),
    stage: z.enum(STAGES),
    service: optText(MAX_TITLE_LENGTH),
    requester: optText(MAX_TITLE_LENGTH),
    priority: z.enum(PRIORITIES),
    startWeek: z.string(),
    endWeek: z.string(),
    budgetMinor: z.number().int().min(0).max(MAX_BUDGET_MINOR).nullable(),
    notes: optText(MAX_TEXT_LENGTH),
  })
  .strict();

/** A demand line; `ref` names an existing line, absent for a new one. */
export const demandLineInputSchema = z
  .object({
    ref: ref.optional(),
    skill: z
      .string()
      .trim()
      .max(MAX_TITLE_LENGTH)
      .refine(...noControl()),
    minLevel: z.number().int(),
    minutesPerWeek: z.number().int(),
    startWeek: z.string(),
    endWeek: z.string(),
  })
  .strict();

export type RequestFieldsInput = z.input<typeof requestFieldsSchema>;
export type DemandLineInput = z.input<typeof demandLineInputSchema>;

/**
 * Saves a whole request: its fields and its demand lines as listed (lines left out are
 * removed). Without `ref` it creates a draft. The rules are the domain's requestProblems,
 * reported at the path of the field that breaks them.
 */
const saveSchema = z
  .object({
    ref: ref.optional(),
    /** The id of a new request; absent = the next free "R<n>". */
    id: z
      .string()
      .trim()
      .min(1)
      .max(MAX_TITLE_LENGTH)
      .refine(...noControl())
      .optional(),
    fields: requestFieldsSchema,
    lines: z.array(demandLineInputSchema).max(MAX_DEMAND_LINES),
  })
  .strict()
  .superRefine((input, ctx) => {
    const problems = requestProblems({
      title: input.fields.title,
      startWeek: input.fields.startWeek,
      endWeek: input.fields.endWeek,
      lines: input.lines,
    });
    for (const p of problems) {
      const path = p.path[0] === 'lines' ? p.path : ['fields', ...p.path];
      ctx.addIssue({ code: 'custom', path, message: requestProblemText(p) });
    }
  });

export interface RequestRow extends RequestSummary {
  allocatedMinutes: number;
  demandLines: number;
}

export interface RequestsList {
  currency: string;
  minorDigits: number;
  currentWeek: string;
  requests: RequestRow[];
}

export interface DemandLineDetail {
  ref: number;
  skill: string;
  minLevel: number;
  minutesPerWeek: number;
  startWeek: string;
  endWeek: string;
  /** Over the line's whole range: minutes asked and minutes served (each week capped at the ask). */
  demandedMinutes: number;
  servedMinutes: number;
}

/** One entry of a request's history: when, what changed (before -> after), and the reason given. */
export interface RequestHistoryEntry {
  at: string;
  /** A field name ("title", "endWeek"...), "status", or "demand". */
  what: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

export interface StaffingReceived {
  /** When this copy imported it, and when the manager's copy wrote it (both UTC ISO). */
  receivedAt: string;
  exportedAt: string;
  summary: StaffingSummaryFile;
}

export interface RequestDetail extends RequestRow {
  notes: string | null;
  rejectionReason: string | null;
  /** The week a closed request was closed in. */
  closedWeek: string | null;
  currency: string;
  minorDigits: number;
  currentWeek: string;
  lines: DemandLineDetail[];
  /** Where the workflow lets it go from its status, and whether that step needs a reason. */
  allowed: RequestStatus[];
  history: RequestHistoryEntry[];
  staffingReceived: StaffingReceived | null;
  /** Allocations after the current week: what closing must ask about. */
  allocationsAfterCurrentWeek: number;
}

/** What a request write did; `history` is the plan's undo state after it. */
export interface RequestWritten {
  ref: number;
  id: string;
  label: string;
  history: HistoryState;
}

export interface StatusChanged extends RequestWritten {
  status: RequestStatus;
  /** Allocations deleted on closing (afterClosing "delete"). */
  removedAllocations: number;
}

export interface ImportPreview {
  kind: 'request' | 'summary';
  requestId: string;
  isNew: boolean;
  differences: RequestDifference[];
}

export interface ImportApplied extends RequestWritten {
  kind: 'request' | 'summary';
  applied: number;
}

export interface SkillInfo {
  name: string;
  category: string | null;
  /** Active specialists holding it, at any level. */
  holders: number;
}

/** Exchange files come in as text; 4 MB holds a request with every line and note at its limit many times over. */
const fileText = z.string().max(4 * 1024 * 1024, 'is larger than 4 MB: that is not a request file or staffing summary');
/** The file's name, for messages that say which file was refused ("R12.json is not a complete JSON file..."). */
const importFileName = z.string().max(255).optional();

export const requestsApi = {
  'requests-list': op<RequestsList>()(z.object({}).strict()),
  'requests-get': op<RequestDetail>()(z.object({ ref }).strict()),
  'requests-save': op<RequestWritten>()(saveSchema),
  'requests-set-status': op<StatusChanged>()(
    z
      .object({
        ref,
        to: z.enum(REQUEST_STATUSES),
        reason: optText(MAX_TEXT_LENGTH).optional(),
        /** Closing with allocations after the closing week: delete them, or keep them (flagged). */
        afterClosing: z.enum(['delete', 'keep']).optional(),
      })
      .strict(),
  ),
  'skills-list': op<{ skills: SkillInfo[] }>()(z.object({}).strict()),
  'requests-export': op<{ fileName: string; file: RequestFile }>()(z.object({ ref }).strict()),
  'requests-summary': op<{ fileName: string; file: StaffingSummaryFile }>()(z.object({ ref }).strict()),
  /** The staffing summary as a printable PDF, printed by Chromium (web host, CLI). */
  'requests-summary-pdf': op<{ fileName: string; pdfBase64: string }>()(z.object({ ref }).strict()),
  /** The staffing summary's print page (HTML), which the desktop shell prints with printToPDF. */
  'requests-summary-html': op<{ fileName: string; html: string }>()(z.object({ ref }).strict()),
  'requests-import-preview': op<ImportPreview>()(z.object({ text: fileText, fileName: importFileName }).strict()),
  'requests-import-apply': op<ImportApplied>()(
    z
      .object({
        text: fileText,
        fileName: importFileName,
        /** The difference texts the user saw in the preview: applied only if they still hold. */
        expected: z.array(z.string().max(10_000)).max(2_000).optional(),
      })
      .strict(),
  ),
};
