// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addIsoWeeks } from '../../shared/domain';
import { TEST_WEEK } from '../helpers/clock';
import { App } from '../../renderer/src/App';
import { reportFormat } from '../../renderer/src/model/locale-format';
import {
  ALLOCATION_PAGE,
  EXPORT_POLL_MS,
  DEFAULT_ALLOCATION_SORT,
  nextAllocationSort,
  resetStore,
  setExportChoice,
  toggleHeatmapDepartment,
  useStore,
} from '../../renderer/src/store';
import { viewFromLocation } from '../../renderer/src/store/slices';
import { ALLOCATION_ROW_HEIGHT } from '../../renderer/src/views/reports/AllocationsTable';
import type { TmPlannerEvents } from '../../electron/preload/api.d';
import * as rp from './reports-fixtures';
import { choose, click, polyfillDialog, pressEscapeOn, settle } from './request-fixtures';

await vi.hoisted(async () => (await import('../helpers/clock')).pinDate());

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
polyfillDialog();

/** What jsdom's unmeasured scroller shows (800 px) plus the overscan either side. */
const MAX_ROWS_IN_DOM = Math.ceil(800 / ALLOCATION_ROW_HEIGHT) + 1 + 2 * 8;
const fmt = reportFormat(undefined, 2);

let container: HTMLDivElement;
let root: Root;

async function mount() {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<App />));
  await settle();
}

const one = <T extends HTMLElement = HTMLElement>(sel: string, within: ParentNode = document) => {
  const el = within.querySelector<T>(sel);
  if (!el) throw new Error(`nothing matches ${sel}`);
  return el;
};
const figure = (key: string) => one(`[data-testid="reports-figure-${key}"]`);
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="allocation-row"]')];
const viewCalls = (calls: { name: string; input: Record<string, unknown> }[]) => calls.filter((c) => c.name === 'reports-view');
const pageCalls = (calls: { name: string; input: Record<string, unknown> }[]) => calls.filter((c) => c.name === 'reports-allocations-page');

function check(el: HTMLInputElement) {
  act(() => el.click());
}

