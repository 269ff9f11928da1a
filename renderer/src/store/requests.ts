// Module-level actions of the requests view and the request editor. Every write answers with
// the plan's undo state; after it the board, specialists, flags, the list and the open
// request are read again, since a request edit can change any of them.
import type { HistoryState, ImportApplied, ImportPreview, RequestWritten, StatusChanged } from '../../../shared/api';
import type { RequestFile, StaffingSummaryFile } from '../../../shared/exchange/request-file';
import type { RequestStatus } from '../../../shared/domain';
import { invoke, toUiError, type UiError } from '../api/client';
import type { SaveInput } from '../model/request-form';
import { refresh } from './actions';
import { noteChange } from './last-change';
import { requestHash } from './requests-slice';
import { useStore } from './store';
import { resetTimeline, setMainView } from './timeline';
import type { EditorTarget, MainView, RequestFilters, RequestSort } from './types';

export type Outcome<T> = { ok: true; result: T } | { ok: false; error: UiError };

// Only the answer to the newest question lands (a slow list must not overwrite a fresh one).
let listGeneration = 0;
let detailGeneration = 0;
let skillsGeneration = 0;

const fail = <T>(e: unknown): Outcome<T> => ({ ok: false, error: toUiError(e) });

function setAddress(hash: string): void {
  if (typeof history === 'undefined' || typeof location === 'undefined') return;
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}

export async function loadRequests(): Promise<void> {
  const mine = ++listGeneration;
  useStore.setState({ requestListLoading: true });
  try {
    const list = await invoke('requests-list', {});
    if (mine !== listGeneration) return;
    useStore.setState({ requestList: list, requestListError: null });
    resolveAddressedRequest();
  } catch (e) {
    if (mine === listGeneration) useStore.setState({ requestListError: toUiError(e) });
  } finally {
    if (mine === listGeneration) useStore.setState({ requestListLoading: false });
  }
}

/** An address (#requests/R12) names the request by id; the API takes its ref, which the list knows. */
function resolveAddressedRequest(): void {
  const { editor, requestList } = useStore.getState();
  if (!editor || editor.ref !== null || editor.id === null || !requestList) return;
  const row = requestList.requests.find((r) => r.id === editor.id);
  if (!row) {
    useStore.setState({
      editorDetail: null,
      editorError: { message: `There is no request ${editor.id} in this plan.`, code: 'not-found', details: [] },
    });
    return;
  }
  const target = { ...editor, ref: row.ref };
  useStore.setState({ editor: target });
  void loadEditorDetail(target);
}

export async function loadSkills(): Promise<void> {
  const mine = ++skillsGeneration;
  try {
    const { skills } = await invoke('skills-list', {});
    if (mine === skillsGeneration) useStore.setState({ skills });
  } catch {
    // The skill field still takes any name; the list only offers the plan's.
  }
}

/**
 * Reads the saved request for `target` (by default the open one). The target is set with the
 * answer, so a new request turns into the saved one in one step, with no empty moment between.
 */
async function loadEditorDetail(target: EditorTarget | null = useStore.getState().editor): Promise<void> {
  if (!target || target.ref === null) return;
  const mine = ++detailGeneration;
  try {
    const detail = await invoke('requests-get', { ref: target.ref });
    if (mine !== detailGeneration) return;
    useStore.setState((s) => ({
      editor: { ...target, id: detail.id },
      editorDetail: detail,
      editorError: null,
      editorVersion: s.editorVersion + 1,
    }));
  } catch (e) {
    // The target still moves on: a request saved but not read back must not be saved again as new.
    if (mine === detailGeneration) useStore.setState({ editor: target, editorDetail: null, editorError: toUiError(e) });
  }
}

function setEditor(editor: EditorTarget | null): void {
  ++detailGeneration;
  useStore.setState((s) => ({ editor, editorDetail: null, editorError: null, editorVersion: s.editorVersion + 1 }));
}

/** Opens a request in the editor: in the requests view (its address names it) or in a dialog over the board. */
export async function openRequest(request: { ref: number; id: string }, place: EditorTarget['place']): Promise<void> {
  setEditor({ place, ref: request.ref, id: request.id });
  if (place === 'view') {
    await setMainView('requests');
    setAddress(requestHash(request.id));
  }
  await Promise.all([loadEditorDetail(), loadSkills()]);
}

/** A new request in the editor; it has no address until it is saved. */
export async function openNewRequest(place: EditorTarget['place']): Promise<void> {
  setEditor({ place, ref: null, id: null });
  if (place === 'view') {
    await setMainView('requests');
    setAddress(requestHash(null));
  }
  await loadSkills();
}

export function closeEditor(): void {
  const place = useStore.getState().editor?.place;
  setEditor(null);
  if (place === 'view' && useStore.getState().mainView === 'requests') setAddress(requestHash(null));
}

