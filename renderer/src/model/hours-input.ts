// Hours typed for an allocation (drop editor, chip menu): the shared parser and the
// domain's bounds, worded for a form field.
import { MAX_ALLOCATION_MINUTES, parseHours } from '../../../shared/domain';
import { hoursShort } from '../../../shared/format';

export type HoursCheck = { ok: true; minutes: number } | { ok: false; error: string };

/** More than 0, and at most a week, or at most `max` (what a split may take). */
export function checkAllocationHours(text: string, opts: { max?: number; maxText?: string } = {}): HoursCheck {
  if (text.trim() === '') return { ok: false, error: 'Enter the hours, e.g. 8 or 7.5.' };
  const parsed = parseHours(text);
  if (!parsed.ok) return { ok: false, error: `${parsed.error}.` };
  if (parsed.value <= 0) return { ok: false, error: 'Enter more than 0 h (to remove the allocation, use Delete).' };
  const max = opts.max ?? MAX_ALLOCATION_MINUTES;
  if (parsed.value > max) return { ok: false, error: opts.maxText ?? `At most ${hoursShort(max)} h.` };
  return { ok: true, minutes: parsed.value };
}