function labelled(text: string, within: ParentNode = document): HTMLInputElement {
  const label = [...within.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const input = label?.querySelector('input');
  if (!input) throw new Error(`no checkbox labelled ${text}`);
  return input;
}

beforeEach(() => {
  resetStore();
  history.replaceState(null, '', '/');
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete window.tmPlanner;
  vi.restoreAllMocks();
});

describe('reports view', () => {
  it('opens from its tab at #reports on the current week and the 12 after it, with the figures of that range', async () => {
    const calls = rp.reportsBridge();
    await mount();
    click(one('[data-testid="view-reports"]'));
    await settle();
    expect(location.hash).toBe('#reports');
    expect(viewFromLocation()).toBe('reports');
    expect(viewCalls(calls).at(-1)!.input).toEqual({ from: TEST_WEEK, to: addIsoWeeks(TEST_WEEK, 12), expanded: [] });
    const view = one('[data-testid="reports-view"]');
    expect(view.dataset.shown).toBe(`${TEST_WEEK}/${addIsoWeeks(TEST_WEEK, 12)}`);
    // The header's visible weeks belong to the board: the reports have their own.
    expect(document.querySelector('[data-testid="week-from"]')).toBeNull();
    expect(one<HTMLInputElement>('[data-testid="reports-from"]').value).toBe(TEST_WEEK);

    const expected = rp.reportsView({ from: TEST_WEEK, to: addIsoWeeks(TEST_WEEK, 12) });
    const allocated = expected.heatmap.total.allocatedMinutes;
    expect(figure('allocated').dataset.value).toBe(String(allocated));
    expect(figure('allocated').querySelector('.rp-figure-value')!.textContent).toBe(`${fmt.hours(allocated)} h`);
    const cost = expected.stages.reduce((n, s) => n + s.costMinor, 0);
    expect(figure('cost').dataset.value).toBe(String(cost));
    expect(figure('over-allocated').dataset.value).toBe(String(expected.heatmap.total.overAllocated));
    expect(one('[data-testid="reports-planned-after"]').textContent).toBe(`${fmt.money(expected.plannedAfterMinor)} EUR`);
    for (const id of ['rp-utilization', 'rp-stages', 'rp-costs', 'rp-skills'])
      expect(one(`[data-testid="${id}"]`).dataset.state).toBe('ready');
  });

  it('opened at #reports, reads only its own figures; the board, specialists and flags load when another view shows', async () => {
    const calls = rp.reportsBridge();
    useStore.setState({ mainView: 'reports' });
    await mount();
    expect(useStore.getState().mainView).toBe('reports');
    expect(viewCalls(calls)).toHaveLength(1);
    // The figures are asked before the table's first page: the host answers in that order.
    expect(calls.filter((c) => c.name.startsWith('reports-')).map((c) => c.name)).toEqual(['reports-view', 'reports-allocations-page']);
    expect(calls.map((c) => c.name)).not.toContain('board-get');
    click(one('[data-testid="view-board"]'));
    await settle();
    expect(calls.map((c) => c.name)).toEqual(expect.arrayContaining(['board-get', 'specialists-list', 'flags-list']));
    expect(document.querySelector('[data-testid="request-card"]')).not.toBeNull();
  });

  it('shows loading and then the error in each section, and tries again', async () => {
    let fail = true;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    rp.reportsBridge({
      'reports-view': async (i) => {
        await held;
        if (fail) throw new Error('The plan file is locked by another program.');
        return rp.reportsView(i);
      },
    });
    useStore.setState({ mainView: 'reports' });
    await mount();
    expect(one('[data-testid="rp-skills"]').dataset.state).toBe('loading');
    expect(one('[data-testid="rp-skills"]').textContent).toContain('Loading…');
    expect(one('[data-testid="reports-view"]').getAttribute('aria-busy')).toBe('true');
    release();
    await settle();
    expect(one('[role="alert"]').textContent).toContain('The plan file is locked by another program.');
    expect(one('[data-testid="rp-skills"]').dataset.state).toBe('failed');
    fail = false;
    click([...document.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!);
    await settle();
    expect(one('[data-testid="rp-skills"]').dataset.state).toBe('ready');
    expect(document.querySelector('.area-error')).toBeNull();
  });

  it('reads the figures again for other weeks, departments and stages', async () => {
    const calls = rp.reportsBridge();
    useStore.setState({ mainView: 'reports' });
    await mount();
    const before = Number(figure('allocated').dataset.value);

    click(one('[data-testid="reports-span-4"]'));
    await settle();
    expect(viewCalls(calls).at(-1)!.input).toEqual({ from: TEST_WEEK, to: addIsoWeeks(TEST_WEEK, 3), expanded: [] });
    expect(Number(figure('allocated').dataset.value)).toBeLessThan(before);
    expect(one('[data-testid="reports-span-4"]').getAttribute('aria-pressed')).toBe('true');

    click(one('[aria-label="4 weeks later"]'));
    await settle();
    expect(viewCalls(calls).at(-1)!.input).toMatchObject({ from: addIsoWeeks(TEST_WEEK, 4), to: addIsoWeeks(TEST_WEEK, 7) });

    const picker = one('[data-testid="reports-departments"]');
    check(labelled('Network Engineering', picker));
    await settle();
    expect(viewCalls(calls).at(-1)!.input).toMatchObject({ departments: ['Network Engineering'] });
    expect(one('summary', picker).textContent).toBe('Network Engineering');
    check(labelled('Database Services', picker));
    await settle();
    expect(viewCalls(calls).at(-1)!.input).toMatchObject({ departments: ['Database Services', 'Network Engineering'] });
    expect(one('summary', picker).textContent).toBe('2 departments');
    // The table follows the same filter.
    expect(pageCalls(calls).at(-1)!.input.filter).toMatchObject({ departments: ['Database Services', 'Network Engineering'] });

    check(one<HTMLInputElement>('[data-testid="reports-stage-operation"]'));
    await settle();
    expect(viewCalls(calls).at(-1)!.input).toMatchObject({ stages: ['design', 'transition'] });
    check(one<HTMLInputElement>('[data-testid="reports-stage-transition"]'));
    await settle();
    // The last stage ticked cannot be unticked: no stage would show nothing.
    expect(one<HTMLInputElement>('[data-testid="reports-stage-design"]').disabled).toBe(true);
    check(one<HTMLInputElement>('[data-testid="reports-stage-transition"]'));
    check(one<HTMLInputElement>('[data-testid="reports-stage-operation"]'));
    await settle();
    expect(viewCalls(calls).at(-1)!.input).not.toHaveProperty('stages');

    click(one('.rp-picker-all'));
    await settle();
    expect(viewCalls(calls).at(-1)!.input).not.toHaveProperty('departments');
  });

  it('says why a typed range is refused and keeps the figures', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: new Date('2026-11-26T12:00:00Z') });
    try {
      const calls = rp.reportsBridge();
      useStore.setState({ mainView: 'reports' });
      container = document.createElement('div');
      document.body.append(container);
      root = createRoot(container);
      await act(async () => root.render(<App />));
      await act(async () => vi.advanceTimersByTimeAsync(10));
      const asked = viewCalls(calls).length;
      const to = one<HTMLInputElement>('[data-testid="reports-to"]');
      act(() => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(to, addIsoWeeks(TEST_WEEK, -2));
        to.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => vi.advanceTimersByTimeAsync(1000));
      expect(one('.rp-weeks [role="alert"]').textContent).toBe('The first week must not be after the last week.');
      expect(to.getAttribute('aria-invalid')).toBe('true');
      expect(viewCalls(calls)).toHaveLength(asked);

      act(() => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(to, addIsoWeeks(TEST_WEEK, 25));
        to.dispatchEvent(new Event('input', { bubbles: true }));
      });
      // Typed weeks wait for a pause, as the header's picker does.
      await act(async () => vi.advanceTimersByTimeAsync(1000));
      expect(viewCalls(calls).at(-1)!.input).toEqual({ from: TEST_WEEK, to: addIsoWeeks(TEST_WEEK, 25), expanded: [] });
      expect(document.querySelector('.rp-weeks [role="alert"]')).toBeNull();
    } finally {
      vi.useRealTimers();
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T12:00:00Z') });
    }
  });

  it('opens and closes heat-map departments, kept in the store', () => {
    expect(useStore.getState().reportsExpanded.size).toBe(0);
    toggleHeatmapDepartment('d:Database Services');
    toggleHeatmapDepartment('d:Network Engineering');
    toggleHeatmapDepartment('d:Database Services');
    expect([...useStore.getState().reportsExpanded]).toEqual(['d:Network Engineering']);
  });
});

