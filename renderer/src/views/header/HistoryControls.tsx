import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useUndoRedoKeys } from '../../hooks/useUndoRedoKeys';
import { redo, undo } from '../../store/change';
import { useStore } from '../../store';
import { isMac } from '../../model/platform';
import '../planning/planning.css';

/** Undo and Redo, titled with what they would undo or redo; the keys work anywhere outside a text field. */
export function HistoryControls() {
  const { canUndo, canRedo, undoLabel, redoLabel } = useStore(useShallow((s) => s.history));
  const [busy, setBusy] = useState(false);
  useUndoRedoKeys();
  const mod = isMac() ? '⌘' : 'Ctrl+';

  async function step(fn: () => Promise<unknown>) {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="history-controls" role="group" aria-label="History">
      <button
        type="button"
        onClick={() => void step(undo)}
        disabled={!canUndo || busy}
        title={canUndo ? `Undo: ${undoLabel} (${mod}Z)` : 'Nothing to undo'}
        aria-keyshortcuts={isMac() ? 'Meta+Z' : 'Control+Z'}
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => void step(redo)}
        disabled={!canRedo || busy}
        title={canRedo ? `Redo: ${redoLabel} (${mod}${isMac() ? '⇧Z' : 'Shift+Z'})` : 'Nothing to redo'}
        aria-keyshortcuts={isMac() ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
      >
        Redo
      </button>
      <LastChange />
    </div>
  );
}

/**
 * What the last change did, or why it failed, as a toast at the foot of the window. A
 * success fades after a while; a failure is an alert that stays until dismissed or until
 * the next change: the write did not happen and the screen was put back to what is saved.
 */
function LastChange() {
  const last = useStore((s) => s.lastChange);
  const [gone, setGone] = useState<number | null>(null);
  useEffect(() => {
    if (!last || last.failed) return;
    const t = setTimeout(() => setGone(last.seq), 8000);
    return () => clearTimeout(t);
  }, [last]);
  const hidden = last === null || gone === last.seq;
  return (
    <div
      className={`last-change${last?.failed ? ' is-failed' : ''}${hidden ? ' is-gone' : ''}`}
      data-testid="last-change"
      data-failed={last?.failed || undefined}
      role={last?.failed ? 'alert' : 'status'}
    >
      {last && (
        <>
          <span className="last-change-text">
            {last.failed ? `Not saved: ${withStop(last.label)} The plan is as it was before.` : last.label}
          </span>
          {last.failed && !hidden && (
            <button type="button" className="link-button" onClick={() => setGone(last.seq)}>
              Dismiss
            </button>
          )}
        </>
      )}
    </div>
  );
}

const withStop = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
