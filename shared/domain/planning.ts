// Planning rules the board applies while a person drags a specialist onto a request: who
// fits a demand line best and why, what a drop would do to the specialist's weeks, and the
// hours the drop editor proposes. Pure functions over the rows the screen already holds.
import type { AllocationStatus, RequestStatus } from './model';
import { formatHours, formatMoneyGrouped, parseHours } from './units';
import { weekLabel, type IsoWeek } from './weeks';

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

/** Hours as people read them: 960 -> "16", 440 -> "7.33". */
export function hoursShort(minutes: number): string {
  return formatHours(minutes).replace(/\.00$/, '');
}

/** "W49", "W49–W52", or with years when the span crosses one: "2026-W52–2027-W02". */
export function weeksSpanText(weeks: readonly IsoWeek[]): string {
  if (weeks.length === 0) return 'no weeks';
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  if (first === last) return weekLabel(first);
  if (first.slice(0, 4) !== last.slice(0, 4)) return `${first}–${last}`;
  return `${weekLabel(first)}–${weekLabel(last)}`;
}

/** The first word of a name, for short texts on a busy board: "Ana Souza" -> "Ana". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
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
  /** "PostgreSQL L5, 24 h free in W49–W52, 85.00/h" */
  reason: string;
}

const TIER_ORDER: Record<FitTier, number> = { qualified: 0, 'under-level': 1, 'lacks-skill': 2 };

/**
 * Ranks specialists for a demand line. Holding the skill at the line's level comes first
 * (anyone else would raise a skill mismatch); then how much of the line's missing hours
 * their free time could take in its visible weeks; then the cheaper rate, because two
 * people who can both fill the gap differ in what the request pays; then more free hours,
 * a higher level, and the name, so the order is stable.
 */
export function rankSpecialists(specialists: readonly PlanningSpecialist[], line: PlanningLine, minorDigits = 2): SpecialistFit[] {
  const span = weeksSpanText(line.weeks.map((w) => w.week));
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
    const skillText =
      level === null
        ? `no ${line.skill}`
        : tier === 'qualified'
          ? `${line.skill} L${level}`
          : `${line.skill} L${level} (needs L${line.minLevel}+)`;
    const reason = `${skillText}, ${hoursShort(freeMinutes)} h free in ${span}, ${formatMoneyGrouped(s.hourlyRateMinor, minorDigits)}/h`;
    return { s, tier, level, freeMinutes, coverMinutes, reason };
  });
  scored.sort(
    (a, b) =>
      TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
      b.coverMinutes - a.coverMinutes ||
      a.s.hourlyRateMinor - b.s.hourlyRateMinor ||
      b.freeMinutes - a.freeMinutes ||
      (b.level ?? 0) - (a.level ?? 0) ||
      (a.s.name < b.s.name ? -1 : a.s.name > b.s.name ? 1 : 0) ||
      (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0),
  );
  return scored.map((x, i) => ({
    id: x.s.id,
    rank: i + 1,
    tier: x.tier,
    level: x.level,
    freeMinutes: x.freeMinutes,
    coverMinutes: x.coverMinutes,
    reason: x.reason,
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

/** "44 of 40 h in W49, over"; "16 h in W49, no capacity". */
export function dropEffectText(e: DropEffect): string {
  if (e.state === 'no-capacity') return `${hoursShort(e.after)} h in ${weekLabel(e.week)}, no capacity`;
  const tail = e.state === 'over' ? ', over' : e.state === 'full' ? ', full' : '';
  return `${hoursShort(e.after)} of ${hoursShort(e.capacity)} h in ${weekLabel(e.week)}${tail}`;
}

/** What the drop target shows while a specialist hovers: "Ana: 44 of 40 h in W49, over". */
export function dropPreviewText(name: string, e: DropEffect | null): string {
  return e ? `${firstName(name)}: ${dropEffectText(e)}` : `${firstName(name)}: no visible weeks to judge`;
}

/** A drop target named for people: "REQ-201", or "REQ-201 PostgreSQL L3+" for a demand line. */
export function dropTargetText(requestId: string, line: { skill: string; minLevel: number } | null): string {
  return line ? `${requestId} ${line.skill} L${line.minLevel}+` : requestId;
}

/**
 * Confirmed on an approved request, tentative otherwise: approval is what makes a booking
 * firm, and a tentative one still counts toward load so the risk shows.
 */
export function defaultAllocationStatus(requestStatus: RequestStatus): AllocationStatus {
  return requestStatus === 'approved' ? 'confirmed' : 'tentative';
}

/** Most hours one allocation can hold in a week: the week itself. */
export const MAX_ALLOCATION_MINUTES = 168 * 60;

export type HoursCheck = { ok: true; minutes: number } | { ok: false; error: string };

/**
 * Hours typed for an allocation (drop editor, chip menu): the shared parser, more than 0,
 * and at most `max` (a week, or what a split may take).
 */
export function checkAllocationHours(text: string, opts: { max?: number; maxText?: string } = {}): HoursCheck {
  if (text.trim() === '') return { ok: false, error: 'Enter the hours, e.g. 8 or 7.5.' };
  const parsed = parseHours(text);
  if (!parsed.ok) return { ok: false, error: `${parsed.error}.` };
  if (parsed.value <= 0) return { ok: false, error: 'Enter more than 0 h (to remove the allocation, use Delete).' };
  const max = opts.max ?? MAX_ALLOCATION_MINUTES;
  if (parsed.value > max) return { ok: false, error: opts.maxText ?? `At most ${hoursShort(max)} h.` };
  return { ok: true, minutes: parsed.value };
}

/** The effect of adding `minutes` to one week's load. */
export function weekDropEffect(w: { week: IsoWeek; allocated: number; capacity: number }, minutes: number): DropEffect {
  const after = w.allocated + minutes;
  const state: DropState = w.capacity === 0 ? 'no-capacity' : after > w.capacity ? 'over' : after === w.capacity ? 'full' : 'fits';
  return { week: w.week, after, capacity: w.capacity, state };
}