describe('heat-map departments', () => {
  const heat = () => one('[data-testid="rp-utilization"]');
  const toggle = (department: string) => {
    const b = [...heat().querySelectorAll<HTMLButtonElement>('button[aria-expanded]')].find((x) => x.textContent?.includes(department));
    if (!b) throw new Error(`no toggle for ${department}`);
    return b;
  };
  const specialistRows = () => [...heat().querySelectorAll('.rc-specialist')].map((e) => e.textContent);
  const loadingLines = () => [...heat().querySelectorAll('.rc-loading-line')].map((e) => e.textContent);

  /** reports-view answers held until released, one by one, in any order. */
  function heldViews() {
    const held: { input: Record<string, unknown>; release: () => void }[] = [];
    let holding = false;
    const calls = rp.reportsBridge({
      'reports-view': async (input) => {
        if (holding) await new Promise<void>((release) => held.push({ input, release }));
        return rp.reportsView(input);
      },
    });
    return { calls, held, hold: () => (holding = true) };
  }

  it('asks for a department’s specialists when it is opened, shows a loading line until they arrive, and not again to close or reopen', async () => {
    const { calls, held, hold } = heldViews();
    useStore.setState({ mainView: 'reports' });
    await mount();
    // The first answer carries department rows only; the toggles count the specialists all the same.
    expect(viewCalls(calls).at(-1)!.input).toMatchObject({ expanded: [] });
    expect(specialistRows()).toEqual([]);
    expect(toggle('Database Services').textContent).toContain(`(${fmt.int(2)})`);
    const pagesBefore = pageCalls(calls).length;

    hold();
    click(toggle('Database Services'));
    await settle();
    expect(viewCalls(calls).at(-1)!.input).toEqual({ from: TEST_WEEK, to: addIsoWeeks(TEST_WEEK, 12), expanded: ['Database Services'] });
    expect(toggle('Database Services').getAttribute('aria-expanded')).toBe('true');
    expect(loadingLines()).toEqual(['Loading 2 specialists…']);
    expect(one('[data-testid="reports-view"]').getAttribute('aria-busy')).toBe('true');
    held.shift()!.release();
    await settle();
    expect(loadingLines()).toEqual([]);
    expect(specialistRows()).toEqual(['Person 00', 'Person 01']);
    // The figures only: the allocations table does not depend on what the heat map opens.
    expect(pageCalls(calls)).toHaveLength(pagesBefore);

    const asked = viewCalls(calls).length;
    click(toggle('Database Services'));
    await settle();
    expect(toggle('Database Services').getAttribute('aria-expanded')).toBe('false');
    expect(specialistRows()).toEqual([]);
    click(toggle('Database Services'));
    await settle();
    expect(specialistRows()).toEqual(['Person 00', 'Person 01']);
    expect(viewCalls(calls)).toHaveLength(asked);
    expect(held).toHaveLength(0);
  });

  it('lands only the newest answer when departments are opened one after the other', async () => {
    const { calls, held, hold } = heldViews();
    useStore.setState({ mainView: 'reports' });
    await mount();
    hold();
    click(toggle('Network Engineering'));
    click(toggle('Database Services'));
    await settle();
    expect(
      viewCalls(calls)
        .slice(-2)
        .map((c) => c.input.expanded),
    ).toEqual([['Network Engineering'], ['Database Services', 'Network Engineering']]);
    expect(loadingLines()).toEqual(['Loading 2 specialists…', 'Loading 2 specialists…']);
    // The newer answer first, then the older: the older one (Network Engineering's rows only) must not land.
    held[1]!.release();
    await settle();
    held[0]!.release();
    await settle();
    expect(loadingLines()).toEqual([]);
    expect(specialistRows()).toEqual(['Person 00', 'Person 01', 'Person 10', 'Person 11']);
    // A change of range keeps the opened departments open, with their rows.
    held.length = 0;
    click(one('[data-testid="reports-span-4"]'));
    await settle();
    held.shift()!.release();
    await settle();
    expect(viewCalls(calls).at(-1)!.input).toMatchObject({
      to: addIsoWeeks(TEST_WEEK, 3),
      expanded: ['Database Services', 'Network Engineering'],
    });
    expect(specialistRows()).toHaveLength(4);
  });
});

