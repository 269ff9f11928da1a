// How the planning screens word fits and drops; the rules behind them are in
// shared/domain/planning.ts, the hours and week spans in shared/format.
import {
  formatMoneyGrouped,
  rankSpecialists,
  weekLabel,
  type DropEffect,
  type DropWeeksLimit,
  type IsoWeek,
  type PlanningLine,
  type PlanningSpecialist,
  type SpecialistFit,
} from '../../../shared/domain';
import { hoursShort, weeksSpanText } from '../../../shared/format';

/** The first word of a name, for short texts on a busy board: "Ana Souza" -> "Ana". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
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

/** Said when one of the chosen weeks has no free time: "No free hours in W49: any hours will over-allocate Olga". */
export function noFreeHoursText(name: string, week: IsoWeek): string {
  return `No free hours in ${weekLabel(week)}: any hours will over-allocate ${firstName(name)}`;
}

/** "Writes 3 weeks: W48–W50" */
export function weeksWrittenText(weeks: readonly IsoWeek[]): string {
  return `Writes ${weeks.length} week${weeks.length === 1 ? '' : 's'}: ${weeksSpanText(weeks)}`;
}

/** Why a drop's range is too long, after dropWeeksLimit: the request's whole window, or as many weeks as the board shows. */
export function weeksLimitText(limit: DropWeeksLimit, request: { id: string; startWeek: IsoWeek; endWeek: IsoWeek }): string {
  if (limit.basis === 'request') return `At most ${limit.max} weeks at a time.`;
  return (
    `At most ${limit.max} weeks (as many as the board shows) when the weeks reach outside ` +
    `${request.id}'s ${request.startWeek}..${request.endWeek}.`
  );
}

/** A drop target named for people: "REQ-201", or "REQ-201 PostgreSQL L3+" for a demand line. */
export function dropTargetText(requestId: string, line: { skill: string; minLevel: number } | null): string {
  return line ? `${requestId} ${line.skill} L${line.minLevel}+` : requestId;
}

export interface ExplainedFit extends SpecialistFit {
  /** "PostgreSQL L5, 24 h free in W49–W52, 85.00/h" */
  reason: string;
}

/** The domain's ranking for a demand line, each fit with the reason the panel shows. */
export function explainedFits(specialists: readonly PlanningSpecialist[], line: PlanningLine, minorDigits = 2): ExplainedFit[] {
  const span = weeksSpanText(line.weeks.map((w) => w.week));
  const byId = new Map(specialists.map((s) => [s.id, s]));
  return rankSpecialists(specialists, line).map((fit) => {
    const skillText =
      fit.level === null
        ? `no ${line.skill}`
        : fit.tier === 'qualified'
          ? `${line.skill} L${fit.level}`
          : `${line.skill} L${fit.level} (needs L${line.minLevel}+)`;
    const rate = formatMoneyGrouped(byId.get(fit.id)!.hourlyRateMinor, minorDigits);
    return { ...fit, reason: `${skillText}, ${hoursShort(fit.freeMinutes)} h free in ${span}, ${rate}/h` };
  });
}
