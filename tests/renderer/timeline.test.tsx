// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeResult, TimelineRow } from '../../shared/api';
import { ApiError } from '../../shared/api/errors';
import { addIsoWeeks, weekRange } from '../../shared/domain';
import { pinDate, TEST_WEEK } from '../helpers/clock';
import { App } from '../../renderer/src/App';
import { gridWindow } from '../../renderer/src/hooks/useGridWindow';
import { QUERY_DELAY_MS } from '../../renderer/src/views/timeline/Timeline';
import { undoRedoKey } from '../../renderer/src/hooks/useUndoRedoKeys';
import { resetStore, setWeeks, useStore } from '../../renderer/src/store';
import { ensureTimelineRows, resetTimeline, setMainView, setTimelineSpan, TIMELINE_PAGE } from '../../renderer/src/store/timeline';
import { cellView, checkHours, defaultSplitMinutes, defaultSplitWeek, dropPreview } from '../../renderer/src/views/timeline/model';
import { loadBand } from '../../renderer/src/model/format';
import * as fx from './fixtures';

// The day the store's default weeks are worked out from, before the imports above run.
await vi.hoisted(async () => (await import('../helpers/clock')).pinDate());

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('timeline model', () => {
  it('colours a cell by how full the week is', () => {
    expect(loadBand(0, 2400)).toBe('free');
    expect(loadBand(960, 2400)).toBe('available');
    expect(loadBand(1920, 2400)).toBe('busy');
    expect(loadBand(2400, 2400)).toBe('full');
    expect(loadBand(2640, 2400)).toBe('over');
    expect(loadBand(0, 0)).toBe('none');
    expect(loadBand(480, 0)).toBe('over');
    expect(cellView({ allocated: 2640, capacity: 2400 })).toEqual({ band: 'over', load: '44/40 h', utilization: '110%' });
    expect(cellView({ allocated: 440, capacity: 0 })).toEqual({ band: 'over', load: '7.33/0 h', utilization: 'no capacity' });
  });

  it('words a drop as the journey does', () => {
    expect(dropPreview('Ana Souza', { week: '2026-W49', allocated: 1440, capacity: 2400 }, 1200)).toEqual({
      text: 'Ana: 44 of 40 h in W49, over',
      over: true,
    });
    expect(dropPreview('Ana Souza', { week: '2026-W49', allocated: 1440, capacity: 2400 }, 960).text).toBe('Ana: 40 of 40 h in W49, full');
    expect(dropPreview('Ana Souza', { week: '2026-W50', allocated: 0, capacity: 2400 }, 480).text).toBe('Ana: 8 of 40 h in W50');
  });

  it('checks typed hours with the shared parser and this form’s limits', () => {
    expect(checkHours('8')).toEqual({ ok: true, minutes: 480 });
    expect(checkHours('7.33')).toEqual({ ok: true, minutes: 440 });
    expect(checkHours('8.333')).toEqual({ ok: false, error: '"8.333" has more than 2 decimal places.' });
    expect(checkHours('eight')).toMatchObject({ ok: false });
    expect(checkHours('')).toMatchObject({ ok: false });
    expect(checkHours('0')).toMatchObject({ ok: false, error: expect.stringContaining('more than 0') });
    expect(checkHours('21', { max: 1200 })).toEqual({ ok: false, error: 'At most 20 h.' });
    expect(defaultSplitMinutes(1200)).toBe(600);
    expect(defaultSplitMinutes(90)).toBe(90);
    expect(defaultSplitWeek(['2026-W48', '2026-W49'], '2026-W48')).toBe('2026-W49');
    expect(defaultSplitWeek(['2026-W48', '2026-W49'], '2026-W49')).toBe('2026-W48');
    expect(defaultSplitWeek(['2026-W48'], '2026-W48')).toBeNull();
  });

  it('windows rows and columns below the sticky header and beside the sticky names', () => {
    const g = {
      rowCount: 2000,
      colCount: 52,
      rowHeight: 80,
      colWidth: 136,
      headerHeight: 44,
      stickyWidth: 208,
      overscanRows: 2,
      overscanCols: 1,
    };
    expect(gridWindow(g, { top: 0, left: 0, width: 1000, height: 700 })).toEqual({ rowStart: 0, rowEnd: 12, colStart: 0, colEnd: 8 });
    expect(gridWindow(g, { top: 8000, left: 1360, width: 1000, height: 700 })).toEqual({
      rowStart: 98,
      rowEnd: 112,
      colStart: 9,
      colEnd: 18,
    });
    const end = gridWindow(g, { top: 2000 * 80, left: 52 * 136, width: 1000, height: 700 });
    expect(end.rowEnd).toBe(2000);
    expect(end.colEnd).toBe(52);
  });

  it('reads Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (Cmd too) as undo and redo', () => {
    const k = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
      undoRedoKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('z')).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
  });
});

