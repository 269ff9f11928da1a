// Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS, Ctrl+Y too) anywhere on the page except in a text
// field, where the keys belong to the field. One handler per page: a second one registered
// elsewhere sees `defaultPrevented` and stays out of the way.
import { useEffect } from 'react';
import { redo, undo } from '../store/change';
import { useStore } from '../store';

export type UndoRedoKey = 'undo' | 'redo' | null;

/** Which history step a key press asks for, if any. */
export function undoRedoKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): UndoRedoKey {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

// Steps run one after another: a held-down Ctrl+Z must not send overlapping writes.
let queue: Promise<unknown> = Promise.resolve();

export function useUndoRedoKeys(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextField(e.target)) return;
      const step = undoRedoKey(e);
      if (!step) return;
      e.preventDefault();
      queue = queue.then(() => {
        const { history } = useStore.getState();
        if (step === 'undo' ? !history.canUndo : !history.canRedo) return null;
        return step === 'undo' ? undo() : redo();
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
