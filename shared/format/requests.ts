import type { RequestProblem, RequestStatus } from '../domain';
import { formatHours } from '../domain';
import { hoursShort } from './hours';

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  startWeek: 'Start week',
  endWeek: 'End week',
  skill: 'Skill',
  minLevel: 'Minimum level',
  minutesPerWeek: 'Hours per week',
};

/** A broken request rule in words, as the editor shows it next to its field and the CLI prints it. */
export function requestProblemText(p: RequestProblem): string {
  const field = FIELD_NAMES[p.path[p.path.length - 1] as string] ?? 'Value';
  switch (p.rule) {
    case 'required':
      return `${field} is required`;
    case 'not-a-week':
      return `${field} "${p.value}" is not an ISO week written YYYY-Www (e.g. 2026-W48)`;
    case 'end-before-start':
      return `End week ${p.end} is before start week ${p.start}`;
    case 'line-outside-request':
      return `Weeks ${p.line.start}..${p.line.end} are outside the request's ${p.request.start}..${p.request.end}`;
    case 'level-range':
      return `Minimum level must be 1 to 5`;
    case 'hours-range':
      return `Hours per week must be more than 0 and at most ${formatHours(p.max)}`;
    case 'duplicate-line':
      return `Demand line ${p.other + 1} already asks for ${p.skill} from ${p.start}`;
  }
}

/** Where a problem is, for messages that are not next to the field: "demand line 2, end week". */
export function problemPlace(p: RequestProblem): string {
  const field = (FIELD_NAMES[p.path[p.path.length - 1] as string] ?? 'value').toLowerCase();
  return p.path[0] === 'lines' ? `demand line ${(p.path[1] as number) + 1}, ${field}` : field;
}

export const STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  closed: 'Closed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** The verb on the button that moves a request to `to`. */
export const TRANSITION_VERBS: Readonly<Record<RequestStatus, string>> = {
  draft: 'Withdraw to draft',
  submitted: 'Submit',
  approved: 'Approve',
  closed: 'Close request',
  rejected: 'Reject',
  cancelled: 'Cancel request',
};

/** Why a transition is refused, naming the allowed ones (domain.md, Request workflow). */
export function transitionRefusedText(
  requestId: string,
  from: RequestStatus,
  to: RequestStatus,
  allowed: readonly RequestStatus[],
): string {
  const options = allowed.length === 0 ? `a ${from} request changes status no more` : `from ${from} it can go to ${allowed.join(', ')}`;
  return `${requestId} cannot go from ${from} to ${to}: ${options}.`;
}

/** A demand line as histories and import previews print it: "PostgreSQL L3 16 h/wk 2026-W50..2027-W02". */
export function demandLineText(l: { skill: string; minLevel: number; minutesPerWeek: number; startWeek: string; endWeek: string }): string {
  return `${l.skill} L${l.minLevel} ${hoursShort(l.minutesPerWeek)} h/wk ${l.startWeek}..${l.endWeek}`;
}
