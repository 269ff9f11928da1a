// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { countText } from '../../renderer/src/model/format';
import { resetStore, useStore } from '../../renderer/src/store';
import { editorFromLocation } from '../../renderer/src/store/requests-slice';
import { viewFromLocation } from '../../renderer/src/store/slices';
import { REQUEST_ROW_HEIGHT } from '../../renderer/src/views/requests/RequestsTable';
import * as rf from './request-fixtures';
import { choose, click, key, settle, typeInto } from './request-fixtures';

await vi.hoisted(async () => (await import('../helpers/clock')).pinDate());

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
rf.polyfillDialog();

const TOTAL = 5000;
/** What jsdom's unmeasured scroller shows (FALLBACK_VIEW, 800 px) plus the overscan either side. */
const MAX_ROWS_IN_DOM = Math.ceil(800 / REQUEST_ROW_HEIGHT) + 1 + 2 * 8;

let container: HTMLDivElement;
let root: Root;

async function mount() {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<App />));
  await settle();
}

const one = (sel: string) => {
  const el = document.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`nothing matches ${sel}`);
  return el;
};
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="request-row"]')];
const rowIds = () => rows().map((r) => r.dataset.requestId);
const shownText = () => one('[data-testid="request-count"]').textContent;

beforeEach(() => {
  resetStore();
  history.replaceState(null, '', '/');
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete window.tmPlanner;
});

describe('requests view', () => {
  it('opens from its tab, lists 5,000 requests with only a window of rows in the DOM', async () => {
    const calls = rf.requestsBridge({}, rf.requestsList(TOTAL));
    await mount();
    click(one('[data-testid="view-requests"]'));
    await settle();
    expect(location.hash).toBe('#requests');
    expect(calls.filter((c) => c.name === 'requests-list')).toHaveLength(1);

    const grid = one('[role="grid"]');
    expect(grid.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    expect(shownText()).toBe(`${countText(TOTAL)} requests`);
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    expect(rowIds().slice(0, 3)).toEqual(['R1', 'R2', 'R3']);
    // Each row says its place in the whole list to screen readers.
    expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('2');
  });

  it('filters by text, stage, status and requester, and says how many match', async () => {
    const list = rf.requestsList(TOTAL);
    rf.requestsBridge({}, list);
    useStore.setState({ mainView: 'requests' });
    await mount();

    typeInto(one('[data-testid="request-filter-text"]') as HTMLInputElement, 'number 4999');
    expect(rowIds()).toEqual(['R4999']);
    expect(shownText()).toBe(`1 of ${countText(TOTAL)} requests`);
    typeInto(one('[data-testid="request-filter-text"]') as HTMLInputElement, '');

    choose(one('[data-testid="request-filter-stage"]') as HTMLSelectElement, 'operation');
    choose(one('[data-testid="request-filter-status"]') as HTMLSelectElement, 'approved');
    choose(one('[data-testid="request-filter-requester"]') as HTMLSelectElement, 'Sven Olsen');
    const expected = list.requests.filter((r) => r.stage === 'operation' && r.status === 'approved' && r.requester === 'Sven Olsen');
    expect(expected.length).toBeGreaterThan(0);
    expect(shownText()).toBe(`${countText(expected.length)} of ${countText(TOTAL)} requests`);
    expect(rowIds()).toEqual(expected.slice(0, rows().length).map((r) => r.id));
    for (const r of rows()) expect(r.textContent).toContain('Operation');

    click(one('.rq-filters .link-button'));
    expect(shownText()).toBe(`${countText(TOTAL)} requests`);
  });

  it('sorts by a clicked column header, and says so with aria-sort', async () => {
    const list = rf.requestsList(TOTAL);
    rf.requestsBridge({}, list);
    useStore.setState({ mainView: 'requests' });
    await mount();
    const header = (k: string) => one(`[role="columnheader"][data-sort-key="${k}"]`);
    expect(header('id').getAttribute('aria-sort')).toBe('ascending');

    click(header('cost').querySelector('button')!);
    expect(header('cost').getAttribute('aria-sort')).toBe('ascending');
    expect(header('id').hasAttribute('aria-sort')).toBe(false);
    const byCost = [...list.requests].sort((a, b) => a.costMinor - b.costMinor);
    expect(rowIds().slice(0, 3)).toEqual(byCost.slice(0, 3).map((r) => r.id));

    click(header('cost').querySelector('button')!);
    expect(header('cost').getAttribute('aria-sort')).toBe('descending');
    expect(rowIds()[0]).toBe(byCost.at(-1)!.id);
  });

  it('moves focus with the arrow keys, Home and End, and opens the focused request with Enter', async () => {
    const calls = rf.requestsBridge({}, rf.requestsList(TOTAL));
    useStore.setState({ mainView: 'requests' });
    await mount();
    const first = rows()[0]!;
    expect(first.tabIndex).toBe(0);
    expect(rows()[1]!.tabIndex).toBe(-1);
    act(() => first.focus());
    key(first, 'ArrowDown');
    key(document.activeElement!, 'ArrowDown');
    expect((document.activeElement as HTMLElement).dataset.requestId).toBe('R3');
    key(document.activeElement!, 'ArrowUp');
    expect((document.activeElement as HTMLElement).dataset.requestId).toBe('R2');

    // The last row is far outside the window: the list scrolls to it, then it takes focus.
    key(document.activeElement!, 'End');
    await settle(2);
    expect((document.activeElement as HTMLElement).dataset.requestId).toBe(`R${TOTAL}`);
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    key(document.activeElement!, 'Home');
    await settle(2);
    expect((document.activeElement as HTMLElement).dataset.requestId).toBe('R1');

    key(document.activeElement!, 'ArrowDown');
    key(document.activeElement!, 'Enter');
    await settle();
    expect(calls.filter((c) => c.name === 'requests-get').at(-1)?.input).toEqual({ ref: 2 });
    expect(one('[data-testid="request-editor"]').dataset.requestId).toBe('R2');
    expect(location.hash).toBe('#requests/R2');

    // Back to the list, filters and all.
    click(one('[data-testid="editor-close"]'));
    await settle();
    expect(location.hash).toBe('#requests');
    expect(rows().length).toBeGreaterThan(0);
  });

  it('a click opens a request, and a reload of its address opens it again', async () => {
    const calls = rf.requestsBridge({}, rf.requestsList(40));
    useStore.setState({ mainView: 'requests' });
    await mount();
    click(rows()[4]!);
    await settle();
    expect(location.hash).toBe('#requests/R5');

    // A reload: the store starts from the address.
    act(() => root.unmount());
    container.remove();
    resetStore();
    useStore.setState({ mainView: viewFromLocation(), editor: editorFromLocation() });
    expect(useStore.getState().mainView).toBe('requests');
    await mount();
    expect(calls.filter((c) => c.name === 'requests-get').at(-1)?.input).toEqual({ ref: 5 });
    expect(one('[data-testid="request-editor"]').dataset.requestId).toBe('R5');

    // An address naming no request says so.
    act(() => root.unmount());
    container.remove();
    history.replaceState(null, '', '#requests/R999');
    resetStore();
    useStore.setState({ mainView: viewFromLocation(), editor: editorFromLocation() });
    await mount();
    expect(one('[data-testid="request-editor"]').textContent).toContain('There is no request R999 in this plan.');
  });
});
