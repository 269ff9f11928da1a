// What the timeline shows of a cell, a chip or a drop, as pure functions: the numbers come
// from the backend and shared/domain, this file only decides how they read and colour.
import type { TimelineCell, TimelineChip } from '../../../../shared/api';
import { utilizationText, weekDropEffect, weekLabel } from '../../../../shared/domain';
import { hoursText, loadBand, type LoadBand } from '../../model/format';
import { checkAllocationHours } from '../../model/hours-input';
import { dropPreviewText } from '../../model/planning-text';

/** Share of the week booked, 0..1 (capped), for the bar under the numbers. */
export function fillShare(allocated: number, capacity: number): number {
  if (capacity <= 0) return allocated > 0 ? 1 : 0;
  return Math.min(1, allocated / capacity);
}

export interface CellView {
  /** The heat map's colour: the same load bands as the specialists panel. */
  band: LoadBand;
  /** "44/40 h" */
  load: string;
  /** "110%", "no capacity" */
  utilization: string;
}

export function cellView(cell: Pick<TimelineCell, 'allocated' | 'capacity'>): CellView {
  return {
    band: loadBand(cell.allocated, cell.capacity),
    load: `${hoursText(cell.allocated)}/${hoursText(cell.capacity)} h`,
    utilization: utilizationText(cell.allocated, cell.capacity),
  };
}

/** "REQ-101 20 h" on the chip itself. */
export function chipText(chip: Pick<TimelineChip, 'requestId' | 'minutes'>): string {
  return `${chip.requestId} ${hoursText(chip.minutes)} h`;
}

export function chipLabel(chip: TimelineChip, name: string, week: string): string {
  return `${chip.requestId} ${chip.title}: ${hoursText(chip.minutes)} h ${chip.status} for ${name} in ${weekLabel(week)}`;
}

/**
 * What dropping `minutes` into a week would do, as the journey words it:
 * "Ana: 44 of 40 h in W49, over" (the board's wording, model/planning-text).
 */
export function dropPreview(
  name: string,
  target: Pick<TimelineCell, 'week' | 'allocated' | 'capacity'>,
  minutes: number,
): { text: string; over: boolean } {
  const effect = weekDropEffect(target, minutes);
  return { text: dropPreviewText(name, effect), over: effect.state === 'over' || effect.state === 'no-capacity' };
}

export type { HoursCheck } from '../../model/hours-input';
/** Hours typed in the chip menu: the same check as the drop editor's. */
export const checkHours = checkAllocationHours;

/** Default for "Split…": half the allocation in whole hours, at least 1 h (or all of it when smaller). */
export function defaultSplitMinutes(minutes: number): number {
  const half = Math.floor(minutes / 2 / 60) * 60;
  return half >= 60 ? half : minutes;
}

/** Where "Split…" proposes to move hours: the next visible week, else the previous one. */
export function defaultSplitWeek(weeks: readonly string[], from: string): string | null {
  const i = weeks.indexOf(from);
  if (i >= 0 && i + 1 < weeks.length) return weeks[i + 1]!;
  if (i > 0) return weeks[i - 1]!;
  return weeks.find((w) => w !== from) ?? null;
}
