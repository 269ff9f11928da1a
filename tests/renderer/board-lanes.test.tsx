// @vitest-environment jsdom
// A lane of hundreds of cards renders its first cards at once and the rest a slice at a
// time: every request still ends up on the board, and a flag's card is there at once.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardView } from '../../shared/api';
import { weekRange } from '../../shared/domain';
import { App } from '../../renderer/src/App';
import { resetStore, showFlagSubject, useStore } from '../../renderer/src/store';
import { CARDS_PER_SLICE, FIRST_CARDS } from '../../renderer/src/views/board/Lane';
import * as fx from './fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const FROM = '2026-W48';
const TO = '2026-W51';
const MANY = FIRST_CARDS + 4 * CARDS_PER_SLICE + 5;

function bigBoard(): BoardView {
  const base = fx.board(FROM, TO);
  const requests = Array.from({ length: MANY }, (_, i) => fx.card({ id: `REQ-${1000 + i}`, stage: 'design' }));
  return { ...base, lanes: [{ stage: 'design', requests }, ...base.lanes.filter((l) => l.stage !== 'design')] };
}

let container: HTMLDivElement;
let root: Root;
const designCards = () => [...container.querySelectorAll<HTMLElement>('[data-testid="lane-design"] [data-testid="request-card"]')];
const frame = () => act(async () => new Promise((r) => setTimeout(r, 20)));

beforeEach(async () => {
  resetStore();
  fx.fakeBridge({
    'plan-info': () => fx.plan,
    'board-get': () => bigBoard(),
    'specialists-list': (i) => fx.specialists(String(i.from), String(i.to), 3),
    'flags-list': () => fx.flags(),
    'history-state': () => ({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }),
  });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  useStore.setState({ weeks: { from: FROM, to: TO, list: weekRange(FROM, TO) } });
  await act(async () => root.render(<App />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete window.tmPlanner;
});

describe('a long lane', () => {
  it('shows its first cards at once, then every card, in lane order', async () => {
    for (let i = 0; i < 3 && designCards().length === 0; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(designCards().length).toBeGreaterThanOrEqual(FIRST_CARDS);
    expect(designCards().length).toBeLessThan(MANY);
    expect(container.querySelector('[data-testid="lane-design"] .lane-count')!.getAttribute('aria-label')).toBe(`${MANY} requests`);
    for (let i = 0; i < 50 && designCards().length < MANY; i++) await frame();
    expect(designCards().map((c) => c.dataset.requestId)).toEqual(Array.from({ length: MANY }, (_, i) => `REQ-${1000 + i}`));
  });

  it("renders a flag's card at once, however far down the lane it is", async () => {
    for (let i = 0; i < 3 && designCards().length === 0; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
    const last = `REQ-${1000 + MANY - 1}`;
    expect(designCards().some((c) => c.dataset.requestId === last)).toBe(false);
    act(() =>
      showFlagSubject({
        kind: 'cost_overrun',
        week: null,
        specialistId: null,
        requestId: last,
        specialistRef: null,
        requestRef: null,
        detail: '',
      }),
    );
    const card = container.querySelector<HTMLElement>(`[data-testid="request-card"][data-request-id="${last}"]`);
    expect(card?.dataset.highlighted).toBe('true');
  });

  it('finds a card past the first ones with the search filter', async () => {
    for (let i = 0; i < 3 && designCards().length === 0; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
    const search = container.querySelector<HTMLInputElement>('.board-filters input[type="search"]')!;
    const last = `REQ-${1000 + MANY - 1}`;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(search, last);
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(designCards().map((c) => c.dataset.requestId)).toEqual([last]);
  });
});