// ---- The view in jsdom, against a fake backend ----

type Handler = fx.Handler;
const from = TEST_WEEK;
const to = addIsoWeeks(from, 7);

/** `count` specialists; the first is Ana at 44 of 40 h this week with two chips. */
function timelineRows(offset: number, limit: number, weeks: string[], count: number, anaFirstWeek = 2640): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (let i = offset; i < Math.min(count, offset + limit); i++) {
    rows.push({
      ref: i + 1,
      id: `E${i + 1}`,
      name: i === 0 ? 'Ana Souza' : `Specialist ${i + 1}`,
      department: i < 5 ? 'Database Services' : 'Network Engineering',
      cells: weeks.map((week, j) => {
        const ana = i === 0 && j === 0;
        return {
          week,
          capacity: 2400,
          allocated: ana ? anaFirstWeek : 0,
          chips: ana
            ? [
                {
                  ref: 101,
                  requestRef: 1,
                  requestId: 'REQ-1',
                  title: 'Request REQ-1',
                  stage: 'design',
                  minutes: anaFirstWeek - 1440,
                  status: 'tentative' as const,
                },
                {
                  ref: 102,
                  requestRef: 2,
                  requestId: 'REQ-2',
                  title: 'Request REQ-2',
                  stage: 'transition',
                  minutes: 1440,
                  status: 'confirmed' as const,
                },
              ].filter((c) => c.minutes > 0)
            : [],
        };
      }),
    });
  }
  return rows;
}

const historyState = { canUndo: true, canRedo: false, undoLabel: 'x', redoLabel: null };

function change(label: string, row: TimelineRow): ChangeResult {
  return {
    label,
    history: historyState,
    specialists: [],
    cards: [],
    timeline: [row],
    flags: { scope: { specialistWeeks: [`${row.ref}|${from}`], requestRefs: [] }, flags: [] },
  };
}

function bridge(overrides: Record<string, Handler> = {}, count = 250) {
  const handlers: Record<string, Handler> = {
    'plan-info': () => fx.plan,
    'board-get': (i) => fx.board(String(i.from), String(i.to)),
    'specialists-list': (i) => fx.specialists(String(i.from), String(i.to)),
    'flags-list': () => fx.flags(),
    'history-state': () => historyState,
    'timeline-get': (i) => {
      const weeks = weekRange(String(i.from), String(i.to));
      const query = typeof i.query === 'string' ? i.query.toLowerCase() : '';
      const all = timelineRows(0, count, weeks, count).filter((r) => !query || r.name.toLowerCase().includes(query));
      const offset = Number(i.offset);
      return { weeks, total: all.length, offset, rows: all.slice(offset, offset + Number(i.limit)) };
    },
    ...overrides,
  };
  return fx.fakeBridge(handlers);
}

let container: HTMLDivElement | null = null;
let root: Root | null = null;
const settle = async (n = 6) => {
  for (let i = 0; i < n; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
};

async function mount() {
  container = document.createElement('div');
  document.body.append(container);
  const r = createRoot(container);
  root = r;
  await act(async () => r.render(<App />));
  await settle();
}

const q = (sel: string) => container!.querySelectorAll<HTMLElement>(sel);
const cellOf = (id: string, week: string) =>
  [...q('[data-testid="timeline-cell"]')].find((c) => c.dataset.specialistId === id && c.dataset.week === week) ?? null;
const press = (el: Element, key: string, extra: KeyboardEventInit = {}) =>
  act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, bubbles: true, cancelable: true, ...extra }));
  });

beforeEach(() => {
  resetStore();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  if (root) act(() => root!.unmount());
  container?.remove();
  root = null;
  container = null;
  delete window.tmPlanner;
});