describe('allocations table', () => {
  it('puts a window of rows in the DOM, pages from the backend as it scrolls, with count and totals', async () => {
    const total = 5000;
    const calls = rp.reportsBridge({}, total);
    useStore.setState({ mainView: 'reports' });
    await mount();
    const table = one('[role="table"]');
    expect(table.getAttribute('aria-rowcount')).toBe(String(total + 1));
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(pageCalls(calls).map((c) => c.input.offset)).toEqual([0]);
    for (const c of pageCalls(calls)) expect(Number(c.input.limit)).toBeLessThanOrEqual(1000);

    const totals = one('[data-testid="reports-allocation-totals"]');
    expect(totals.dataset.count).toBe(String(total));
    expect(totals.textContent).toBe(`${fmt.int(total)} allocations · ${fmt.hours(total * 480)} h · ${fmt.money(total * 40_000)} EUR`);

    const scroller = one('.rp-tbody');
    await act(async () => {
      scroller.scrollTop = 3000 * ALLOCATION_ROW_HEIGHT;
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    });
    await settle();
    const page = Math.floor(3000 / ALLOCATION_PAGE);
    expect(pageCalls(calls).map((c) => c.input.offset)).toContain(page * ALLOCATION_PAGE);
    expect(rows().some((r) => r.textContent?.includes('Specialist 3000'))).toBe(true);
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
  });

  it('sorts by a column header: the backend sorts, aria-sort says how', async () => {
    const calls = rp.reportsBridge();
    useStore.setState({ mainView: 'reports' });
    await mount();
    const header = (key: string) => one(`[role="columnheader"][data-sort-key="${key}"]`);
    expect(header('week').getAttribute('aria-sort')).toBe('ascending');
    expect(header('hours').getAttribute('aria-sort')).toBe('none');

    click(one('[data-testid="allocations-sort-hours"]'));
    await settle();
    expect(header('hours').getAttribute('aria-sort')).toBe('descending');
    expect(header('week').getAttribute('aria-sort')).toBe('none');
    expect(pageCalls(calls).at(-1)!.input).toMatchObject({ sort: { key: 'hours', dir: 'desc' }, offset: 0 });
    click(one('[data-testid="allocations-sort-hours"]'));
    await settle();
    expect(header('hours').getAttribute('aria-sort')).toBe('ascending');
    expect(pageCalls(calls).at(-1)!.input).toMatchObject({ sort: { key: 'hours', dir: 'asc' } });

    expect(nextAllocationSort(DEFAULT_ALLOCATION_SORT, 'specialist')).toEqual({ key: 'specialist', dir: 'asc' });
    expect(nextAllocationSort(DEFAULT_ALLOCATION_SORT, 'week')).toEqual({ key: 'week', dir: 'desc' });
  });
});

