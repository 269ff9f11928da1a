// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeResult, RequestCard, SpecialistRow } from '../../shared/api';
import { ApiError } from '../../shared/api/errors';
import { weekRange } from '../../shared/domain';
import { App } from '../../renderer/src/App';
import { resetStore, useStore } from '../../renderer/src/store';
import * as fx from './fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Handler = fx.Handler;
const FROM = '2026-W48';
const TO = '2026-W51';

function bridge(overrides: Record<string, Handler> = {}) {
  const handlers: Record<string, Handler> = {
    'plan-info': () => fx.plan,
    'board-get': (i) => fx.board(String(i.from), String(i.to)),
    'specialists-list': (i) => fx.specialists(String(i.from), String(i.to), 3),
    'flags-list': () => fx.flags(),
    'history-state': () => ({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }),
    ...overrides,
  };
  return fx.fakeBridge(handlers);
}

let container: HTMLDivElement;
let root: Root;

const settle = async (n = 5) => {
  for (let i = 0; i < n; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
};

async function mount() {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  // Fixed weeks, so the fixtures' demand lines (2026-W48..W49) are in view whatever today is.
  useStore.setState({ weeks: { from: FROM, to: TO, list: weekRange(FROM, TO) } });
  await act(async () => root.render(<App />));
  await settle();
}

const q = (sel: string) => container.querySelectorAll<HTMLElement>(sel);
const one = (sel: string) => container.querySelector<HTMLElement>(sel)!;
const row = (id: string) => one(`[data-testid="specialist-row"][data-specialist-id="${id}"]`);

function key(target: EventTarget, k: string, extra: KeyboardEventInit = {}) {
  const code = k === ' ' ? 'Space' : k;
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, bubbles: true, cancelable: true, ...extra }));
}

function typeInto(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function labelled(dialog: HTMLElement, text: string): HTMLInputElement {
  const label = [...dialog.querySelectorAll('label')].find((l) => l.textContent === text)!;
  return dialog.ownerDocument.getElementById(label.htmlFor) as HTMLInputElement;
}

beforeEach(() => resetStore());

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete window.tmPlanner;
});

