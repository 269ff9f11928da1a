// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { resetStore, setWeeks, useStore } from '../../renderer/src/store';
import { addIsoWeeks } from '../../shared/domain';
import { pinDate, TEST_WEEK } from '../helpers/clock';
import { ApiError } from '../../shared/api/errors';
import * as fx from './fixtures';

// The day the store's default weeks are worked out from, before the imports above run.
await vi.hoisted(async () => (await import('../helpers/clock')).pinDate());

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Handler = fx.Handler;

function bridge(overrides: Record<string, Handler> = {}) {
  const handlers: Record<string, Handler> = {
    'plan-info': () => fx.plan,
    'board-get': (i) => fx.board(String(i.from), String(i.to)),
    'specialists-list': (i) => fx.specialists(String(i.from), String(i.to)),
    'flags-list': () => fx.flags(),
    ...overrides,
  };
  return fx.fakeBridge(handlers);
}

let container: HTMLDivElement;
let root: Root;

async function mount() {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<App />));
  // Let plan-info, then the three loads, settle.
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const q = (sel: string) => container.querySelectorAll<HTMLElement>(sel);

beforeEach(() => {
  resetStore();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete window.tmPlanner;
  pinDate();
});

describe('App, read-only board', () => {
  it('loads the plan, titles the page and shows the visible weeks from this week on', async () => {
    const calls = bridge();
    await mount();
    expect(document.title).toBe('TM Planner — Test plan');
    const from = TEST_WEEK;
    const to = addIsoWeeks(from, 7);
    expect(calls.find((c) => c.name === 'board-get')?.input).toEqual({ from, to });
    expect(calls.find((c) => c.name === 'specialists-list')?.input).toEqual({ from, to });
    expect(calls.find((c) => c.name === 'flags-list')?.input).toEqual({ from, to });
  });

  it('puts request cards in their lanes with the stable hooks', async () => {
    bridge();
    await mount();
    for (const lane of ['design', 'transition', 'operation']) expect(q(`[data-testid="lane-${lane}"]`)).toHaveLength(1);
    const design = container.querySelector('[data-testid="lane-design"]')!;
    const cards = design.querySelectorAll<HTMLElement>('[data-testid="request-card"]');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.dataset.requestId).toBe('REQ-1');
    expect(cards[0]!.textContent).toContain('PostgreSQL L3+ 16 h/wk: 8 of 16 h');
    expect(cards[0]!.textContent).toContain('Ana Souza');
    const overrun = container.querySelector('[data-request-id="REQ-2"]')!;
    expect(overrun.textContent).toContain('Cost 13,000.01 of 12,000.00 EUR (108%)');
    expect(overrun.querySelector('.budget-overrun')).not.toBeNull();
  });

  it('lists specialists with free hours and over-allocation in red with the % text', async () => {
    bridge();
    await mount();
    const rows = q('[data-testid="specialist-row"]');
    expect(rows).toHaveLength(2);
    const ana = [...rows].find((r) => r.dataset.specialistId === 'E1')!;
    const first = ana.querySelector('.week-bar')!;
    expect(first.className).toContain('band-over');
    expect(first.textContent).toBe('110%');
    expect(ana.querySelectorAll('.week-bar')[1]!.textContent).toBe('24');
  });

  it('counts flags and takes a click to the subject', async () => {
    bridge();
    await mount();
    expect(container.querySelector('[data-testid="flag-count"]')!.textContent).toBe('2');
    const items = q('[data-testid="flag-item"]');
    expect([...items].map((i) => i.dataset.flagKind)).toEqual(['over_allocation', 'cost_overrun']);

    await act(async () => items[1]!.click());
    const card = container.querySelector<HTMLElement>('[data-request-id="REQ-2"][data-testid="request-card"]')!;
    expect(card.dataset.highlighted).toBe('true');
    expect(document.activeElement).toBe(card);

    await act(async () => items[0]!.click());
    await act(async () => new Promise<void>((r) => requestAnimationFrame(() => r())));
    const row = container.querySelector<HTMLElement>('[data-testid="specialist-row"][data-specialist-id="E1"]')!;
    expect(row.dataset.highlighted).toBe('true');
    expect(card.dataset.highlighted).toBeUndefined();
  });

  it('renders only a window of a long specialists list', async () => {
    bridge({ 'specialists-list': (i) => fx.specialists(String(i.from), String(i.to), 2000) });
    await mount();
    expect(container.querySelector('.specialists-panel .panel-count')!.textContent).toMatch(/2.?000/);
    const rendered = q('[data-testid="specialist-row"]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
  });

  it('moves the weeks and reloads, refusing a reversed range', async () => {
    const calls = bridge();
    await mount();
    calls.length = 0;
    await act(async () => {
      expect(await setWeeks('2027-W01', '2027-W04')).toBeNull();
    });
    expect(calls.map((c) => c.name).sort()).toEqual(['board-get', 'flags-list', 'specialists-list']);
    expect(calls[0]!.input).toEqual({ from: '2027-W01', to: '2027-W04' });
    expect(await setWeeks('2027-W05', '2027-W04')).toMatch(/must not be after/);
    expect(useStore.getState().weeks.list).toHaveLength(4);
  });

  it('shows the API message when no plan is open', async () => {
    bridge({
      'plan-info': () => {
        throw new ApiError('no-plan-open', 'No plan is open: open or create one from the File menu.');
      },
    });
    await mount();
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('No plan is open');
    expect(alert.textContent).toContain('open or create one from the File menu.');
    expect(q('[data-testid="request-card"]')).toHaveLength(0);
  });

  it('shows an area error where a load failed and keeps the rest', async () => {
    bridge({
      'flags-list': () => {
        throw new ApiError('internal', 'Flags exploded.');
      },
    });
    await mount();
    expect(container.querySelector('.flags-panel [role="alert"]')!.textContent).toContain('Flags exploded.');
    expect(q('[data-testid="request-card"]').length).toBe(3);
  });
});
