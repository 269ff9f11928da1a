// How the board finds the drop target. A pointer is over the innermost target under it (a
// demand line rather than its card). The keyboard moves from target to target: dnd-kit's
// own KeyboardSensor moves by pixels and scrolls the list the drag started in, which on
// this screen would scroll the specialists instead of reaching a card, so the keyboard
// gets a small sensor of its own that jumps between targets and names the one it is on.
// Either way the target is named in drop-targets.ts, and dnd-kit only hears of that one.
import {
  KeyboardSensor,
  type Activators,
  type CollisionDetection,
  type KeyboardSensorOptions,
  type Modifier,
  type SensorInstance,
  type SensorProps,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { getEventCoordinates } from '@dnd-kit/utilities';
import { STAGES } from '../../../../shared/domain';
import { specialistIdOfDrag } from './drop-plan';
import { DROP_ID_ATTRIBUTE, allDropTargets, dropDataOf, hoveredTarget, setHoveredTarget } from './drop-targets';

/**
 * The target the pointer tracker or the keyboard named, once dnd-kit has it registered.
 * The pointer is traced by asking the document what is under it (trackPointer) rather than
 * by comparing with rectangles measured when the drag began: the lanes scroll on their own
 * (and automatically while dragging), which leaves those rectangles behind.
 */
export const planningCollision: CollisionDetection = ({ droppableContainers }) => {
  const id = hoveredTarget()?.id;
  const container = id === undefined ? undefined : droppableContainers.find((c) => c.id === id);
  return container ? [{ id: container.id, data: { droppableContainer: container, value: 0 } }] : [];
};

interface PointerPage {
  elementFromPoint(x: number, y: number): Element | null;
}

/**
 * Follows the pointer during a drag and names the innermost target under it; also when a
 * lane scrolls under a pointer that stays still. Returns the function that stops it.
 */
export function trackPointer(dragId: UniqueIdentifier, start: { x: number; y: number } | null, doc: Document = document): () => void {
  const specialistId = specialistIdOfDrag(dragId);
  const page = doc as unknown as Partial<PointerPage>;
  // No layout to ask (tests without a browser): the keyboard is the only way there.
  if (typeof page.elementFromPoint !== 'function') return () => undefined;
  let at = start;
  let frame = 0;
  const win = doc.defaultView ?? window;
  const resolve = (): void => {
    frame = 0;
    if (!at) return;
    const hit = page.elementFromPoint!(at.x, at.y)?.closest<HTMLElement>(`[${DROP_ID_ATTRIBUTE}]`) ?? null;
    setHoveredTarget(hit, specialistId);
  };
  // At once on a move, so a quick release lands where the pointer is; scrolls come once a frame anyway.
  const onMove = (e: PointerEvent): void => {
    at = { x: e.clientX, y: e.clientY };
    resolve();
  };
  const onScroll = (): void => {
    if (!frame) frame = win.requestAnimationFrame(resolve);
  };
  win.addEventListener('pointermove', onMove, { capture: true, passive: true });
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  resolve();
  return () => {
    win.removeEventListener('pointermove', onMove, { capture: true });
    doc.removeEventListener('scroll', onScroll, { capture: true });
    if (frame) win.cancelAnimationFrame(frame);
  };
}

/** Keeps the dragged chip beside the pointer rather than over the target it points at. */
export const besideCursor: Modifier = ({ activatorEvent, activeNodeRect, transform }) => {
  const at = activatorEvent ? getEventCoordinates(activatorEvent) : null;
  // Keyboard drags have no pointer: the sensor places the chip itself.
  if (!at || !activeNodeRect) return transform;
  return { ...transform, x: transform.x + at.x - activeNodeRect.left + 14, y: transform.y + at.y - activeNodeRect.top + 16 };
};

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export interface TargetEntry {
  id: UniqueIdentifier;
  /** Index of the lane, left to right. */
  lane: number;
  kind: 'card' | 'line';
  /** Vertical middle on screen, to keep the row when moving between lanes; asked only for left and right. */
  middle: () => number;
}

/**
 * Where an arrow key goes from `current`, over targets in document order: up and down
 * walk a lane (a card, then its demand lines, then the next card), left and right go to the
 * card beside in the neighbouring lane. The first key goes to the first target of the
 * first lane, or of the last lane for ArrowLeft (the lane nearest the specialists).
 */
export function nextTarget(entries: readonly TargetEntry[], current: UniqueIdentifier | null, key: ArrowKey): UniqueIdentifier | null {
  if (entries.length === 0) return null;
  const lanes = [...new Set(entries.map((e) => e.lane))].sort((a, b) => a - b);
  const at = current === null ? -1 : entries.findIndex((e) => e.id === current);
  if (at < 0) {
    const lane = key === 'ArrowLeft' ? lanes[lanes.length - 1]! : lanes[0]!;
    return entries.find((e) => e.lane === lane)!.id;
  }
  const here = entries[at]!;
  const inLane = entries.filter((e) => e.lane === here.lane);
  const pos = inLane.indexOf(here);
  if (key === 'ArrowDown') return (inLane[pos + 1] ?? here).id;
  if (key === 'ArrowUp') return (inLane[pos - 1] ?? here).id;
  const laneAt = lanes.indexOf(here.lane) + (key === 'ArrowRight' ? 1 : -1);
  const lane = lanes[laneAt];
  if (lane === undefined) return here.id;
  const there = entries.filter((e) => e.lane === lane);
  const cards = there.filter((e) => e.kind === 'card');
  const pool = cards.length > 0 ? cards : there;
  let best = pool[0]!;
  const middle = here.middle();
  let bestGap = Math.abs(best.middle() - middle);
  for (const e of pool) {
    const gap = Math.abs(e.middle() - middle);
    if (gap < bestGap) [best, bestGap] = [e, gap];
  }
  return best.id;
}

const ARROWS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];
const GAP = 8;