describe('board filters', () => {
  it('narrows cards by text, status, priority and service, and says how many show', async () => {
    bridge();
    await mount();
    const search = container.querySelector<HTMLInputElement>('.board-filters input[type="search"]')!;
    await act(async () => typeInto(search, 'req-2'));
    expect([...q('[data-testid="request-card"]')].map((c) => c.dataset.requestId)).toEqual(['REQ-2']);
    expect(one('[data-testid="board-filter-count"]').textContent).toBe('1 of 3 requests');
    expect(one('[data-testid="lane-design"]').textContent).toContain('No request here matches the filters.');
    await act(async () => typeInto(search, ''));
    expect(q('[data-testid="request-card"]')).toHaveLength(3);

    const [status, priority] = [...container.querySelectorAll<HTMLSelectElement>('.board-filters select')];
    await act(async () => {
      status!.value = 'approved';
      status!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(q('[data-testid="request-card"]')).toHaveLength(3);
    await act(async () => {
      priority!.value = 'low';
      priority!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(q('[data-testid="request-card"]')).toHaveLength(0);
  });

  it('shows a flagged request even when the filters hid it', async () => {
    bridge();
    await mount();
    await act(async () => typeInto(container.querySelector<HTMLInputElement>('.board-filters input[type="search"]')!, 'REQ-1'));
    expect(q('[data-request-id="REQ-2"][data-testid="request-card"]')).toHaveLength(0);
    await act(async () => [...q('[data-testid="flag-item"]')].find((f) => f.dataset.flagKind === 'cost_overrun')!.click());
    await settle(2);
    expect(one('[data-request-id="REQ-2"][data-testid="request-card"]').dataset.highlighted).toBe('true');
  });
});

describe('specialists panel', () => {
  it('filters by name, department and skill level', async () => {
    bridge({
      'specialists-list': (i) => {
        const r = fx.specialists(String(i.from), String(i.to), 3);
        r.specialists[1]!.department = 'Storage';
        r.specialists[2]!.skills = [{ name: 'PostgreSQL', level: 2 }];
        return r;
      },
    });
    await mount();
    const ids = () => [...q('[data-testid="specialist-row"]')].map((r) => r.dataset.specialistId);
    const [department, skill, level] = [...container.querySelectorAll<HTMLSelectElement>('.specialist-filters select')];
    await act(async () => typeInto(container.querySelector<HTMLInputElement>('.specialist-filters input')!, 'ana'));
    expect(ids()).toEqual(['E1']);
    expect(one('[data-testid="specialist-count"]').textContent).toBe('1 of 3');
    await act(async () => typeInto(container.querySelector<HTMLInputElement>('.specialist-filters input')!, ''));
    await act(async () => {
      department!.value = 'Storage';
      department!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(ids()).toEqual(['E2']);
    await act(async () => {
      department!.value = '';
      department!.dispatchEvent(new Event('change', { bubbles: true }));
      skill!.value = 'PostgreSQL';
      skill!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(ids()).toEqual(['E1', 'E2', 'E3']);
    await act(async () => {
      level!.value = '3';
      level!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(ids()).toEqual(['E1', 'E2']);
  });

  it('ranks specialists by fit when a demand line is selected, and says why', async () => {
    bridge({
      'specialists-list': (i) => {
        const r = fx.specialists(String(i.from), String(i.to), 3);
        r.specialists[2]!.hourlyRateMinor = 5000;
        return r;
      },
    });
    await mount();
    const lineButton = one('[data-testid="demand-line"][data-demand-line-ref="1"] button');
    await act(async () => lineButton.click());
    expect(lineButton.getAttribute('aria-pressed')).toBe('true');
    const reasons = [...q('[data-testid="specialist-row"]')].map((r) => [
      r.dataset.specialistId,
      r.querySelector('[data-testid="fit-reason"]')?.textContent,
    ]);
    // Ana is over in W48, so she can take only 0 h there; the others tie on cover and the cheaper goes first.
    expect(reasons).toEqual([
      ['E3', 'PostgreSQL L4, 48 h free in W48–W49, 50.00/h'],
      ['E2', 'PostgreSQL L4, 48 h free in W48–W49, 80.00/h'],
      ['E1', 'PostgreSQL L4, 24 h free in W48–W49, 80.00/h'],
    ]);
    expect(one('[data-testid="ranking-note"]').textContent).toContain('REQ-1 PostgreSQL L3+');
    await act(async () => lineButton.click());
    expect(q('[data-testid="fit-reason"]')).toHaveLength(0);
  });
});

describe('keyboard drag, drop editor, history', () => {
  const after: SpecialistRow = {
    ...fx.specialists(FROM, TO, 3).specialists[1]!,
    weeks: weekRange(FROM, TO).map((week, j) => ({ week, capacity: 2400, allocated: j < 2 ? 960 + 2640 : 960, tentative: 0 })),
  };
  const card: RequestCard = {
    ...fx.board(FROM, TO).lanes[0]!.requests[0]!,
    people: [
      { specialistRef: 1, specialistId: 'E1', name: 'Ana Souza', minutes: 1440, tentativeMinutes: 0 },
      { specialistRef: 2, specialistId: 'E2', name: 'Specialist 2', minutes: 5280, tentativeMinutes: 0 },
    ],
  };
  const assigned: ChangeResult = {
    label: 'Assign Specialist 2 to REQ-1, 44.00 h in W48–W49',
    history: { canUndo: true, canRedo: false, undoLabel: 'Assign Specialist 2 to REQ-1, 44.00 h in W48–W49', redoLabel: null },
    specialists: [after],
    cards: [card],
    timeline: [],
    flags: {
      scope: { specialistWeeks: ['2|2026-W48', '2|2026-W49'], requestRefs: [1] },
      flags: ['2026-W48', '2026-W49'].map((week) => ({
        kind: 'over_allocation' as const,
        week,
        specialistId: 'E2',
        requestId: null,
        specialistRef: 2,
        requestRef: null,
        detail: 'Specialist 2: 76:00 of 40:00 h, 190%',
      })),
    },
  };

  async function dragToLine() {
    const r = row('E2');
    r.focus();
    await act(async () => key(r, ' '));
    await settle(2);
    // First target: the first card of the first lane; then its demand line.
    await act(async () => key(document, 'ArrowDown'));
    expect(one('[data-testid="request-card"][data-request-id="REQ-1"]').dataset.dropOver).toBe('true');
    await act(async () => key(document, 'ArrowDown'));
    await settle(1);
  }

  it('picks a specialist up with Space, moves with arrows, previews, and opens the editor on Enter', async () => {
    const calls = bridge({ 'allocations-assign': () => assigned });
    await mount();
    await dragToLine();
    const line = one('[data-testid="demand-line"][data-demand-line-ref="1"]');
    expect(line.dataset.dropOver).toBe('true');
    // 8 h in W48 and W49 at 80.00/h: +1,280.00 on REQ-1's 6,000.00 of 12,000.00.
    expect(line.querySelector('[data-testid="drop-preview"]')!.textContent).toBe(
      'Specialist: 24 of 40 h in W48 · +1,280.00 EUR, 61% of budget',
    );
    const live = document.querySelector('[id^="DndLiveRegion"]')!;
    expect(live.textContent).toBe('Specialist 2 is over REQ-1 PostgreSQL L3+: 24 of 40 h in W48, +1,280.00 EUR, 61% of budget.');

    await act(async () => key(document, 'Enter'));
    await settle(2);
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.textContent).toContain('Assign Specialist 2');
    const hours = labelled(dialog, 'Hours per week');
    // The lesser of the line's gap (8 h in W48) and the specialist's free time (24 h).
    expect(hours.value).toBe('8');
    expect(document.activeElement).toBe(hours);
    expect(labelled(dialog, 'From week').value).toBe('2026-W48');
    expect(labelled(dialog, 'To week').value).toBe('2026-W49');
    expect(dialog.querySelector<HTMLInputElement>('input[value="confirmed"]')!.checked).toBe(true);

    await act(async () => typeInto(hours, '7.333'));
    await act(async () => key(hours, 'Enter'));
    expect(dialog.querySelector('[role="alert"]')!.textContent).toContain('more than 2 decimal places');
    expect(calls.some((c) => c.name === 'allocations-assign')).toBe(false);

    await act(async () => typeInto(hours, '44'));
    expect(dialog.textContent).toContain('After saving: Specialist: 60 of 40 h in W48, over · +7,040.00 EUR, 109% of budget');
    await act(async () => key(hours, 'Enter'));
    await settle(3);
    expect(calls.find((c) => c.name === 'allocations-assign')!.input).toEqual({
      specialistRef: 2,
      requestRef: 1,
      demandLineRef: 1,
      weeks: ['2026-W48', '2026-W49'],
      minutesPerWeek: 2640,
      status: 'confirmed',
      view: { from: FROM, to: TO },
    });
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(row('E2'));
    // Patched in place: the flags, the specialist's bar, the card's people.
    expect(one('[data-testid="flag-count"]').textContent).toBe('4');
    expect(row('E2').querySelector('.week-bar')!.className).toContain('band-over');
    expect(one('[data-testid="request-card"][data-request-id="REQ-1"]').textContent).toContain('Specialist 2');
    expect(one('[data-testid="last-change"]').textContent).toBe(assigned.label);
  });

  it('cancels with Escape, in the drag and in the editor', async () => {
    const calls = bridge();
    await mount();
    await dragToLine();
    await act(async () => key(document, 'Escape'));
    await settle(1);
    expect(q('[data-drop-over]')).toHaveLength(0);
    expect(document.querySelector('[id^="DndLiveRegion"]')!.textContent).toBe('Cancelled: Specialist 2 was not assigned.');
    expect(document.activeElement).toBe(row('E2'));

    await dragToLine();
    await act(async () => key(document, ' '));
    await settle(2);
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    await act(async () => key(labelled(dialog, 'Hours per week'), 'Escape'));
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(calls.some((c) => c.name === 'allocations-assign')).toBe(false);
  });

  it('undoes and redoes with the keys and the header buttons, not while typing', async () => {
    const both = { canUndo: true, canRedo: true, undoLabel: 'Assign A', redoLabel: 'Assign B' };
    const calls = bridge({
      'history-state': () => ({ canUndo: true, canRedo: true, undoLabel: 'Assign A', redoLabel: 'Assign B' }),
      'history-undo': () => ({ ...assigned, label: 'Undo: Assign A', history: both }),
      'history-redo': () => ({ ...assigned, label: 'Redo: Assign B', history: both }),
    });
    await mount();
    const undo = [...q('button')].find((b) => b.textContent === 'Undo')!;
    expect(undo.title).toBe('Undo: Assign A (Ctrl+Z)');
    await act(async () => key(document.body, 'z', { ctrlKey: true }));
    await settle(2);
    expect(calls.filter((c) => c.name === 'history-undo')).toHaveLength(1);
    expect(one('[data-testid="last-change"]').textContent).toBe('Undo: Assign A');
    await act(async () => key(document.body, 'Z', { ctrlKey: true, shiftKey: true }));
    await settle(2);
    await act(async () => key(document.body, 'y', { ctrlKey: true }));
    await settle(2);
    expect(calls.filter((c) => c.name === 'history-redo')).toHaveLength(2);
    const search = container.querySelector<HTMLInputElement>('.board-filters input')!;
    await act(async () => key(search, 'z', { ctrlKey: true }));
    await settle(2);
    expect(calls.filter((c) => c.name === 'history-undo')).toHaveLength(1);
    await act(async () => [...q('button')].find((b) => b.textContent === 'Redo')!.click());
    await settle(2);
    expect(calls.filter((c) => c.name === 'history-redo')).toHaveLength(3);
  });

  it('says clearly when a write failed, and reloads what is saved', async () => {
    const calls = bridge({
      'history-state': () => ({ canUndo: true, canRedo: false, undoLabel: 'Assign A', redoLabel: null }),
      'history-undo': () => {
        throw new ApiError('internal', 'The plan file is read-only');
      },
    });
    await mount();
    calls.length = 0;
    await act(async () => key(document.body, 'z', { ctrlKey: true }));
    await settle(4);
    const status = one('[data-testid="last-change"]');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.querySelector('.last-change-text')!.textContent).toBe(
      'Not saved: The plan file is read-only. The plan is as it was before.',
    );
    await act(async () => status.querySelector('button')!.click());
    expect(status.className).toContain('is-gone');
    expect(calls.map((c) => c.name).sort()).toEqual(['board-get', 'flags-list', 'history-undo', 'specialists-list']);
  });
});

describe('planning safety in the drop editor', () => {
  /** Space on the specialist's row, one step down to REQ-1's card, Enter: the editor for a card drop. */
  async function dropOnCard(specialistId: string): Promise<HTMLElement> {
    const r = row(specialistId);
    r.focus();
    await act(async () => key(r, ' '));
    await settle(2);
    await act(async () => key(document, 'ArrowDown'));
    expect(one('[data-testid="request-card"][data-request-id="REQ-1"]').dataset.dropOver).toBe('true');
    expect(one('[data-testid="request-card"][data-request-id="REQ-1"] [data-testid="drop-preview"]').textContent).toMatch(
      /· \+[\d,]+\.\d\d EUR, \d+% of budget$/,
    );
    await act(async () => key(document, 'Enter'));
    await settle(2);
    return document.querySelector<HTMLElement>('[role="dialog"]')!;
  }
  const status = (dialog: HTMLElement) => dialog.querySelector('[role="status"]')!.textContent;

  it('shows the cost effect and keeps it up to date as hours and weeks change', async () => {
    bridge();
    await mount();
    const dialog = await dropOnCard('E2');
    // A card: the request's weeks in view (W48–W51), 8 h a week within 24 h free.
    expect(labelled(dialog, 'From week').value).toBe('2026-W48');
    expect(labelled(dialog, 'To week').value).toBe('2026-W51');
    expect(labelled(dialog, 'Hours per week').value).toBe('8');
    expect(one('[data-testid="drop-weeks"]').textContent).toBe('Writes 4 weeks: W48–W51.');
    // 4 × 8 h × 80.00 = 2,560.00 on 6,000.00 of a 12,000.00 budget: 8,560.00 = 71%.
    expect(status(dialog)).toBe('After saving: Specialist: 24 of 40 h in W48 · +2,560.00 EUR, 71% of budget');
    expect(dialog.querySelector('[data-testid="drop-cost"]')!.textContent).toBe('REQ-1 then costs 8,560.00 of 12,000.00 EUR budget.');

    await act(async () => typeInto(labelled(dialog, 'Hours per week'), '24'));
    // 4 × 24 h × 80.00 = 7,680.00: 13,680.00 = 114%, over the budget.
    expect(status(dialog)).toBe('After saving: Specialist: 40 of 40 h in W48, full · +7,680.00 EUR, 114% of budget');
    expect(dialog.querySelector('[data-testid="drop-cost"]')!.textContent).toBe(
      'REQ-1 then costs 13,680.00 of 12,000.00 EUR budget, over budget.',
    );
    await act(async () => typeInto(labelled(dialog, 'To week'), '2026-W48'));
    expect(status(dialog)).toBe('After saving: Specialist: 40 of 40 h in W48, full · +1,920.00 EUR, 66% of budget');
    expect(one('[data-testid="drop-weeks"]').textContent).toBe('Writes 1 week: W48.');
  });

  it('warns about weeks outside the request, offers to clip them, and refuses more weeks than the board shows', async () => {
    const calls = bridge();
    await mount();
    const dialog = await dropOnCard('E2');
    await act(async () => typeInto(labelled(dialog, 'From week'), '2026-W46'));
    await act(async () => typeInto(labelled(dialog, 'To week'), '2026-W49'));
    const warning = one('[data-testid="weeks-outside"]');
    expect(warning.textContent).toBe(
      "2 of 4 weeks are outside REQ-1's 2026-W48..2026-W51: they will raise an outside-window flag. Clip to 2026-W48..2026-W49",
    );
    await act(async () => warning.querySelector('button')!.click());
    expect(labelled(dialog, 'From week').value).toBe('2026-W48');
    expect(labelled(dialog, 'To week').value).toBe('2026-W49');
    expect(container.ownerDocument.querySelector('[data-testid="weeks-outside"]')).toBeNull();

    // The issue: two years typed on a request that runs 4 weeks. Outside it, at most the 4 visible weeks.
    await act(async () => typeInto(labelled(dialog, 'To week'), '2028-W47'));
    expect(one('[data-testid="drop-weeks"]').textContent).toContain(
      "At most 4 weeks (as many as the board shows) when the weeks reach outside REQ-1's 2026-W48..2026-W51.",
    );
    expect(one('[data-testid="weeks-outside"]').textContent).toMatch(/^101 of 105 weeks are outside REQ-1's/);
    await act(async () => key(labelled(dialog, 'Hours per week'), 'Enter'));
    expect(dialog.querySelector('[role="alert"]')!.textContent).toBe(
      "At most 4 weeks (as many as the board shows) when the weeks reach outside REQ-1's 2026-W48..2026-W51.",
    );
    expect(calls.some((c) => c.name === 'allocations-assign')).toBe(false);
  });

  it('proposes 0 h to a specialist with no free hours, says why, and refuses to save 0', async () => {
    const calls = bridge({
      'specialists-list': (i) => {
        const r = fx.specialists(String(i.from), String(i.to), 3);
        r.specialists[1]!.weeks[1]!.allocated = 2400; // Specialist 2 is full in W49
        return r;
      },
    });
    await mount();
    const dialog = await dropOnCard('E2');
    const hours = labelled(dialog, 'Hours per week');
    expect(hours.value).toBe('0');
    expect(one('[data-testid="no-free-hours"]').textContent).toBe('No free hours in W49: any hours will over-allocate Specialist.');
    await act(async () => key(hours, 'Enter'));
    expect(dialog.querySelector('[role="alert"]')!.textContent).toBe('0 h assigns nothing: enter the hours per week to assign, or Cancel.');
    expect(calls.some((c) => c.name === 'allocations-assign')).toBe(false);
    // Leaving out the full week gives the free hours back.
    await act(async () => typeInto(labelled(dialog, 'To week'), '2026-W48'));
    await act(async () => typeInto(hours, '8'));
    expect(container.ownerDocument.querySelector('[data-testid="no-free-hours"]')).toBeNull();
    expect(dialog.textContent).toContain('(least free: 24 h in W48).');
  });
});
