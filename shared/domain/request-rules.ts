import { MAX_ALLOCATION_MINUTES } from './allocation-hours';
import { isWeek, type IsoWeek } from './weeks';

/** Field limits of interchange.md: names and titles up to 200 characters, other text up to 2,000. */
export const MAX_TITLE_LENGTH = 200;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_DEMAND_LINES = 200;
/** 1,000,000,000.00 in a 2-digit currency: sums over many requests stay exact integers. */
export const MAX_BUDGET_MINOR = 100_000_000_000;

/** A request as the editor and the exchange files carry it, numbers already parsed. */
export interface RequestDraft {
  title: string;
  startWeek: IsoWeek;
  endWeek: IsoWeek;
  lines: readonly DemandLineDraft[];
}

export interface DemandLineDraft {
  skill: string;
  minLevel: number;
  minutesPerWeek: number;
  startWeek: IsoWeek;
  endWeek: IsoWeek;
}

/** Where a problem is: a request field, or a field of the n-th demand line. */
export type ProblemPath =
  ['title' | 'startWeek' | 'endWeek'] | ['lines', number, 'skill' | 'minLevel' | 'minutesPerWeek' | 'startWeek' | 'endWeek'];

/** A broken rule of a request, worded by shared/format (requestProblemText). */
export type RequestProblem =
  | { path: ProblemPath; rule: 'required' }
  | { path: ProblemPath; rule: 'not-a-week'; value: string }
  | { path: ProblemPath; rule: 'end-before-start'; start: IsoWeek; end: IsoWeek }
  | { path: ProblemPath; rule: 'line-outside-request'; line: { start: IsoWeek; end: IsoWeek }; request: { start: IsoWeek; end: IsoWeek } }
  | { path: ProblemPath; rule: 'level-range'; value: number }
  | { path: ProblemPath; rule: 'hours-range'; value: number; max: number }
  | { path: ProblemPath; rule: 'duplicate-line'; skill: string; start: IsoWeek; other: number };

/**
 * Every rule a request must keep before it is saved: the editor shows them next to their
 * fields as the lead types, the API refuses a call that breaks one, and an imported request
 * file is checked by the same function.
 */
export function requestProblems(d: RequestDraft): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (d.title.trim() === '') problems.push({ path: ['title'], rule: 'required' });
  const startOk = isWeek(d.startWeek);
  const endOk = isWeek(d.endWeek);
  if (!startOk)
    problems.push({ path: ['startWeek'], rule: d.startWeek === '' ? 'required' : 'not-a-week', value: d.startWeek } as RequestProblem);
  if (!endOk) problems.push({ path: ['endWeek'], rule: d.endWeek === '' ? 'required' : 'not-a-week', value: d.endWeek } as RequestProblem);
  const requestOk = startOk && endOk && d.startWeek <= d.endWeek;
  if (startOk && endOk && !requestOk) problems.push({ path: ['endWeek'], rule: 'end-before-start', start: d.startWeek, end: d.endWeek });

  // The plan keeps one line per skill and first week (the demand.csv key).
  const seen = new Map<string, number>();
  d.lines.forEach((l, i) => {
    if (l.skill.trim() === '') problems.push({ path: ['lines', i, 'skill'], rule: 'required' });
    if (!Number.isInteger(l.minLevel) || l.minLevel < 1 || l.minLevel > 5) {
      problems.push({ path: ['lines', i, 'minLevel'], rule: 'level-range', value: l.minLevel });
    }
    if (!Number.isInteger(l.minutesPerWeek) || l.minutesPerWeek <= 0 || l.minutesPerWeek > MAX_ALLOCATION_MINUTES) {
      problems.push({ path: ['lines', i, 'minutesPerWeek'], rule: 'hours-range', value: l.minutesPerWeek, max: MAX_ALLOCATION_MINUTES });
    }
    const ls = isWeek(l.startWeek);
    const le = isWeek(l.endWeek);
    if (!ls)
      problems.push({
        path: ['lines', i, 'startWeek'],
        rule: l.startWeek === '' ? 'required' : 'not-a-week',
        value: l.startWeek,
      } as RequestProblem);
    if (!le)
      problems.push({
        path: ['lines', i, 'endWeek'],
        rule: l.endWeek === '' ? 'required' : 'not-a-week',
        value: l.endWeek,
      } as RequestProblem);
    if (ls && le && l.startWeek > l.endWeek) {
      problems.push({ path: ['lines', i, 'endWeek'], rule: 'end-before-start', start: l.startWeek, end: l.endWeek });
    } else if (ls && le && requestOk && (l.startWeek < d.startWeek || l.endWeek > d.endWeek)) {
      problems.push({
        path: ['lines', i, l.startWeek < d.startWeek ? 'startWeek' : 'endWeek'],
        rule: 'line-outside-request',
        line: { start: l.startWeek, end: l.endWeek },
        request: { start: d.startWeek, end: d.endWeek },
      });
    }
    if (l.skill.trim() !== '' && ls) {
      const key = `${skillKey(l.skill)}|${l.startWeek}`;
      const other = seen.get(key);
      if (other !== undefined)
        problems.push({ path: ['lines', i, 'skill'], rule: 'duplicate-line', skill: l.skill.trim(), start: l.startWeek, other });
      else seen.set(key, i);
    }
  });
  return problems;
}

/** Skill names match as the plan's skills table matches them: ASCII letters without case. */
export function skillKey(name: string): string {
  return name.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Control characters (NUL..US) are refused in text (interchange.md). Notes are written in a
 * text area: there tab and line breaks are text too.
 */
export function hasControlCharacters(text: string, notes = false): boolean {
  // eslint-disable-next-line no-control-regex
  return (notes ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/ : /[\u0000-\u001f]/).test(text);
}
