// Planning rules the board applies while a person drags a specialist onto a request: who
// fits a demand line best, what a drop would do to the specialist's weeks, and the hours
// the drop editor proposes, what it costs the request, and which weeks it may write. Pure
// functions over the rows the screen already holds; how they are worded is in
// shared/format/planning.ts and renderer/src/model/planning-text.ts.
import { budgetState, type BudgetState } from './flags';
import type { AllocationStatus, RequestStatus } from './model';
import { cmpText } from './order';
import { percent } from './rounding';
import { allocationCost } from './units';
import { addIsoWeeks, weeksBetween, type IsoWeek } from './weeks';

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

export interface TightestWeek {
  week: IsoWeek;
  /** max(0, capacity − allocated), in minutes. */
  free: number;
}

/**
 * Of the chosen weeks the row carries, the one with the least free time (the earliest on a
 * tie); null when the row carries none of them. A week without capacity has none free: any
 * hours there over-allocate (and raise a leave conflict).
 */
export function tightestWeek(specialist: PlanningSpecialist, weeks: readonly IsoWeek[]): TightestWeek | null {
  const inRange = new Set(weeks);
  let tight: TightestWeek | null = null;
  for (const w of specialist.weeks) {
    if (!inRange.has(w.week)) continue;
    const free = Math.max(0, w.capacity - w.allocated);
    if (tight === null || free < tight.free || (free === tight.free && w.week < tight.week)) tight = { week: w.week, free };
  }
  return tight;
}

/**
 * Hours per week the drop editor proposes: the lesser of what the line still misses and
 * what the specialist has free, as one number for every week of the assignment. The line
 * misses its largest weekly gap; the specialist has the free time of their tightest week,
 * so the default never over-allocates any week by itself: with no free time in one of the
 * weeks it proposes 0, and the person decides (the issue: 8 h proposed to someone with 0
 * free hours). A line already covered proposes its weekly hours; a card without a line 8 h.
 * Weeks the row does not carry cannot be judged and do not limit the proposal.
 */
export function defaultMinutesPerWeek(specialist: PlanningSpecialist, weeks: readonly IsoWeek[], line: PlanningLine | null): number {
  const inRange = new Set(weeks);
  let want = CARD_DROP_MINUTES;
  if (line) {
    let gap = 0;
    for (const w of line.weeks) if (inRange.has(w.week)) gap = Math.max(gap, w.demanded - w.served);
    want = gap > 0 ? gap : line.minutesPerWeek;
  }
  const tight = tightestWeek(specialist, weeks);
  return tight === null ? want : Math.min(want, tight.free);
}

// ---------- The weeks of a drop ----------

export interface WeekSpan {
  from: IsoWeek;
  to: IsoWeek;
}

/** The part of a request these rules read. */
export interface PlanningRequest {
  startWeek: IsoWeek;
  endWeek: IsoWeek;
  budgetMinor: number | null;
  /** Its cost now, over all its weeks. */
  costMinor: number;
}

const requestSpan = (r: Pick<PlanningRequest, 'startWeek' | 'endWeek'>): WeekSpan => ({ from: r.startWeek, to: r.endWeek });
const spanLength = (s: WeekSpan): number => weeksBetween(s.from, s.to) + 1;

/**
 * The week range a drop proposes: the demand line's weeks inside the request's and the
 * visible ones; for a card (or a line wholly out of view) the request's weeks inside the
 * visible ones. It never leaves the request's window: a request wholly out of view (not
 * on the board as it loads) proposes its own first weeks, as many as are visible.
 */
export function defaultDropWeeks(
  request: Pick<PlanningRequest, 'startWeek' | 'endWeek'>,
  line: WeekSpan | null,
  visible: WeekSpan,
): WeekSpan {
  const window = requestSpan(request);
  const lineInWindow = line && overlapWeeks(line, window);
  const inView = (lineInWindow && overlapWeeks(lineInWindow, visible)) ?? overlapWeeks(window, visible);
  if (inView) return inView;
  const weeks = Math.min(spanLength(window), spanLength(visible));
  return { from: window.from, to: addIsoWeeks(window.from, weeks - 1) };
}

/** The chosen weeks outside the request's window, in order: each would raise an outside-window flag. */
export function weeksOutsideRequest(weeks: readonly IsoWeek[], request: Pick<PlanningRequest, 'startWeek' | 'endWeek'>): IsoWeek[] {
  return weeks.filter((w) => w < request.startWeek || w > request.endWeek);
}

export interface DropWeeksLimit {
  /** Most weeks the drop may write. */
  max: number;
  /** 'request' when the range stays inside the request's weeks, 'visible' when it reaches outside. */
  basis: 'request' | 'visible';
}

/**
 * How many weeks one drop may write: inside the request's weeks, its whole window; reaching
 * outside it, no more than the board shows, so a slip of the year cannot book two years of
 * hours on a request that runs three weeks (the issue: 104 weeks saved at 2,282% of budget).
 */
export function dropWeeksLimit(
  range: WeekSpan,
  request: Pick<PlanningRequest, 'startWeek' | 'endWeek'>,
  visible: WeekSpan,
): DropWeeksLimit {
  const window = requestSpan(request);
  const inside = range.from >= window.from && range.to <= window.to;
  return inside ? { max: spanLength(window), basis: 'request' } : { max: spanLength(visible), basis: 'visible' };
}

// ---------- What a drop would cost ----------

export interface DropCost {
  /** What the drop adds to the request's cost, in minor units. */
  addedMinor: number;
  /** The request's cost after the drop. */
  costMinor: number;
  budgetMinor: number | null;
  /** Cost after as a share of the budget; null without a budget (or with a budget of 0). */
  percentOfBudget: number | null;
  state: BudgetState;
}

/**
 * The request's cost if `minutesPerWeek` at `hourlyRateMinor` were added in each of
 * `weeks`. Cost is rounded per allocation, and there is one allocation per specialist,
 * request and week that a drop adds to, so a week where the specialist already has
 * minutes on the request costs the merged allocation less what it costs now; `existing`
 * gives those minutes (0 where it knows of none).
 */
export function dropCost(
  request: Pick<PlanningRequest, 'budgetMinor' | 'costMinor'>,
  hourlyRateMinor: number,
  weeks: readonly IsoWeek[],
  minutesPerWeek: number,
  existing: (week: IsoWeek) => number = () => 0,
): DropCost {
  let addedMinor = 0;
  for (const week of weeks) {
    const before = existing(week);
    addedMinor += allocationCost(before + minutesPerWeek, hourlyRateMinor) - allocationCost(before, hourlyRateMinor);
  }
  const costMinor = request.costMinor + addedMinor;
  const budgetMinor = request.budgetMinor;
  return {
    addedMinor,
    costMinor,
    budgetMinor,
    percentOfBudget: budgetMinor === null ? null : percent(costMinor, budgetMinor),
    state: budgetState(costMinor, budgetMinor),
  };
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