/**
 * Space or Enter on a focused specialist picks it up (dnd-kit's keyboard activator); then
 * arrows move between targets, Space or Enter drops, Escape or Tab cancels.
 */
export class TargetKeyboardSensor implements SensorInstance {
  static activators: Activators<KeyboardSensorOptions> = KeyboardSensor.activators;

  autoScrollEnabled = false;
  private readonly doc: Document;
  private readonly win: Window;
  /** Where the dragged row was when picked up: the overlay starts there and moves by our translate. */
  private readonly origin: { x: number; y: number };
  private readonly specialistId: string | null;

  constructor(private readonly props: SensorProps<KeyboardSensorOptions>) {
    const node = props.activeNode.node.current;
    this.doc = node?.ownerDocument ?? document;
    this.win = this.doc.defaultView ?? window;
    const rect = node?.getBoundingClientRect();
    this.origin = { x: rect?.left ?? 0, y: rect?.top ?? 0 };
    this.specialistId = specialistIdOfDrag(props.active);
    this.onKeyDown = this.onKeyDown.bind(this);
    this.cancel = this.cancel.bind(this);
    setHoveredTarget(null, null);
    // Listening at once: a key pressed right after the pick-up must reach the drag even when
    // the page is busy. (A listener attached on a timer missed it: the browser runs waiting
    // input before timers, so the next arrow or Escape went to the row instead.) The key that
    // picked the specialist up is past this document-level listener already, and it is also
    // told apart below, so it cannot drop it again.
    this.doc.addEventListener('keydown', this.onKeyDown, true);
    this.win.addEventListener('resize', this.cancel);
    this.doc.addEventListener('visibilitychange', this.cancel);
    props.onStart({ x: 0, y: 0 });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event === this.props.event) return;
    const key = event.code === 'Space' || event.key === ' ' ? 'Space' : event.key;
    // The pick-up key held down repeats: picking up must not also drop.
    if ((key === 'Space' || key === 'Enter') && event.repeat) this.swallow(event);
    else if (key === 'Space' || key === 'Enter') {
      this.swallow(event);
      this.detach();
      this.props.onEnd();
    } else if (key === 'Escape' || key === 'Tab') {
      // Tab would move focus away with the specialist still in hand: treat it as letting go.
      this.swallow(event);
      this.cancel();
    } else if (ARROWS.includes(key)) {
      this.swallow(event);
      this.move(key as ArrowKey);
    } else if ((event.ctrlKey || event.metaKey) && /^[zy]$/i.test(event.key)) {
      // No undo with a specialist in hand: the preview would describe a plan that just changed.
      this.swallow(event);
    }
  }

  private swallow(event: Event): void {
    event.preventDefault();
    event.stopPropagation();
  }

  private move(key: ArrowKey): void {
    const nodes = new Map<UniqueIdentifier, HTMLElement>();
    const entries: TargetEntry[] = [];
    // Document order is lane order, and within a lane a card then its demand lines.
    for (const node of allDropTargets(this.doc)) {
      const data = dropDataOf(node);
      if (!data) continue;
      const id = node.getAttribute(DROP_ID_ATTRIBUTE)!;
      nodes.set(id, node);
      const middle = (): number => {
        const r = node.getBoundingClientRect();
        return r.top + r.height / 2;
      };
      entries.push({ id, lane: STAGES.indexOf(data.stage as (typeof STAGES)[number]), kind: data.target.kind, middle });
    }
    const id = nextTarget(entries, hoveredTarget()?.id ?? null, key);
    if (id === null) return;
    const node = nodes.get(id)!;
    setHoveredTarget(node, this.specialistId);
    node.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    this.placeChipBeside(node.getBoundingClientRect(), this.props.context.current.draggingNode?.getBoundingClientRect().height ?? 40);
  }

  /** Puts the dragged chip just under the target (above it near the bottom of the window), clear of its text. */
  private placeChipBeside(target: DOMRect, chipHeight: number): void {
    const below = target.bottom + GAP;
    const top = below + chipHeight > this.win.innerHeight ? target.top - GAP - chipHeight : below;
    this.props.onMove({ x: target.left + 2 * GAP - this.origin.x, y: top - this.origin.y });
  }

  private cancel(): void {
    this.detach();
    this.props.onCancel();
  }

  private detach(): void {
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
    this.win.removeEventListener('resize', this.cancel);
    this.doc.removeEventListener('visibilitychange', this.cancel);
  }
}