/** A tab of the view switch: the requests tab shows the list, so a request open in it closes. */
export async function showView(view: MainView): Promise<void> {
  if (useStore.getState().editor?.place === 'view') setEditor(null);
  await setMainView(view);
  if (view === 'requests') setAddress(requestHash(null));
}

export const showRequestList = (): Promise<void> => showView('requests');

export function setRequestFilters(patch: Partial<RequestFilters>): void {
  useStore.setState((s) => ({ requestFilters: { ...s.requestFilters, ...patch } }));
}

export function setRequestSort(sort: RequestSort): void {
  useStore.setState({ requestSort: sort });
}

/** Reads again everything a request write can change: board, specialists, flags, the list, the open request. */
async function reloadAfterRequestWrite(): Promise<void> {
  const s = useStore.getState();
  await Promise.all([refresh(), s.requestList ? loadRequests() : null, s.editor?.ref != null ? loadEditorDetail() : null]);
}

/** The undo path's answer when a change reached beyond allocations (ChangeResult.reload). */
export async function reloadAfterChange(label: string, historyState: HistoryState): Promise<void> {
  noteChange(label, historyState);
  resetTimeline('rows');
  await reloadAfterRequestWrite();
}

/** Saves the open request (a new one becomes a draft); on success the editor shows it as saved. */
export async function saveRequest(input: SaveInput): Promise<Outcome<RequestWritten>> {
  const editor = useStore.getState().editor;
  if (!editor) return { ok: false, error: { message: 'No request is open.', code: null, details: [] } };
  let written: RequestWritten;
  try {
    written = await invoke('requests-save', { ...(editor.ref !== null ? { ref: editor.ref } : {}), ...input });
  } catch (e) {
    return fail(e);
  }
  noteChange(written.label, written.history);
  const target = useStore.getState().editor === editor ? { ...editor, ref: written.ref, id: written.id } : null;
  if (target?.place === 'view') setAddress(requestHash(written.id));
  const { requestList } = useStore.getState();
  await Promise.all([refresh(), requestList ? loadRequests() : null, target ? loadEditorDetail(target) : null]);
  return { ok: true, result: written };
}

export async function setRequestStatus(
  ref: number,
  to: RequestStatus,
  opts: { reason?: string | null; afterClosing?: 'delete' | 'keep' } = {},
): Promise<Outcome<StatusChanged>> {
  let changed: StatusChanged;
  try {
    changed = await invoke('requests-set-status', {
      ref,
      to,
      ...(opts.reason ? { reason: opts.reason } : {}),
      ...(opts.afterClosing ? { afterClosing: opts.afterClosing } : {}),
    });
  } catch (e) {
    return fail(e);
  }
  noteChange(changed.label, changed.history);
  await reloadAfterRequestWrite();
  return { ok: true, result: changed };
}

export async function exportRequest(ref: number): Promise<Outcome<{ fileName: string; file: RequestFile }>> {
  try {
    return { ok: true, result: await invoke('requests-export', { ref }) };
  } catch (e) {
    return fail(e);
  }
}

export async function staffingSummary(ref: number): Promise<Outcome<{ fileName: string; file: StaffingSummaryFile }>> {
  try {
    return { ok: true, result: await invoke('requests-summary', { ref }) };
  } catch (e) {
    return fail(e);
  }
}

export async function staffingSummaryPdf(ref: number): Promise<Outcome<{ fileName: string; pdfBase64: string }>> {
  try {
    return { ok: true, result: await invoke('requests-summary-pdf', { ref }) };
  } catch (e) {
    return fail(e);
  }
}

/** What importing a request file or staffing summary would change; nothing is written. */
export async function previewImport(text: string, fileName?: string): Promise<Outcome<ImportPreview>> {
  try {
    return { ok: true, result: await invoke('requests-import-preview', { text, ...(fileName ? { fileName } : {}) }) };
  } catch (e) {
    return fail(e);
  }
}

/**
 * Applies an import (one undoable step) and opens the request it changed. `expected` is what
 * the preview showed: if the plan changed since, the backend applies nothing.
 */
export async function applyImport(text: string, fileName?: string, expected?: string[]): Promise<Outcome<ImportApplied>> {
  let applied: ImportApplied;
  try {
    applied = await invoke('requests-import-apply', { text, ...(fileName ? { fileName } : {}), ...(expected ? { expected } : {}) });
  } catch (e) {
    return fail(e);
  }
  noteChange(applied.label, applied.history);
  const { editor, mainView } = useStore.getState();
  const place = editor?.place ?? (mainView === 'requests' ? 'view' : null);
  if (place && (editor?.ref !== applied.ref || editor.id !== applied.id)) {
    // The list and the rest are read again below, with the imported request open.
    setEditor({ place, ref: applied.ref, id: applied.id });
    if (place === 'view') setAddress(requestHash(applied.id));
  }
  await reloadAfterRequestWrite();
  return { ok: true, result: applied };
}
