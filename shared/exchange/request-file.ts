import { z } from 'zod';
import { PRIORITIES, REQUEST_STATUSES, STAGES } from '../domain/model';
import { MAX_DEMAND_LINES, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, hasControlCharacters } from '../domain/request-rules';
import { isWeek } from '../domain/weeks';

// The files a project lead and a resource manager send each other (interchange.md). The zod
// schemas are the only definition: the JSON Schemas in resources/schemas are generated from
// them (npm run schemas), and a test fails when the two differ.

export const REQUEST_FILE_FORMAT = 'tm-planner/request';
export const STAFFING_SUMMARY_FORMAT = 'tm-planner/staffing-summary';
/** The newest version this build reads and writes; a newer file is refused, never guessed at. */
export const EXCHANGE_VERSION = 1;

const week = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week written YYYY-Www (e.g. 2026-W48)')
  .refine(isWeek, { message: 'must be a week that exists (1 to 52, or 53 in a long year)' })
  .describe('ISO 8601 week, YYYY-Www');
const noControl = (allowTab = false) =>
  [(t: string) => !hasControlCharacters(t, allowTab), { message: 'must not hold control characters' }] as const;
const title = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TITLE_LENGTH)
  .refine(...noControl());
const text = z
  .string()
  .max(MAX_TEXT_LENGTH)
  .refine(...noControl(true))
  .nullable();
const shortText = z
  .string()
  .max(MAX_TITLE_LENGTH)
  .refine(...noControl())
  .nullable();
/** Decimals are strings ("12000.00"): exact, whatever the reader's floating point does. */
const hours = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'must be hours written with digits and "." and at most 2 decimal places (e.g. "16.00")')
  .describe('hours as a decimal text with at most 2 places');
const money = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,3})?$/, 'must be an amount written with digits and "." (e.g. "12000.00")')
  .describe("an amount in plan_currency as a decimal text, with at most the currency's minor digits");
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code')
  .describe('ISO 4217 currency code of the plan');
const requestId = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TITLE_LENGTH)
  .refine(...noControl());

export const requestFileSchema = z
  .object({
    format: z.literal(REQUEST_FILE_FORMAT),
    version: z.literal(EXCHANGE_VERSION),
    exported_at: z.iso.datetime().describe('when the file was written, UTC'),
    plan_currency: currency,
    request: z
      .object({
        id: requestId,
        title,
        stage: z.enum(STAGES),
        service: shortText,
        requester: shortText,
        priority: z.enum(PRIORITIES),
        status: z.enum(REQUEST_STATUSES),
        start_week: week,
        end_week: week,
        budget: money.nullable().describe('in plan_currency; null = no budget'),
        notes: text,
      })
      .strict(),
    demand: z
      .array(
        z
          .object({
            skill: title,
            min_level: z.number().int().min(1).max(5),
            hours_per_week: hours,
            start_week: week,
            end_week: week,
          })
          .strict(),
      )
      .max(MAX_DEMAND_LINES),
  })
  .strict()
  .meta({ title: 'TM Planner request file', description: 'A TM Planner request, as a project lead sends it to a resource manager' });

export type RequestFile = z.infer<typeof requestFileSchema>;

export const staffingSummarySchema = z
  .object({
    format: z.literal(STAFFING_SUMMARY_FORMAT),
    version: z.literal(EXCHANGE_VERSION),
    exported_at: z.iso.datetime().describe('when the summary was written, UTC'),
    plan_currency: currency,
    request: z
      .object({
        id: requestId,
        title,
        status: z.enum(REQUEST_STATUSES),
        start_week: week,
        end_week: week,
        budget: money.nullable(),
      })
      .strict(),
    staffing: z.enum(['unstaffed', 'partly staffed', 'staffed', 'no demand']),
    cost: money,
    hours: hours.describe('all hours allocated to the request'),
    open_hours: hours.describe('demanded hours no allocation serves yet, over all lines and weeks'),
    budget_state: z.enum(['none', 'ok', 'at_risk', 'overrun']),
    people: z.array(
      z
        .object({
          specialist_id: requestId,
          name: title,
          department: title,
          hours,
          cost: money,
          weeks: z.array(z.object({ week, hours, status: z.enum(['confirmed', 'tentative']) }).strict()),
        })
        .strict(),
    ),
    open_demand: z.array(
      z
        .object({
          skill: title,
          min_level: z.number().int().min(1).max(5),
          week,
          demanded_hours: hours,
          served_hours: hours,
          open_hours: hours,
        })
        .strict(),
    ),
  })
  .strict()
  .meta({
    title: 'TM Planner staffing summary',
    description: 'Who a resource manager put on a request, which weeks, hours, cost against budget, and the demand still open',
  });

export type StaffingSummaryFile = z.infer<typeof staffingSummarySchema>;

/** One difference an import would make, field by field and demand line by demand line. */
export type RequestDifference =
  | { kind: 'new-request'; requestId: string; text: string }
  | { kind: 'field'; requestId: string; field: string; before: string | null; after: string | null; text: string }
  | { kind: 'line-added' | 'line-removed' | 'line-changed'; requestId: string; skill: string; text: string }
  /** A status the file carries but the workflow does not allow from here: kept as it is. */
  | { kind: 'status-kept'; requestId: string; here: string; inFile: string; text: string }
  | { kind: 'summary'; requestId: string; text: string };
