import { formatMoneyGrouped, parseHours } from '../domain';
import type { ExchangeChange } from '../exchange/diff';
import type { ExchangeProblem } from '../exchange/read-file';
import { EXCHANGE_VERSION, type RequestDifference, type StaffingSummaryFile } from '../exchange/request-file';
import { parseFileMoney, type ExchangeLine } from '../exchange/request-model';
import { hoursShort } from './hours';
import { demandLineText, problemPlace, requestProblemText } from './requests';

// What an import would change, one line each, as the CLI prints it and the import dialog
// lists it (interchange.md): `R12 title: "A" -> "B"`,
// `R12 + demand PostgreSQL L3 16 h/wk 2026-W50..2027-W02`.

const quoted = (v: string | null): string => (v === null ? 'none' : JSON.stringify(v));

const lineAsk = (l: ExchangeLine): string => `${hoursShort(l.minutesPerWeek)} h/wk ${l.startWeek}..${l.endWeek}`;

export function changeText(c: ExchangeChange, minorDigits: number): string {
  const id = c.requestId;
  switch (c.kind) {
    case 'new-request': {
      const r = c.request;
      const budget = r.budgetMinor === null ? 'no budget' : `budget ${formatMoneyGrouped(r.budgetMinor, minorDigits)}`;
      return `${id} + request ${quoted(r.title)} (${r.stage}, ${r.status}, ${r.priority}, ${r.startWeek}..${r.endWeek}, ${budget})`;
    }
    case 'field':
      return `${id} ${c.field}: ${quoted(c.before)} -> ${quoted(c.after)}`;
    case 'line-added':
      return `${id} + demand ${demandLineText(c.line)}`;
    case 'line-removed':
      return `${id} - demand ${demandLineText(c.line)}`;
    case 'line-changed':
      return `${id} ~ demand ${demandLineText(c.before)} -> L${c.after.minLevel} ${lineAsk(c.after)}`;
    case 'status-kept': {
      if (c.why === 'new-request') {
        return `${id} starts as ${quoted(c.here)}: the file says ${quoted(c.inFile)}, which needs a reason a file does not carry`;
      }
      const why =
        c.why === 'needs-reason'
          ? `a ${c.inFile} status needs a reason, which a file does not carry: change it here`
          : c.allowed.length === 0
            ? `a ${c.here} request changes status no more`
            : `from ${c.here} it can go to ${c.allowed.join(', ')}`;
      return `${id} status stays ${quoted(c.here)}: the file says ${quoted(c.inFile)}, and ${why}`;
    }
  }
}

/** The changes with their words, as the import preview returns them. */
export function requestDifferences(changes: readonly ExchangeChange[], minorDigits: number): RequestDifference[] {
  return changes.map((c): RequestDifference => {
    const text = changeText(c, minorDigits);
    switch (c.kind) {
      case 'new-request':
        return { kind: 'new-request', requestId: c.requestId, text };
      case 'field':
        return { kind: 'field', requestId: c.requestId, field: c.field, before: c.before, after: c.after, text };
      case 'line-added':
      case 'line-removed':
        return { kind: c.kind, requestId: c.requestId, skill: c.line.skill, text };
      case 'line-changed':
        return { kind: c.kind, requestId: c.requestId, skill: c.after.skill, text };
      case 'status-kept':
        return { kind: 'status-kept', requestId: c.requestId, here: c.here, inFile: c.inFile, text };
    }
  });
}

/** A decimal money text of a file, grouped for people: "12000.00" -> "12,000.00". */
export function moneyTextGrouped(decimal: string, minorDigits: number): string {
  const m = parseFileMoney(decimal, minorDigits);
  return m.ok ? formatMoneyGrouped(m.value, minorDigits) : decimal;
}

const BUDGET_STATE_WORDS: Record<StaffingSummaryFile['budget_state'], string> = {
  none: 'no budget',
  ok: 'within budget',
  at_risk: 'at risk',
  overrun: 'overrun',
};

/** "cost 2,083.33 EUR of a 2,000.00 EUR budget (overrun)" */
export function summaryCostText(s: StaffingSummaryFile, minorDigits: number): string {
  const cost = `${moneyTextGrouped(s.cost, minorDigits)} ${s.plan_currency}`;
  if (s.request.budget === null) return `cost ${cost} (no budget)`;
  return `cost ${cost} of a ${moneyTextGrouped(s.request.budget, minorDigits)} ${s.plan_currency} budget (${BUDGET_STATE_WORDS[s.budget_state]})`;
}

/**
 * The one difference a staffing summary makes: it becomes the request's latest staffing
 * received, replacing the one kept before (written at `previous`).
 */
export function summaryReceivedText(s: StaffingSummaryFile, minorDigits: number, previous: string | null): string {
  const people = `${s.people.length} ${s.people.length === 1 ? 'person' : 'people'}`;
  const replaces = previous === null ? '' : `; replaces the summary written ${previous}`;
  return (
    `${s.request.id} staffing received (written ${s.exported_at}): ${people}, ${fileHoursShort(s.hours)} h, ` +
    `${summaryCostText(s, minorDigits)}, ${fileHoursShort(s.open_hours)} h of demand open${replaces}`
  );
}

/** A file's hours (at most 2 places, checked on reading) as people read them: "16.00" -> "16". */
export function fileHoursShort(hours: string): string {
  const m = parseHours(hours);
  return m.ok ? hoursShort(m.value) : hours;
}

/** Why nothing from a file was imported, naming the file (or "The file") and what is wrong where. */
export function exchangeProblemText(p: ExchangeProblem, fileName?: string | null): string {
  const name = fileName || 'The file';
  const nothing = 'nothing was imported.';
  switch (p.rule) {
    case 'not-json':
      return `${name} is not a complete JSON file (damaged or truncated): ${nothing}`;
    case 'not-tm-planner':
      return `${name} is not a TM Planner request file or staffing summary${p.format === null ? '' : ` (its format is ${JSON.stringify(p.format.slice(0, 80))})`}: ${nothing}`;
    case 'newer-version':
      return `${name} was written by a newer TM Planner (version ${p.version}; this one reads ${EXCHANGE_VERSION}): ${nothing} Update TM Planner to import it.`;
    case 'other-currency':
      return `${name} is in ${p.file.slice(0, 12)} but this plan is in ${p.plan}, and amounts are not converted: ${nothing}`;
    case 'schema':
      return `${name} has wrong fields (${p.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}): ${nothing}`;
    case 'decimal':
      return `${name} has a wrong number at ${p.problem.path} (${p.problem.error}): ${nothing}`;
    case 'request':
      return `${name} holds a request that breaks its rules (${p.problems.map((x) => `${problemPlace(x)}: ${requestProblemText(x)}`).join('; ')}): ${nothing}`;
  }
}
