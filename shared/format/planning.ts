// What a drop would cost and which of its weeks leave the request, worded once for the
// board's drop preview and editor (and any report of a planned drop). The rules are in
// shared/domain/planning.ts.
import { formatMoneyGrouped, type DropCost } from '../domain';

/** The plan's money: its ISO 4217 code and minor digits. */
export interface MoneyFormat {
  currency: string;
  minorDigits: number;
}

const money = (minor: number, m: MoneyFormat): string => `${formatMoneyGrouped(minor, m.minorDigits)} ${m.currency}`;

/** "+1,280.00 EUR, 104% of budget"; "+1,280.00 EUR" for a request without a budget. */
export function dropCostText(c: DropCost, m: MoneyFormat): string {
  const added = `+${money(c.addedMinor, m)}`;
  if (c.budgetMinor === null) return added;
  // A budget of 0 has no share to give: any cost overruns it.
  if (c.percentOfBudget === null) return `${added}, over a budget of ${money(c.budgetMinor, m)}`;
  return `${added}, ${c.percentOfBudget}% of budget`;
}

/** The request's cost after the drop: "10,400.00 of 10,000.00 EUR budget"; "10,400.00 EUR" without a budget. */
export function dropCostTotalText(c: DropCost, m: MoneyFormat): string {
  if (c.budgetMinor === null) return money(c.costMinor, m);
  return `${formatMoneyGrouped(c.costMinor, m.minorDigits)} of ${money(c.budgetMinor, m)} budget`;
}

/**
 * "3 of 6 weeks are outside R12's 2026-W48..2026-W50: they will raise an outside-window flag"
 * (weeks written as the outside-window flag writes them).
 */
export function weeksOutsideText(outside: number, total: number, request: { id: string; startWeek: string; endWeek: string }): string {
  const which = outside === 1 ? 'is' : 'are';
  const they = outside === 1 ? 'it' : 'they';
  const of = outside < total ? `${outside} of ${total} weeks` : total === 1 ? 'The week' : `All ${total} weeks`;
  return `${of} ${which} outside ${request.id}'s ${request.startWeek}..${request.endWeek}: ${they} will raise an outside-window flag`;
}
