import type { Priority, RequestStatus, Stage } from '../../../shared/domain';

/** A requests row as stored; history keeps these images to undo and redo request edits. */
export interface RequestImage {
  id: number;
  code: string;
  title: string;
  stage: Stage;
  service: string | null;
  requester: string | null;
  priority: Priority;
  status: RequestStatus;
  rejection_reason: string | null;
  start_week: string;
  end_week: string;
  budget_minor: number | null;
  notes: string | null;
  closed_week: string | null;
  staffing_received: string | null;
  staffing_received_at: string | null;
}

export interface DemandLineImage {
  id: number;
  request_id: number;
  skill_id: number;
  min_level: number;
  minutes_per_week: number;
  start_week: string;
  end_week: string;
}

export const REQUEST_COLUMNS = [
  'id',
  'code',
  'title',
  'stage',
  'service',
  'requester',
  'priority',
  'status',
  'rejection_reason',
  'start_week',
  'end_week',
  'budget_minor',
  'notes',
  'closed_week',
  'staffing_received',
  'staffing_received_at',
] as const satisfies readonly (keyof RequestImage)[];

export const DEMAND_LINE_COLUMNS = [
  'id',
  'request_id',
  'skill_id',
  'min_level',
  'minutes_per_week',
  'start_week',
  'end_week',
] as const satisfies readonly (keyof DemandLineImage)[];
