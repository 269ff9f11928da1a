import type { HistoryState } from '../../../shared/api';
import { useStore } from './store';

let changeSeq = 0;

/** A number no earlier change had: the toast and the timeline tell one change from the next by it. */
export function nextChangeSeq(): number {
  return ++changeSeq;
}

/** Records what a write did (or why it failed) and the plan's undo state after it. */
export function noteChange(label: string, history?: HistoryState, failed = false): void {
  useStore.setState({
    ...(history ? { history } : {}),
    lastChange: { label, failed, seq: nextChangeSeq() },
  });
}
