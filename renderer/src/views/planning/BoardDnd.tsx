// Drag and drop of specialists onto request cards and demand lines: sensors, what is
// spoken, the chip that follows the pointer, and the editor that opens on a drop.
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type Over,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { getEventCoordinates } from '@dnd-kit/utilities';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from '../../store';
import { findByData } from '../../components/findByData';
import { DropEditor, type PendingDrop } from './DropEditor';
import { overAnnouncement, planDrop, specialistIdOfDrag, type DropData } from './drop-plan';
import { HoveredDroppable } from './DropZones';
import { setHoveredTarget } from './drop-targets';
import { TargetKeyboardSensor, besideCursor, planningCollision, trackPointer } from './sensing';
import './planning.css';

const instructions: ScreenReaderInstructions = {
  draggable:
    'To assign this specialist, press Space or Enter to pick them up, use the arrow keys to move between requests and their demand lines, ' +
    'and press Space or Enter to drop; an editor then asks for hours and weeks. Escape cancels.',
};

const nameOf = (dragId: string | number): string => {
  const id = specialistIdOfDrag(dragId);
  return (id && useStore.getState().specialistsById[id]?.name) || 'The specialist';
};

const targetOf = (over: Over | null): DropData | null => (over?.data.current as DropData | undefined) ?? null;

function overText(dragId: string | number, over: Over | null): string {
  const data = targetOf(over);
  const specialistId = specialistIdOfDrag(dragId);
  const plan = data && specialistId ? planDrop(useStore.getState(), specialistId, data.target) : null;
  return plan ? overAnnouncement(plan) : `${nameOf(dragId)} is not over a request.`;
}

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
  onDragOver: ({ active, over }) => overText(active.id, over),
  onDragEnd: ({ active, over }) => {
    const data = targetOf(over);
    if (!data) return `${nameOf(active.id)} was dropped outside any request and not assigned.`;
    const specialistId = specialistIdOfDrag(active.id);
    const plan = specialistId ? planDrop(useStore.getState(), specialistId, data.target) : null;
    return `Dropped ${nameOf(active.id)} on ${plan?.targetText ?? data.target.requestId}. Choose hours and weeks, then press Enter to save.`;
  },
  onDragCancel: ({ active }) => `Cancelled: ${nameOf(active.id)} was not assigned.`,
};

const isKeyboard = (e: Event | null): boolean => typeof KeyboardEvent !== 'undefined' && e instanceof KeyboardEvent;

/**
 * Wraps the specialists panel (the draggables). The board's drop targets sit outside it:
 * they need no drag context (drop-targets.ts), and a context holding thousands of cards
 * made React walk all of them on every change of the drag, each pointer move included.
 * The children are made by the parent, so the state here (what is dragged, the open
 * editor) re-renders only the overlay and editor. Only on the board: the timeline has a
 * drag context of its own, and one live region for announcements per page keeps screen
 * readers (and tests) unambiguous.
 */
export function BoardDnd({ children }: { children: ReactNode }) {
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on a row stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TargetKeyboardSensor),
  );
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<PendingDrop | null>(null);

  const stopTracking = useRef<(() => void) | null>(null);
  const endDrag = useCallback(() => {
    stopTracking.current?.();
    stopTracking.current = null;
    setHoveredTarget(null, null);
    setDragging(null);
  }, []);
  useEffect(() => endDrag, [endDrag]);

  const onDragStart = useCallback(({ active, activatorEvent }: DragStartEvent) => {
    setDragging(specialistIdOfDrag(active.id));
    // The keyboard sensor names its targets itself.
    if (!isKeyboard(activatorEvent)) stopTracking.current = trackPointer(active.id, activatorEvent && getEventCoordinates(activatorEvent));
  }, []);

  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      endDrag();
      const specialistId = specialistIdOfDrag(active.id);
      const data = targetOf(over);
      if (specialistId && data) setDrop({ specialistId, target: data.target });
      else if (specialistId) focusRow(specialistId);
    },
    [endDrag],
  );

  const onDragCancel = useCallback(
    ({ active, activatorEvent }: DragEndEvent) => {
      endDrag();
      const specialistId = specialistIdOfDrag(active.id);
      if (specialistId && isKeyboard(activatorEvent)) focusRow(specialistId);
    },
    [endDrag],
  );

  const closeEditor = useCallback((closed: PendingDrop) => {
    setDrop(null);
    // Back where the drag began, so the next specialist is a few keys away; the card if the row scrolled away.
    if (!focusRow(closed.specialistId)) findByData('request-card', 'requestId', closed.target.requestId)?.focus({ preventScroll: true });
  }, []);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={planningCollision}
      modifiers={[besideCursor]}
      accessibility={{ announcements, screenReaderInstructions: instructions, restoreFocus: false }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      // Lanes scroll when the pointer nears their edge; a narrow band, so aiming at a card low in a lane does not scroll it away.
      autoScroll={{ threshold: { x: 0.06, y: 0.08 }, acceleration: 6 }}
    >
      {children}
      <HoveredDroppable />
      {/* The list is windowed: the row may unmount while scrolled away, the overlay stays. */}
      <DragOverlay dropAnimation={null} style={{ width: 'auto', height: 'auto', pointerEvents: 'none' }}>
        {dragging ? <DragChip specialistId={dragging} /> : null}
      </DragOverlay>
      {drop && <DropEditor key={`${drop.specialistId}>${drop.target.requestId}`} drop={drop} onClose={closeEditor} />}
    </DndContext>
  );
}

function focusRow(specialistId: string): boolean {
  const row = findByData('specialist-row', 'specialistId', specialistId);
  row?.focus({ preventScroll: true });
  return row !== null;
}

function DragChip({ specialistId }: { specialistId: string }) {
  const name = useStore((s) => s.specialistsById[specialistId]?.name ?? specialistId);
  const department = useStore((s) => s.specialistsById[specialistId]?.department ?? '');
  return (
    <div className="drag-chip" data-testid="drag-chip">
      <span className="drag-chip-name">{name}</span>
      <span className="drag-chip-dept">{department}</span>
    </div>
  );
}