describe('Timeline view', () => {
  it('switches from the board with the Timeline button and fetches the first window of rows', async () => {
    const calls = bridge();
    await mount();
    const tab = [...q('.view-tabs button')].find((b) => b.textContent === 'Timeline')!;
    expect([...q('.view-tabs button')].map((b) => b.textContent)).toEqual(['Board', 'Timeline', 'Requests', 'Reports']);
    await act(async () => tab.click());
    await settle();
    expect(location.hash).toBe('#timeline');
    expect(q('[data-testid="timeline"]')).toHaveLength(1);
    expect(calls.find((c) => c.name === 'timeline-get')?.input).toEqual({ from, to, offset: 0, limit: TIMELINE_PAGE });
    // 250 specialists, a screenful of rows in the DOM.
    const rows = q('[data-testid="timeline-row"]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(20);
    expect(rows[0]!.dataset.specialistId).toBe('E1');
    const ana = cellOf('E1', from)!;
    expect(ana.textContent).toContain('44/40 h');
    expect(ana.textContent).toContain('110%');
    expect(ana.dataset.band).toBe('over');
    const chips = ana.querySelectorAll<HTMLElement>('[data-testid="allocation-chip"]');
    expect([...chips].map((c) => [c.dataset.allocationRef, c.dataset.requestId, c.dataset.status])).toEqual([
      ['101', 'REQ-1', 'tentative'],
      ['102', 'REQ-2', 'confirmed'],
    ]);
    expect(chips[0]!.getAttribute('tabindex')).toBe('0');
  });

  it('fetches further windows by offset as rows come into view, once each', async () => {
    const calls = bridge();
    await act(async () => void setMainView('timeline'));
    await mount();
    await act(async () => ensureTimelineRows(150, 170));
    await settle();
    await act(async () => ensureTimelineRows(160, 180));
    await settle();
    const offsets = calls.filter((c) => c.name === 'timeline-get').map((c) => c.input.offset);
    // The first window, then each page covering rows 150..179 once, however often asked.
    const pageStarts = [...new Set([150, 169, 160, 179].map((r) => Math.floor(r / TIMELINE_PAGE) * TIMELINE_PAGE))];
    expect(offsets).toEqual([0, ...pageStarts]);
    const s = useStore.getState();
    expect(s.timelineTotal).toBe(250);
    expect(s.timelineOrder[150]).toBe(151);
    expect(s.timelineOrder[220]).toBe(0);
    expect(s.timelineRowsByRef[151]?.name).toBe('Specialist 151');
  });

  it('deletes a chip with the Delete key, says so, and patches the cell from the change result', async () => {
    const after = timelineRows(0, 1, weekRange(from, to), 1, 1440)[0]!;
    const calls = bridge({ 'allocations-delete': () => change('Delete 20.00 h of Ana Souza on REQ-1 in W48', after) });
    await act(async () => void setMainView('timeline'));
    await mount();
    const chip = cellOf('E1', from)!.querySelector<HTMLElement>('[data-allocation-ref="101"]')!;
    chip.focus();
    await press(chip, 'Delete');
    await settle();
    expect(calls.find((c) => c.name === 'allocations-delete')?.input).toEqual({ refs: [101], view: { from, to } });
    expect(cellOf('E1', from)!.textContent).toContain('24/40 h');
    expect(cellOf('E1', from)!.querySelector('[data-allocation-ref="101"]')).toBeNull();
    expect(q('[data-testid="timeline-status"]')[0]!.textContent).toMatch(
      /^Deleted REQ-1 20 h of Ana Souza in W\d\d\. Ctrl\+Z restores it\.$/,
    );
  });

  it('opens the chip menu with Enter: hours, split, toggle tentative', async () => {
    const calls = bridge({
      'allocations-update': () => change('Set', timelineRows(0, 1, weekRange(from, to), 1)[0]!),
      'allocations-move': () => change('Move', timelineRows(0, 1, weekRange(from, to), 1, 2160)[0]!),
      'allocations-set-status': () => change('Mark', timelineRows(0, 1, weekRange(from, to), 1)[0]!),
    });
    await act(async () => void setMainView('timeline'));
    await mount();
    const chipEl = () => cellOf('E1', from)!.querySelector<HTMLElement>('[data-allocation-ref="101"]')!;
    await press(chipEl(), 'Enter');
    const dialog = () => container!.querySelector<HTMLElement>('[role="dialog"]');
    expect(dialog()).not.toBeNull();
    const buttons = [...dialog()!.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['Save hours', 'Split…', 'Move to request…', 'Toggle tentative', 'Delete']));
    const hours = dialog()!.querySelector<HTMLInputElement>('input[name="hours"]')!;
    expect(hours.value).toBe('20');
    expect(document.activeElement).toBe(hours);

    // A bad value is said where it was typed and nothing is written.
    const setValue = (input: HTMLInputElement, value: string) =>
      act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await setValue(hours, '1.234');
    await act(async () => hours.form!.requestSubmit());
    expect(dialog()!.querySelector('[role="alert"]')!.textContent).toBe('"1.234" has more than 2 decimal places.');
    expect(calls.some((c) => c.name === 'allocations-update')).toBe(false);
    await setValue(hours, '18');
    await act(async () => hours.form!.requestSubmit());
    await settle();
    expect(calls.find((c) => c.name === 'allocations-update')?.input).toEqual({ ref: 101, minutes: 1080, view: { from, to } });
    expect(dialog()).toBeNull();

    // Split: 8 h to next week.
    await press(chipEl(), 'Enter');
    const split = [...dialog()!.querySelectorAll('button')].find((b) => b.textContent === 'Split…')!;
    await act(async () => split.click());
    const splitHours = dialog()!.querySelector<HTMLInputElement>('input[name="split-hours"]')!;
    expect(splitHours.value).toBe('10');
    await setValue(splitHours, '8');
    await act(async () => splitHours.form!.requestSubmit());
    await settle();
    expect(calls.find((c) => c.name === 'allocations-move')?.input).toEqual({
      ref: 101,
      toWeek: addIsoWeeks(from, 1),
      minutes: 480,
      view: { from, to },
    });
    expect(cellOf('E1', from)!.textContent).toContain('36/40 h');

    // Toggle tentative sends the other status.
    await press(chipEl(), 'Enter');
    const toggle = [...dialog()!.querySelectorAll('button')].find((b) => b.textContent === 'Toggle tentative')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await act(async () => toggle.click());
    await settle();
    expect(calls.find((c) => c.name === 'allocations-set-status')?.input).toEqual({ refs: [101], status: 'confirmed', view: { from, to } });

    // Escape closes the menu and gives focus back to the chip.
    await press(chipEl(), 'Enter');
    await press(dialog()!, 'Escape');
    await settle();
    expect(dialog()).toBeNull();
  });

  it('filters by name (the backend narrows, the grid starts again at the top)', async () => {
    const calls = bridge();
    await act(async () => void setMainView('timeline'));
    await mount();
    const input = container!.querySelector<HTMLInputElement>('[data-testid="timeline-query"]')!;
    const asked = () => calls.filter((c) => c.name === 'timeline-get').length;
    const before = asked();
    pinDate(['setTimeout', 'clearTimeout']);
    try {
      await act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'specialist 12');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      // Typing waits for a pause before it asks the backend.
      await act(async () => vi.advanceTimersByTime(QUERY_DELAY_MS - 1));
      expect(asked()).toBe(before);
      await act(async () => vi.advanceTimersByTime(1));
    } finally {
      pinDate();
    }
    await settle();
    expect(calls.filter((c) => c.name === 'timeline-get').at(-1)?.input).toMatchObject({ offset: 0, query: 'specialist 12' });
    const ids = [...q('[data-testid="timeline-row"]')].map((r) => r.dataset.specialistId);
    expect(ids[0]).toBe('E12');
    expect(ids.every((id) => id!.startsWith('E12'))).toBe(true);
  });

  it('reloads the rows from disk when a write fails', async () => {
    const calls = bridge({ 'allocations-delete': () => Promise.reject(new ApiError('internal', 'disk full')) });
    await act(async () => void setMainView('timeline'));
    await mount();
    const before = calls.filter((c) => c.name === 'timeline-get').length;
    const chip = cellOf('E1', from)!.querySelector<HTMLElement>('[data-allocation-ref="101"]')!;
    await press(chip, 'Delete');
    await settle(10);
    expect(calls.filter((c) => c.name === 'timeline-get').length).toBeGreaterThan(before);
    expect(q('[data-testid="timeline-status"]')[0]!.textContent).toBe('Not saved: disk full');
    expect(cellOf('E1', from)!.textContent).toContain('44/40 h');
  });

  it('keeps its place when the weeks move: same order and total, fresh cells for the new weeks', async () => {
    const calls = bridge();
    await act(async () => void setMainView('timeline'));
    await mount();
    const next = addIsoWeeks(from, 1);
    await act(async () => {
      const weeksChanged = setWeeks(next, addIsoWeeks(to, 1));
      // Until the new rows arrive the list keeps its length (the scroll position stays).
      expect(useStore.getState().timelineTotal).toBe(250);
      await weeksChanged;
    });
    await settle();
    expect(calls.filter((c) => c.name === 'timeline-get').at(-1)?.input).toMatchObject({ from: next, offset: 0 });
    expect(cellOf('E1', next)).not.toBeNull();
    expect(cellOf('E1', from)).toBeNull();
  });

  it("takes a click on a request's flag to its card on the board; a specialist's flag stays on the timeline", async () => {
    bridge();
    await act(async () => void setMainView('timeline'));
    await mount();
    const flag = (kind: string) => [...q('[data-testid="flag-item"]')].find((f) => f.dataset.flagKind === kind)!;
    await act(async () => flag('over_allocation').click());
    await settle();
    expect(useStore.getState().mainView).toBe('timeline');
    expect(q('[data-testid="timeline-row"][data-highlighted="true"]')[0]?.dataset.specialistId).toBe('E1');

    await act(async () => flag('cost_overrun').click());
    await settle();
    expect(useStore.getState().mainView).toBe('board');
    expect(q('[data-testid="timeline"]')).toHaveLength(0);
    const card = container!.querySelector<HTMLElement>('[data-testid="request-card"][data-request-id="REQ-2"]')!;
    expect(card.dataset.highlighted).toBe('true');
    expect(document.activeElement).toBe(card);

    // Opening the timeline again with that highlight left over does not bounce back to the board.
    await act(async () => void setMainView('timeline'));
    await settle();
    expect(useStore.getState().mainView).toBe('timeline');
  });

  it("moves the board's weeks to a request that starts after the board's 26 weeks", async () => {
    const late = addIsoWeeks(from, 40);
    const lateCard = fx.card({ id: 'REQ-9', stage: 'operation', startWeek: late, endWeek: addIsoWeeks(late, 2), budgetMinor: 100_000 });
    const lateFlag = {
      kind: 'cost_at_risk' as const,
      week: null,
      specialistId: null,
      requestId: 'REQ-9',
      specialistRef: null,
      requestRef: 9,
      detail: 'Request REQ-9: cost 950.00 of budget 1,000.00, 95%',
    };
    bridge({
      'board-get': (i) => {
        const b = fx.board(String(i.from), String(i.to));
        if (String(i.to) >= late) b.lanes[2]!.requests.push(lateCard);
        return b;
      },
      'flags-list': () => {
        const f = fx.flags();
        return { flags: [...f.flags, lateFlag], counts: { ...f.counts, cost_at_risk: 1 } };
      },
    });
    await act(async () => void setMainView('timeline'));
    await mount();
    await act(async () => void setTimelineSpan(52));
    await settle();
    const flag = [...q('[data-testid="flag-item"]')].find((f) => f.dataset.requestId === 'REQ-9')!;
    await act(async () => flag.click());
    await settle(10);
    const s = useStore.getState();
    expect(s.mainView).toBe('board');
    // The timeline's last 26 weeks up to REQ-9's start + 25: its card is on the board.
    expect(s.weeks.list).toHaveLength(26);
    expect(s.weeks.list).toContain(late);
    expect(s.weeks.to).toBe(addIsoWeeks(from, 51));
    expect(container!.querySelector<HTMLElement>('[data-request-id="REQ-9"][data-testid="request-card"]')!.dataset.highlighted).toBe(
      'true',
    );
    resetTimeline();
  });

  it('shows up to 52 weeks; the board comes back to its own limit', async () => {
    bridge();
    await act(async () => void setMainView('timeline'));
    await mount();
    await act(async () => void setTimelineSpan(52));
    await settle();
    expect(useStore.getState().weeks.list).toHaveLength(52);
    expect(container!.querySelector('[data-testid="timeline"]')!.getAttribute('aria-colcount')).toBe('53');
    await act(async () => void setMainView('board'));
    await settle();
    expect(useStore.getState().weeks.list).toHaveLength(26);
    resetTimeline();
  });
});
