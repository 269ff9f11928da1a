// How lists are ordered, the same on every machine: the CLI, the web host and the desktop
// app must print the same order whatever locale the machine runs in, which localeCompare
// and toLocaleLowerCase do not promise.
import { PRIORITIES, type Priority } from './model';

/** Code-unit order for ids and ISO weeks: stable across locales, unlike localeCompare. */
export const cmpText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Text as a search or a sort of names compares it: case and accents ignored ("Chloé" and
 * "chloe" match), without the machine's locale (toLowerCase, not toLocaleLowerCase).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

/** Names and departments as people expect them listed: case and accents aside, then exactly. */
export const cmpName = (a: string, b: string): number => cmpText(foldText(a), foldText(b)) || cmpText(a, b);

const PRIORITY_RANK: Readonly<Record<Priority, number>> = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Priority, number>;

/** Critical first, low last: the order of PRIORITIES. */
export const cmpPriority = (a: Priority, b: Priority): number => PRIORITY_RANK[a] - PRIORITY_RANK[b];
