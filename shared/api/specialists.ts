import { op, visibleWeeksSchema } from './operation';

export interface SpecialistWeek {
  week: string;
  capacity: number;
  allocated: number;
  tentative: number;
}

export interface SpecialistRow {
  ref: number;
  id: string;
  name: string;
  department: string;
  role: string | null;
  weeklyMinutes: number;
  hourlyRateMinor: number;
  skills: { name: string; level: number }[];
  weeks: SpecialistWeek[];
}

export const specialistsApi = {
  /** Active specialists with capacity and load for each visible week. */
  'specialists-list': op<{ weeks: string[]; specialists: SpecialistRow[] }>()(visibleWeeksSchema),
};
