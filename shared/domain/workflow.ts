import type { RequestStatus } from './model';

/**
 * The request workflow of domain.md: draft -> submitted -> approved -> closed, a submitted
 * request withdrawn back to draft by its lead, and two ends: rejected (from submitted, with
 * a reason) and cancelled (from draft, submitted or approved).
 */
export const TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['approved', 'draft', 'rejected', 'cancelled'],
  approved: ['closed', 'cancelled'],
  closed: [],
  rejected: [],
  cancelled: [],
};

export function allowedTransitions(from: RequestStatus): readonly RequestStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A rejection keeps its reason: the lead must learn why. */
export function reasonRequired(to: RequestStatus): boolean {
  return to === 'rejected';
}

/**
 * Requests that have ended without being done: their allocations stay visible, and each
 * from the current week on is flagged until it is removed.
 */
export const ENDED_STATUSES: readonly RequestStatus[] = ['cancelled', 'rejected'];

/**
 * The first week in which an allocation of a request counts as inactive, or null while the
 * request is live. Cancelled and rejected: from the current week on. Closed: the weeks after
 * the closing week, whose allocations the user chose to keep flagged.
 */
export function inactiveFromWeek(
  r: { status: RequestStatus; closedWeek?: string | null | undefined },
  currentWeek: string,
  nextWeek: (week: string) => string,
): string | null {
  if (ENDED_STATUSES.includes(r.status)) return currentWeek;
  if (r.status === 'closed' && r.closedWeek) return nextWeek(r.closedWeek);
  return null;
}
