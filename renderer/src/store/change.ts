// Applies what a change did to the screen without reloading the plan: the backend answers
// every write with fresh rows for the specialists, cards and timeline rows it touched, and
// the flags in its scope. A failed write puts the screen back to what is saved.
import type { ApiInput, ApiName, ChangeResult } from '../../../shared/api';
import { invoke, toUiError } from '../api/client';
import { flagState, refresh } from './actions';
import { patchFlags } from './flag-patch';
import { nextChangeSeq } from './last-change';
import { reloadAfterChange } from './requests';
import { useStore } from './store';
import type { AppState } from './types';

type ChangeOp =
  | 'allocations-assign'
  | 'allocations-update'
  | 'allocations-move'
  | 'allocations-set-status'
  | 'allocations-delete'
  | 'history-undo'
  | 'history-redo';

/**
 * Runs one write. The screen changes only after the plan file did (the answer arrives
 * after the transaction committed), so what is shown is always on disk.
 */
export async function runChange<K extends ChangeOp & ApiName>(name: K, input: Omit<ApiInput<K>, 'view'>): Promise<ChangeResult | null> {
  const { from, to } = useStore.getState().weeks;
  try {
    const result = (await invoke(name, { ...input, view: { from, to } } as ApiInput<K>)) as ChangeResult;
    // An undo of a request edit may move requests in or out of the visible weeks: there is
    // nothing precise to patch, so everything shown is read again.
    if (result.reload) await reloadAfterChange(result.label, result.history);
    else applyChange(result);
    return result;
  } catch (e) {
    const error = toUiError(e);
    useStore.setState({ lastChange: { label: error.message, failed: true, seq: nextChangeSeq() } });
    await refresh();
    return null;
  }
}

export function applyChange(result: ChangeResult): void {
  useStore.setState((s) => {
    const patch: Partial<AppState> = {
      history: result.history,
      lastChange: { label: result.label, failed: false, seq: nextChangeSeq() },
    };
    if (result.specialists.length > 0) {
      const specialistsById = { ...s.specialistsById };
      for (const row of result.specialists) if (specialistsById[row.id]) specialistsById[row.id] = row;
      patch.specialistsById = specialistsById;
    }
    if (result.cards.length > 0) {
      const requestsById = { ...s.requestsById };
      for (const card of result.cards) if (requestsById[card.id]) requestsById[card.id] = card;
      patch.requestsById = requestsById;
    }
    if (result.timeline.length > 0) {
      const timelineRowsByRef = { ...s.timelineRowsByRef };
      for (const row of result.timeline) if (timelineRowsByRef[row.ref]) timelineRowsByRef[row.ref] = row;
      patch.timelineRowsByRef = timelineRowsByRef;
    }
    Object.assign(patch, flagState(patchFlags(s.flags, result.flags)));
    return patch;
  });
}

export async function loadHistoryState(): Promise<void> {
  try {
    useStore.setState({ history: await invoke('history-state', {}) });
  } catch {
    // No plan open: the history buttons stay disabled.
  }
}

export const undo = (): Promise<ChangeResult | null> => runChange('history-undo', {});
export const redo = (): Promise<ChangeResult | null> => runChange('history-redo', {});
