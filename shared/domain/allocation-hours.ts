// The hours one allocation can hold. The API, the CSV import and the screens all read these
// rules, so a plan the app writes is always one its own import accepts.

/** Most hours one allocation can hold in a week: the week itself. */
export const MAX_ALLOCATION_MINUTES = 168 * 60;

/** Why `minutes` cannot be one allocation's hours in a week, or null when they can. */
export function allocationMinutesError(minutes: number): string | null {
  if (minutes <= 0) return 'must be more than 0';
  if (minutes > MAX_ALLOCATION_MINUTES) return `is more than a week has (${MAX_ALLOCATION_MINUTES / 60} h)`;
  return null;
}

export type AllocationMerge = { ok: true; minutes: number } | { ok: false; minutes: number; max: number };

/**
 * At most one allocation per specialist, request and week, so assigning again or moving
 * hours onto an allocation adds to it; the sum must still fit in a week. `minutes` is the
 * sum either way, so a refusal can say what it would have been.
 */
export function mergeAllocationMinutes(existing: number, added: number): AllocationMerge {
  const minutes = existing + added;
  return minutes <= MAX_ALLOCATION_MINUTES ? { ok: true, minutes } : { ok: false, minutes, max: MAX_ALLOCATION_MINUTES };
}
