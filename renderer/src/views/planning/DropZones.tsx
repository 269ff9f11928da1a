// Drop targets. They are plain elements, not dnd-kit droppables (drop-targets.ts says why):
// each hears only of changes to itself, so a drag start or a move between targets re-renders
// the two targets concerned and nothing else; their children are elements made by the
// (memoised) card, so the card content never re-renders.
import { useDroppable } from '@dnd-kit/core';
import { useCallback, useLayoutEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { dropId, planDrop, previewParts, type DropTarget } from './drop-plan';
import { DROP_ID_ATTRIBUTE, DROP_STAGE_ATTRIBUTE, hoveredTarget, specialistOver, subscribeHovered, subscribeTarget } from './drop-targets';

function useDropTarget(target: DropTarget, stage: string) {
  const id = dropId(target);
  const subscribe = useCallback((listener: () => void) => subscribeTarget(id, listener), [id]);
  const specialistId = useSyncExternalStore(subscribe, () => specialistOver(id));
  return { attributes: { [DROP_ID_ATTRIBUTE]: id, [DROP_STAGE_ATTRIBUTE]: stage }, specialistId };
}

/**
 * The one droppable dnd-kit knows of: the target the drag is on, registered under that
 * target's id, so dnd-kit's `over`, its announcements and the drop name the right target.
 */
export function HoveredDroppable() {
  const hovered = useSyncExternalStore(subscribeHovered, hoveredTarget);
  const { setNodeRef } = useDroppable({ id: hovered?.id ?? 'no-target', data: hovered?.data, disabled: !hovered });
  useLayoutEffect(() => setNodeRef(hovered?.element ?? null), [hovered, setNodeRef]);
  return null;
}

export function CardDropZone(props: { requestId: string; stage: string; highlighted: boolean; labelledBy: string; children: ReactNode }) {
  const { requestId, stage, highlighted, labelledBy, children } = props;
  const { attributes, specialistId } = useDropTarget({ kind: 'card', requestId }, stage);
  return (
    <article
      {...attributes}
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
  const { attributes, specialistId } = useDropTarget({ kind: 'line', requestId, lineRef }, stage);
  return (
    <li
      {...attributes}
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

/**
 * "Ana: 44 of 40 h in W49, over · +1,280.00 EUR, 104% of budget" on the hovered target;
 * screen readers hear it from the announcement.
 */
function DropPreview({ specialistId, target }: { specialistId: string; target: DropTarget }) {
  const { load, cost, state, budget } = useStore(
    useShallow((s) => {
      const plan = planDrop(s, specialistId, target);
      const parts = plan ? previewParts(plan) : null;
      return {
        load: parts?.load ?? null,
        cost: parts?.cost ?? '',
        state: plan?.effect?.state ?? 'fits',
        budget: plan?.cost.state ?? 'none',
      };
    }),
  );
  if (load === null) return null;
  // The cost takes a line of its own, so a narrow card shows all of it; the hidden separator
  // keeps the text one sentence: "Ana: 44 of 40 h in W49, over · +1,280.00 EUR, 104% of budget".
  return (
    <span className={`drop-preview drop-preview-${state}`} data-testid="drop-preview" data-budget-state={budget} aria-hidden="true">
      <span className="drop-preview-load">{load}</span>
      {cost && (
        <>
          <span className="drop-preview-sep"> · </span>
          <span className="drop-preview-cost">{cost}</span>
        </>
      )}
    </span>
  );
}
