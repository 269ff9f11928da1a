// The drop target a drag is on. dnd-kit wants one registered droppable per target; on a
// large plan (thousands of cards and demand lines) registering them copies dnd-kit's map of
// droppables once per target, a drag start measures every one of them (each a forced layout
// inside a card the browser had skipped) and re-renders them all: seconds before the drag
// moved. So targets are plain elements marked with `data-drop-id`; the pointer tracker and
// the keyboard sensor (sensing.ts) name the one the drag is on here, and only that one is
// registered with dnd-kit (HoveredDroppable in DropZones.tsx), which then reports it as `over`.
import type { DropData, DropTarget } from './drop-plan';

/** Attribute naming a drop target's id (drop-plan's `dropId`), so a point on screen can be traced to its target. */
export const DROP_ID_ATTRIBUTE = 'data-drop-id';
/** The lane (stage) a target sits in, for the keyboard's left and right. */
export const DROP_STAGE_ATTRIBUTE = 'data-drop-stage';

export interface HoveredTarget {
  id: string;
  element: HTMLElement;
  data: DropData;
  /** Who is being dragged over it, for the preview. */
  specialistId: string;
}

let hovered: HoveredTarget | null = null;
const everyone = new Set<() => void>();
const byId = new Map<string, Set<() => void>>();

/** What the drag is on now; null between drags and over no target. */
export const hoveredTarget = (): HoveredTarget | null => hovered;

/** Points the drag at `element` (a marked target, or null for none). Only the two targets concerned hear of it. */
export function setHoveredTarget(element: HTMLElement | null, specialistId: string | null): void {
  const data = element && specialistId ? dropDataOf(element) : null;
  const next = element && data && specialistId ? { id: element.getAttribute(DROP_ID_ATTRIBUTE)!, element, data, specialistId } : null;
  if (next?.id === hovered?.id && next?.specialistId === hovered?.specialistId && next?.element === hovered?.element) return;
  const before = hovered?.id;
  hovered = next;
  for (const id of new Set([before, next?.id])) if (id !== undefined) byId.get(id)?.forEach((l) => l());
  everyone.forEach((l) => l());
}

/** For useSyncExternalStore: every change of target. */
export function subscribeHovered(listener: () => void): () => void {
  everyone.add(listener);
  return () => everyone.delete(listener);
}

/** For useSyncExternalStore: changes that concern target `id` only. */
export function subscribeTarget(id: string, listener: () => void): () => void {
  let set = byId.get(id);
  if (!set) byId.set(id, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) byId.delete(id);
  };
}

/** The specialist dragged over target `id`, or null. */
export const specialistOver = (id: string): string | null => (hovered?.id === id ? hovered.specialistId : null);

/** Reads a target back from its element's attributes (see DropZones.tsx). */
export function dropDataOf(element: Element): DropData | null {
  const id = element.getAttribute(DROP_ID_ATTRIBUTE);
  const stage = element.getAttribute(DROP_STAGE_ATTRIBUTE);
  if (!id || !stage) return null;
  let target: DropTarget | null = null;
  if (id.startsWith('card:')) target = { kind: 'card', requestId: id.slice('card:'.length) };
  else if (id.startsWith('line:')) {
    // Request ids may hold a colon; the line's ref, last, cannot.
    const cut = id.lastIndexOf(':');
    const lineRef = Number(id.slice(cut + 1));
    if (cut > 'line:'.length && Number.isInteger(lineRef)) target = { kind: 'line', requestId: id.slice('line:'.length, cut), lineRef };
  }
  return target ? { target, stage } : null;
}

/** Every drop target on the page, in document order. */
export function allDropTargets(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(`[${DROP_ID_ATTRIBUTE}]`)];
}
