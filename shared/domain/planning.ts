// Planning rules the board applies while a person drags a specialist onto a request: who
// fits a demand line best, what a drop would do to the specialist's weeks, and the hours
// the drop editor proposes. Pure functions over the rows the screen already holds; how the
// screens word them is in renderer/src/model/planning-text.ts.
import type { AllocationStatus, RequestStatus } from './model';
import { cmpText } from './order';
import type { IsoWeek } from './weeks';

/** The part of a specialist row these rules read (minutes throughout). */
export interface PlanningSpecialist {
  id: string;
  name: string;
  hourlyRateMinor: number;
  skills: readonly { name: string; level: number }[];
  /** Visible weeks only: capacity and load (tentative included) in minutes. */
  weeks: readonly { week: IsoWeek; capacity: number; allocated: number }[];
}

/** A demand line as the board shows it: per visible week, minutes served against asked. */
export interface PlanningLine {
  skill: string;
  minLevel: number;
  minutesPerWeek: number;
  weeks: readonly { week: IsoWeek; served: number; demanded: number }[];
}

/** Both weeks included; null when the spans do not meet. */
export function overlapWeeks(a: { from: IsoWeek; to: IsoWeek }, b: { from: IsoWeek; to: IsoWeek }): { from: IsoWeek; to: IsoWeek } | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

// ---------- Fit ranking ----------

export type FitTier = 'qualified' | 'under-level' | 'lacks-skill';

export interface SpecialistFit {
  id: string;
  /** 1 for the best fit. */
  rank: number;
  tier: FitTier;
  /** Level held in the line's skill, or null when the specialist lacks it. */
  level: number | null;
  /** Free minutes summed over the line's visible weeks (weeks over capacity count as 0). */
  freeMinutes: number;
  /** Of the line's unfilled minutes in those weeks, how many this specialist's free time could take. */
  coverMinutes: number;
}

const TIER_ORDER: Record<FitTier, number> = { qualified: 0, 'under-level': 1, 'lacks-skill': 2 };

/**
 * Ranks specialists for a demand line. Holding the skill at the line's level comes first
 * (anyone else would raise a skill mismatch); then how much of the line's missing hours
 * their free time could take in its visible weeks; then the cheaper rate, because two
 * people who can both fill the gap differ in what the request pays; then more free hours,
 * a higher level, and the name, so the order is stable.
 */
export function rankSpecialists(specialists: readonly PlanningSpecialist[], line: PlanningLine): SpecialistFit[] {
  const gapByWeek = new Map(line.weeks.map((w) => [w.week, Math.max(0, w.demanded - w.served)]));
  const scored = specialists.map((s) => {
    const level = s.skills.find((k) => k.name === line.skill)?.level ?? null;
    const tier: FitTier = level === null ? 'lacks-skill' : level >= line.minLevel ? 'qualified' : 'under-level';
    let freeMinutes = 0;
    let coverMinutes = 0;
    for (const w of s.weeks) {
      const gap = gapByWeek.get(w.week);
      if (gap === undefined) continue;
      const free = Math.max(0, w.capacity - w.allocated);
      freeMinutes += free;
      coverMinutes += Math.min(free, gap);
    }
    return { s, tier, level, freeMinutes, coverMinutes };
  });
  scored.sort(
    (a, b) =>
      TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
      b.coverMinutes - a.coverMinutes ||
      a.s.hourlyRateMinor - b.s.hourlyRateMinor ||
      b.freeMinutes - a.freeMinutes ||
      (b.level ?? 0) - (a.level ?? 0) ||
      cmpText(a.s.name, b.s.name) ||
      cmpText(a.s.id, b.s.id),
  );
  return scored.map((x, i) => ({
    id: x.s.id,
    rank: i + 1,
    tier: x.tier,
    level: x.level,
    freeMinutes: x.freeMinutes,
    coverMinutes: x.coverMinutes,
  }));
}

// ---------- Default hours of a drop ----------

/** What a drop on a card (no demand line) proposes at most per week. */
export const CARD_DROP_MINUTES = 8 * 60;

/**
 * Hours per week the drop editor proposes: the lesser of what the line still misses and
 * what the specialist has free, as one number for every week of the assignment. The line
 * misses its largest weekly gap; the specialist has the free time of their fullest week
 * (weeks without capacity aside: those are leave, flagged on their own), so the default
 * never pushes a week over by itself. When the specialist has no room at all the default
 * is the line's need, and the preview shows the over-allocation that would follow.
 * A line already covered proposes its weekly hours; a card without a line proposes 8 h.
 */
export function defaultMinutesPerWeek(specialist: PlanningSpecialist, weeks: readonly IsoWeek[], line: PlanningLine | null): number {
  const inRange = new Set(weeks);
  let room: number | null = null;
  for (const w of specialist.weeks) {
    if (!inRange.has(w.week) || w.capacity === 0) continue;
    const free = Math.max(0, w.capacity - w.allocated);
    room = room === null ? free : Math.min(room, free);
  }
  let want = CARD_DROP_MINUTES;
  if (line) {
    let gap = 0;
    for (const w of line.weeks) if (inRange.has(w.week)) gap = Math.max(gap, w.demanded - w.served);
    want = gap > 0 ? gap : line.minutesPerWeek;
  }
  return room !== null && room > 0 ? Math.min(want, room) : want;
}

// ---------- What a drop would do ----------

export type DropState = 'fits' | 'full' | 'over' | 'no-capacity';

export interface DropEffect {
  /** The week that would be fullest after the drop. */
  week: IsoWeek;
  /** Minutes allocated in that week after the drop, and its capacity. */
  after: number;
  capacity: number;
  state: DropState;
}

/**
 * The specialist's fullest week if `minutesPerWeek` were added in each of `weeks` (only
 * the weeks the row carries can be judged). Fullest means the highest share of capacity;
 * a week with no capacity at all is fuller than any other.
 */
export function dropEffect(specialist: PlanningSpecialist, weeks: readonly IsoWeek[], minutesPerWeek: number): DropEffect | null {
  const inRange = new Set(weeks);
  let worst: DropEffect | null = null;
  for (const w of specialist.weeks) {
    if (!inRange.has(w.week)) continue;
    const candidate = weekDropEffect(w, minutesPerWeek);
    if (worst === null || fuller(candidate, worst)) worst = candidate;
  }
  return worst;
}

function fuller(a: DropEffect, b: DropEffect): boolean {
  if (a.capacity === 0 || b.capacity === 0) return a.capacity === 0 && (b.capacity !== 0 || a.after > b.after);
  // a.after / a.capacity > b.after / b.capacity, in integers.
  return a.after * b.capacity > b.after * a.capacity;
}

/**
 * Confirmed on an approved request, tentative otherwise: approval is what makes a booking
 * firm, and a tentative one still counts toward load so the risk shows.
 */
export function defaultAllocationStatus(requestStatus: RequestStatus): AllocationStatus {
  return requestStatus === 'approved' ? 'confirmed' : 'tentative';
}

/** The effect of adding `minutes` to one week's load. */
export function weekDropEffect(w: { week: IsoWeek; allocated: number; capacity: number }, minutes: number): DropEffect {
  const after = w.allocated + minutes;
  const state: DropState = w.capacity === 0 ? 'no-capacity' : after > w.capacity ? 'over' : after === w.capacity ? 'full' : 'fits';
  return { week: w.week, after, capacity: w.capacity, state };
}
