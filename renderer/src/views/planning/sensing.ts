// How the board finds the drop target. A pointer is over the innermost target under it (a
// demand line rather than its card). The keyboard moves from target to target: dnd-kit's
// own KeyboardSensor moves by pixels and scrolls the list the drag started in, which on
// this screen would scroll the specialists instead of reaching a card, so the keyboard
// gets a small sensor of its own that jumps between droppables and names the one it is on.
import {
  KeyboardSensor,
  type Activators,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardSensorOptions,
  type Modifier,
  type SensorInstance,
  type SensorProps,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { getEventCoordinates } from '@dnd-kit/utilities';
import { STAGES } from '../../../../shared/domain';
import type { DropData } from './drop-plan';

/** The target the keyboard is on; null before the first arrow key. Read by the collision detection. */
export const keyboardTarget: { current: UniqueIdentifier | null } = { current: null };

/** Attribute naming a droppable element's id, so a point on screen can be traced to its target. */
export const DROP_ID_ATTRIBUTE = 'data-drop-id';

/**
 * Innermost droppable under the pointer; for the keyboard, the target it moved to. The
 * pointer asks the document what is under it rather than comparing with rectangles
 * measured when the drag began: the lanes scroll on their own (and automatically while
 * dragging), which leaves those rectangles behind.
 */
export const planningCollision: CollisionDetection = ({ droppableContainers, droppableRects, pointerCoordinates }) => {
  if (!pointerCoordinates) {
    const id = keyboardTarget.current;
    const container = id === null ? undefined : droppableContainers.find((c) => c.id === id);
    return container ? [{ id: container.id, data: { droppableContainer: container, value: 0 } }] : [];
  }
  const { x, y } = pointerCoordinates;
  if (typeof document !== 'undefined' && typeof document.elementFromPoint === 'function') {
    const hit = document.elementFromPoint(x, y)?.closest(`[${DROP_ID_ATTRIBUTE}]`);
    const id = hit?.getAttribute(DROP_ID_ATTRIBUTE);
    const container = id ? droppableContainers.find((c) => c.id === id) : undefined;
    return container ? [{ id: container.id, data: { droppableContainer: container, value: 0 } }] : [];
  }
  // No layout to ask (tests without a browser): the smallest measured rectangle under the point.
  let best: DroppableContainer | null = null;
  let bestArea = Infinity;
  for (const c of droppableContainers) {
    const r = droppableRects.get(c.id);
    if (!r || x < r.left || x > r.left + r.width || y < r.top || y > r.top + r.height) continue;
    const area = r.width * r.height;
    if (area < bestArea) {
      best = c;
      bestArea = area;
    }
  }
  return best ? [{ id: best.id, data: { droppableContainer: best, value: bestArea } }] : [];
};

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
  /** Vertical middle on screen, to keep the row when moving between lanes. */
  middle: number;
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
  for (const e of pool) if (Math.abs(e.middle - here.middle) < Math.abs(best.middle - here.middle)) best = e;
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
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(private readonly props: SensorProps<KeyboardSensorOptions>) {
    const node = props.activeNode.node.current;
    this.doc = node?.ownerDocument ?? document;
    this.win = this.doc.defaultView ?? window;
    const rect = node?.getBoundingClientRect();
    this.origin = { x: rect?.left ?? 0, y: rect?.top ?? 0 };
    this.onKeyDown = this.onKeyDown.bind(this);
    this.cancel = this.cancel.bind(this);
    keyboardTarget.current = null;
    props.onStart({ x: 0, y: 0 });
    // Listening from the next task on: the key that picked the specialist up must not also drop it.
    this.timer = setTimeout(() => this.doc.addEventListener('keydown', this.onKeyDown, true));
    this.win.addEventListener('resize', this.cancel);
    this.doc.addEventListener('visibilitychange', this.cancel);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const key = event.code === 'Space' || event.key === ' ' ? 'Space' : event.key;
    if (key === 'Space' || key === 'Enter') {
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
    const context = this.props.context.current;
    const nodes = new Map<UniqueIdentifier, HTMLElement>();
    const entries: TargetEntry[] = [];
    for (const c of context.droppableContainers.getEnabled()) {
      const node = c.node.current;
      const data = c.data.current as DropData | undefined;
      if (!node?.isConnected || !data) continue;
      nodes.set(c.id, node);
      entries.push({ id: c.id, lane: STAGES.indexOf(data.stage as (typeof STAGES)[number]), kind: data.target.kind, middle: 0 });
    }
    entries.sort((a, b) => (nodes.get(a.id)!.compareDocumentPosition(nodes.get(b.id)!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    for (const e of entries) {
      const r = nodes.get(e.id)!.getBoundingClientRect();
      e.middle = r.top + r.height / 2;
    }
    const id = nextTarget(entries, keyboardTarget.current, key);
    if (id === null) return;
    keyboardTarget.current = id;
    const node = nodes.get(id)!;
    node.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    this.placeChipBeside(node.getBoundingClientRect(), context.draggingNode?.getBoundingClientRect().height ?? 40);
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
    clearTimeout(this.timer);
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
    this.win.removeEventListener('resize', this.cancel);
    this.doc.removeEventListener('visibilitychange', this.cancel);
  }
}
