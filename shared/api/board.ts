import type { BudgetState, Priority, RequestStatus, Stage, Staffing } from '../domain';
import { op, visibleWeeksSchema } from './operation';

export interface DemandCoverage {
  ref: number;
  skill: string;
  minLevel: number;
  minutesPerWeek: number;
  startWeek: string;
  endWeek: string;
  /** Per visible week of the line: minutes served by allocations against minutes asked. */
  weeks: { week: string; served: number; demanded: number }[];
}

export interface CardPerson {
  specialistRef: number;
  specialistId: string;
  name: string;
  /** Minutes in the visible weeks, and how many of them are tentative. */
  minutes: number;
  tentativeMinutes: number;
}

/** A request as every list of them shows it: fields, cost against budget, staffing progress. */
export interface RequestSummary {
  ref: number;
  id: string;
  title: string;
  stage: Stage;
  service: string | null;
  requester: string | null;
  priority: Priority;
  status: RequestStatus;
  startWeek: string;
  endWeek: string;
  budgetMinor: number | null;
  costMinor: number;
  budgetState: BudgetState;
  staffing: Staffing;
}

export interface RequestCard extends RequestSummary {
  demand: DemandCoverage[];
  people: CardPerson[];
}

export interface BoardView {
  weeks: string[];
  currency: string;
  minorDigits: number;
  lanes: { stage: Stage; requests: RequestCard[] }[];
}

export const boardApi = {
  /** Requests whose weeks touch the visible range, by lane. */
  'board-get': op<BoardView>()(visibleWeeksSchema),
};
