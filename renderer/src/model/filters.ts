// Client-side filters over what is loaded: the board and specialists panel narrow the rows
// they already hold, so typing in a filter never waits for the backend.
import type { RequestCard, SpecialistRow } from '../../../shared/api';
import { cmpName, foldText } from '../../../shared/domain';
import type { BoardFilters, SpecialistFilters } from '../store';

const folded = (text: string): string => foldText(text.trim());

export function boardFiltersActive(f: BoardFilters): boolean {
  return f.status !== '' || f.priority !== '' || f.service !== '' || f.text.trim() !== '';
}

export function cardMatches(card: RequestCard, f: BoardFilters): boolean {
  if (f.status && card.status !== f.status) return false;
  if (f.priority && card.priority !== f.priority) return false;
  if (f.service && (card.service ?? '') !== f.service) return false;
  const text = folded(f.text);
  if (!text) return true;
  return [card.id, card.title, card.service ?? '', card.requester ?? ''].some((v) => foldText(v).includes(text));
}

/** The ids of a lane that pass the filters, in lane order. */
export function filterCardIds(ids: readonly string[], byId: Readonly<Record<string, RequestCard>>, f: BoardFilters): readonly string[] {
  if (!boardFiltersActive(f)) return ids;
  return ids.filter((id) => {
    const card = byId[id];
    return card !== undefined && cardMatches(card, f);
  });
}

export function specialistFiltersActive(f: SpecialistFilters): boolean {
  return f.department !== '' || f.skill !== '' || f.name.trim() !== '';
}

export function specialistMatches(s: SpecialistRow, f: SpecialistFilters): boolean {
  if (f.department && s.department !== f.department) return false;
  if (f.skill && !s.skills.some((k) => k.name === f.skill && k.level >= f.minLevel)) return false;
  const name = folded(f.name);
  return !name || foldText(s.name).includes(name) || foldText(s.id).includes(name);
}

/** Distinct non-empty values, sorted for a select in the same order on every machine. */
export function distinct(values: Iterable<string | null>): string[] {
  const set = new Set<string>();
  for (const v of values) if (v) set.add(v);
  return [...set].sort(cmpName);
}
