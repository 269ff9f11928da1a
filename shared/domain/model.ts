import type { CapacityProfile, TimeOffEntry } from './capacity';
import type { IsoDate, IsoWeek } from './weeks';

export const STAGES = ['design', 'transition', 'operation'] as const;
export type Stage = (typeof STAGES)[number];
export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const REQUEST_STATUSES = ['draft', 'submitted', 'approved', 'closed', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const ALLOCATION_STATUSES = ['confirmed', 'tentative'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/**
 * Requests whose demand is still wanted: only these raise unfilled demand. A draft has not
 * asked yet; a closed, rejected or cancelled request asks no more.
 */
export const OPEN_DEMAND_STATUSES: readonly RequestStatus[] = ['submitted', 'approved'];

/**
 * A plan as the engine sees it: plain data, integer refs (the database row ids) joining
 * entities, external ids (`id`) kept for what people read.
 */
export interface EngineSpecialist extends CapacityProfile {
  ref: number;
  id: string;
  name: string;
  department: string;
  calendar: string | null;
  hourlyRateMinor: number;
  active: boolean;
  /** skill ref -> level 1..5 */
  skills: ReadonlyMap<number, number>;
}

export interface EngineRequest {
  ref: number;
  id: string;
  title: string;
  stage: Stage;
  status: RequestStatus;
  startWeek: IsoWeek;
  endWeek: IsoWeek;
  budgetMinor: number | null;
  /** The week a closed request was closed in: allocations kept after it are inactive. */
  closedWeek?: IsoWeek | null;
}

export interface EngineDemandLine {
  ref: number;
  requestRef: number;
  skillRef: number;
  skillName: string;
  minLevel: number;
  minutesPerWeek: number;
  startWeek: IsoWeek;
  endWeek: IsoWeek;
}

export interface EngineAllocation {
  ref: number;
  specialistRef: number;
  requestRef: number;
  week: IsoWeek;
  minutes: number;
  status: AllocationStatus;
  demandLineRef: number | null;
}

export interface PlanSnapshot {
  specialists: readonly EngineSpecialist[];
  requests: readonly EngineRequest[];
  demandLines: readonly EngineDemandLine[];
  allocations: readonly EngineAllocation[];
  /** specialist ref -> time off entries */
  timeOff: ReadonlyMap<number, readonly TimeOffEntry[]>;
  /** calendar code -> dates */
  holidays: ReadonlyMap<string, ReadonlySet<IsoDate>>;
  minorDigits: number;
}
