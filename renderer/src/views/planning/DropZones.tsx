// Thin droppable wrappers. dnd-kit re-renders every droppable when the hovered target
// changes; these components hold nothing but the element and its preview, and their
// children are elements made by the (memoised) card, so the card content never re-renders.
import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { DROP_ID_ATTRIBUTE } from './sensing';
import { dropId, planDrop, previewText, specialistIdOfDrag, type DropData, type DropTarget } from './drop-plan';

function useDropTarget(target: DropTarget, stage: string) {
  const id = dropId(target);
  const data: DropData = { target, stage };
  const { setNodeRef, isOver, active } = useDroppable({ id, data });
  const specialistId = isOver && active ? specialistIdOfDrag(active.id) : null;
  return { id, setNodeRef, specialistId };
}

export function CardDropZone(props: { requestId: string; stage: string; highlighted: boolean; labelledBy: string; children: ReactNode }) {
  const { requestId, stage, highlighted, labelledBy, children } = props;
  const { id, setNodeRef, specialistId } = useDropTarget({ kind: 'card', requestId }, stage);
  return (
    <article
      ref={setNodeRef}
      {...{ [DROP_ID_ATTRIBUTE]: id }}
      className={`card${highlighted ? ' is-highlighted' : ''}${specialistId ? ' is-drop-over' : ''}`}
      data-testid="request-card"
      data-request-id={requestId}
      data-highlighted={highlighted || undefined}
      data-drop-over={specialistId ? true : undefined}
      aria-labelledby={labelledBy}
      // Focusable so the keyboard can reach a card; dragging reaches it with the arrow keys.
      tabIndex={0}
    >
      {children}
      {specialistId && <DropPreview specialistId={specialistId} target={{ kind: 'card', requestId }} />}
    </article>
  );
}

export function LineDropZone(props: { requestId: string; lineRef: number; stage: string; className: string; children: ReactNode }) {
  const { requestId, lineRef, stage, className, children } = props;
  const { id, setNodeRef, specialistId } = useDropTarget({ kind: 'line', requestId, lineRef }, stage);
  return (
    <li
      ref={setNodeRef}
      {...{ [DROP_ID_ATTRIBUTE]: id }}
      className={`${className}${specialistId ? ' is-drop-over' : ''}`}
      data-testid="demand-line"
      data-demand-line-ref={lineRef}
      data-drop-over={specialistId ? true : undefined}
    >
      {children}
      {specialistId && <DropPreview specialistId={specialistId} target={{ kind: 'line', requestId, lineRef }} />}
    </li>
  );
}

/** "Ana: 44 of 40 h in W49, over" on the hovered target; screen readers hear it from the announcement. */
function DropPreview({ specialistId, target }: { specialistId: string; target: DropTarget }) {
  const { text, state } = useStore(
    useShallow((s) => {
      const plan = planDrop(s, specialistId, target);
      return { text: plan ? previewText(plan) : null, state: plan?.effect?.state ?? 'fits' };
    }),
  );
  if (!text) return null;
  return (
    <span className={`drop-preview drop-preview-${state}`} data-testid="drop-preview" aria-hidden="true">
      {text}
    </span>
  );
}