describe('exports from the view', () => {
  function exportBridge(statuses: ReturnType<typeof rp.job>[], extra: Record<string, (i: Record<string, unknown>) => unknown> = {}) {
    let polls = 0;
    return rp.reportsBridge({
      'exports-start': () => statuses[0],
      'exports-status': () => statuses[Math.min(++polls, statuses.length - 1)],
      'exports-cancel': () => rp.job({ state: 'cancelled', done: 40 }),
      ...extra,
    });
  }

  async function mountWithPollTimers() {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: new Date('2026-11-26T12:00:00Z') });
    useStore.setState({ mainView: 'reports' });
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root.render(<App />));
    await act(async () => vi.advanceTimersByTimeAsync(10));
  }
  const poll = () => act(async () => vi.advanceTimersByTimeAsync(EXPORT_POLL_MS));
  afterEach(() => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T12:00:00Z') });
  });

  it('starts the chosen report and format for the filter, shows progress, and hands the finished file to the browser', async () => {
    const calls = exportBridge([
      rp.job({ done: 0 }),
      rp.job({ done: 40, phase: 'Writing Allocations sheet' }),
      rp.job({ state: 'done', done: 100, bytes: 123_456, downloadUrl: '/exports/job-1/report.xlsx' }),
    ]);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href')!, download: this.download });
    });
    await mountWithPollTimers();
    choose(one<HTMLSelectElement>('[data-testid="export-report"]'), 'allocations');
    choose(one<HTMLSelectElement>('[data-testid="export-format"]'), 'csv');
    click(one('[data-testid="export-start"]'));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    const start = calls.find((c) => c.name === 'exports-start')!;
    expect(start.input).toEqual({ report: 'allocations', format: 'csv', filter: { from: TEST_WEEK, to: addIsoWeeks(TEST_WEEK, 12) } });
    expect(start.input).not.toHaveProperty('targetPath');

    const dialog = one<HTMLDialogElement>('[data-testid="export-dialog"]');
    expect(dialog.open).toBe(true);
    expect(one<HTMLProgressElement>('[data-testid="export-progress"]').max).toBe(100);
    expect(one('[data-testid="export-start"]').hasAttribute('disabled')).toBe(true);
    await poll();
    expect(one<HTMLProgressElement>('[data-testid="export-progress"]').value).toBe(40);
    expect(one('[data-testid="export-phase"]').textContent).toBe('Writing Allocations sheet · 40 of 100');
    expect(clicked).toEqual([]);
    await poll();
    expect(dialog.dataset.state).toBe('done');
    expect(clicked).toEqual([{ href: '/exports/job-1/report.xlsx', download: 'report.xlsx' }]);
    expect(one('[data-testid="export-message"]').textContent).toContain('report.xlsx');
    // Done: no more polling.
    const polled = calls.filter((c) => c.name === 'exports-status').length;
    await poll();
    await poll();
    expect(calls.filter((c) => c.name === 'exports-status')).toHaveLength(polled);
    click(one('[data-testid="export-close"]'));
    expect(dialog.open).toBe(false);
  });

  it('says where the desktop app saved the file, and what failed', async () => {
    exportBridge([rp.job(), rp.job({ state: 'done', done: 100, bytes: 2048, fileName: 'Reports 2026-W48.pdf' })]);
    await mountWithPollTimers();
    click(one('[data-testid="export-start"]'));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    await poll();
    expect(one('[data-testid="export-message"]').textContent).toBe(`Saved Reports 2026-W48.pdf (${new Intl.NumberFormat().format(2)} kB).`);
  });

  it('shows a failed job’s message', async () => {
    exportBridge([rp.job(), rp.job({ state: 'failed', error: 'The disk is full: 12 MB needed.' })]);
    await mountWithPollTimers();
    click(one('[data-testid="export-start"]'));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    await poll();
    expect(one('[data-testid="export-message"]').textContent).toBe('The disk is full: 12 MB needed.');
    expect(one('[data-testid="export-message"]').getAttribute('role')).toBe('alert');
  });

  it('cancels a running export with Cancel or Escape, and says no file was written', async () => {
    const calls = exportBridge([rp.job(), rp.job({ done: 10 })]);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await mountWithPollTimers();
    click(one('[data-testid="export-start"]'));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    await poll();
    click(one('[data-testid="export-cancel"]'));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(calls.filter((c) => c.name === 'exports-cancel').map((c) => c.input)).toEqual([{ jobId: 'job-1' }]);
    expect(one('[data-testid="export-dialog"]').dataset.state).toBe('cancelled');
    expect(one('[data-testid="export-message"]').textContent).toBe('Export cancelled: no file was written.');
    const polled = calls.filter((c) => c.name === 'exports-status').length;
    await poll();
    expect(calls.filter((c) => c.name === 'exports-status')).toHaveLength(polled);
    expect(clicked).not.toHaveBeenCalled();
    click(one('[data-testid="export-close"]'));

    click(one('[data-testid="export-start"]'));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    const dialog = one<HTMLDialogElement>('[data-testid="export-dialog"]');
    expect(dialog.dataset.state).toBe('running');
    pressEscapeOn(dialog);
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(calls.filter((c) => c.name === 'exports-cancel')).toHaveLength(2);
    expect(dialog.open).toBe(false);
  });

  it('exports with the view’s stages when not every stage is shown', async () => {
    const calls = exportBridge([rp.job({ state: 'done', done: 100 })]);
    await mountWithPollTimers();
    check(one<HTMLInputElement>('[data-testid="reports-stage-operation"]'));
    await act(async () => vi.advanceTimersByTimeAsync(10));
    click(one('[data-testid="export-start"]'));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(calls.find((c) => c.name === 'exports-start')!.input.filter).toEqual({
      from: TEST_WEEK,
      to: addIsoWeeks(TEST_WEEK, 12),
      stages: ['design', 'transition'],
    });
  });

  it('offers no CSV for a pack', () => {
    setExportChoice({ report: 'allocations', format: 'csv' });
    setExportChoice({ report: 'pack' });
    expect(useStore.getState().exportChoice).toEqual({ report: 'pack', format: 'xlsx' });
  });
});

describe('File > Export report', () => {
  it('opens the Reports view with focus on the export controls', async () => {
    rp.reportsBridge();
    const listeners: ((p: TmPlannerEvents['menu-command']) => void)[] = [];
    window.tmPlanner!.on = ((event: string, cb: (p: TmPlannerEvents['menu-command']) => void) => {
      if (event === 'menu-command') listeners.push(cb);
      return () => {};
    }) as never;
    await mount();
    expect(useStore.getState().mainView).toBe('board');
    expect(listeners).toHaveLength(1);
    act(() => listeners[0]!({ command: 'export-report' }));
    await settle();
    expect(useStore.getState().mainView).toBe('reports');
    expect(location.hash).toBe('#reports');
    expect(document.activeElement).toBe(one('[data-testid="export-report"]'));
    // The other command is not the view's.
    act(() => listeners[0]!({ command: 'import-csv' }));
    await settle();
    expect(useStore.getState().mainView).toBe('reports');
  });
});
