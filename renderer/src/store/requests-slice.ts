// The requests view's and the request editor's state. Its actions are in ./requests, so that
// the store (which combines this slice) and the actions (which use the store) import each
// other in one direction only.
import type { StateCreator } from 'zustand';
import type { AppState, EditorTarget, RequestFilters, RequestSort, RequestsSlice } from './types';

export const NO_REQUEST_FILTERS: RequestFilters = Object.freeze({ stage: '', status: '', requester: '', text: '' });
export const DEFAULT_REQUEST_SORT: RequestSort = Object.freeze({ key: 'id', direction: 'ascending' });

/** The address of a request in the requests view: #requests/R12. */
export const REQUESTS_HASH = '#requests';

export function requestHash(id: string | null): string {
  return id === null ? REQUESTS_HASH : `${REQUESTS_HASH}/${encodeURIComponent(id)}`;
}

/** The request named in the address, so a reload opens it again; a new, unsaved request has no address. */
export function editorFromLocation(): EditorTarget | null {
  if (typeof location === 'undefined') return null;
  const m = /^#requests\/(.+)$/.exec(location.hash);
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  return { place: 'view', ref: null, id };
}

export const createRequestsSlice: StateCreator<AppState, [], [], RequestsSlice> = () => ({
  requestList: null,
  requestListError: null,
  requestListLoading: false,
  requestFilters: NO_REQUEST_FILTERS,
  requestSort: DEFAULT_REQUEST_SORT,
  editor: editorFromLocation(),
  editorDetail: null,
  editorError: null,
  editorVersion: 0,
  skills: [],
});
