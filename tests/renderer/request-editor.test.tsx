// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeResult, RequestDetail } from '../../shared/api';
import { ApiError } from '../../shared/api/errors';
import { weekRange } from '../../shared/domain';
import { App } from '../../renderer/src/App';
import { openRequest, resetStore, useStore } from '../../renderer/src/store';
import * as rf from './request-fixtures';
import { button, choose, click, errorOf, field, settle, typeInto } from './request-fixtures';

// The day the store's default weeks are worked out from, before the imports above run.
await vi.hoisted(async () => (await import('../helpers/clock')).pinDate());

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
rf.polyfillDialog();

const FROM = '2026-W48';
const TO = '2026-W51';
let container: HTMLDivElement;
let root: Root;

async function mount(view: 'board' | 'requests' = 'requests') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  useStore.setState({ weeks: { from: FROM, to: TO, list: weekRange(FROM, TO) }, mainView: view });
  await act(async () => root.render(<App />));
  await settle();
}

const one = (sel: string) => {
  const el = document.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`nothing matches ${sel}`);
  return el;
};
const editor = () => one('[data-testid="request-editor"]');
const count = (calls: rf.Calls, name: string) => (calls as { name: string }[]).filter((c) => c.name === name).length;
const last = (calls: { name: string; input: Record<string, unknown> }[], name: string) =>
  calls.filter((c) => c.name === name).at(-1)?.input;

function saved(ref: number, id = `R${ref}`) {
  return { ref, id, label: `Save ${id}`, history: { canUndo: true, canRedo: false, undoLabel: `Save ${id}`, redoLabel: null } };
}

/** Requests the fake requests-get answers with (others get the fixture's default detail). */
let details: Map<number, RequestDetail>;

async function openDetail(detail: RequestDetail, place: 'view' | 'dialog' = 'view') {
  details.set(detail.ref, detail);
  await act(async () => openRequest({ ref: detail.ref, id: detail.id }, place));
  await settle();
}

/** The fakes, with requests-get answering from `details`. */
function bridge(overrides: Record<string, rf.Handler> = {}) {
  return rf.requestsBridge({
    'requests-get': (i) => details.get(Number(i.ref)) ?? rf.requestDetail({ ref: Number(i.ref) }),
    ...overrides,
  });
}

beforeEach(() => {
  details = new Map();
  resetStore();
  history.replaceState(null, '', '/');
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete window.tmPlanner;
  vi.restoreAllMocks();
});

describe('request editor: typing a request', () => {
  it('shows each error in words next to its field as the lead types, and Save draft sends exact integers', async () => {
    const calls = bridge({
      'requests-save': () => saved(21),
      'requests-get': () => rf.requestDetail({ ref: 21, id: 'R21', status: 'draft', allowed: ['submitted', 'cancelled'] }),
    });
    await mount();
    click(one('[data-testid="new-request"]'));
    await settle();
    const e = editor();
    expect(e.querySelector('h2')?.textContent).toBe('New request');
    // Every field has a visible label tied to its control.
    for (const label of ['Title', 'Stage', 'Priority', 'IT service', 'Requester', 'Start week', 'End week', 'Budget (EUR)', 'Notes']) {
      expect(field(e, label)).toBeTruthy();
    }

    typeInto(field(e, 'Title'), 'Exadata decommission');
    typeInto(field(e, 'Requester'), 'Nina Park');
    typeInto(field(e, 'Start week'), '2026-W12');
    typeInto(field(e, 'End week'), '2026-W10');
    const end = field(e, 'End week');
    expect(errorOf(end)).toBe('End week 2026-W10 is before start week 2026-W12');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    typeInto(end, '2026-W20');
    expect(errorOf(end)).toBeNull();
    expect(end.hasAttribute('aria-invalid')).toBe(false);

    const budget = field(e, 'Budget (EUR)');
    typeInto(budget, '12000.505');
    expect(errorOf(budget)).toBe('Budget "12000.505" has more than 2 decimal places');
    typeInto(budget, '12000.50');
    expect(errorOf(budget)).toBeNull();

    click(button(e, 'Add demand line'));
    const line = one('[data-testid="demand-line-fields"]');
    // A new line covers the request's weeks.
    expect(field(line, 'Start week').value).toBe('2026-W12');
    expect(field(line, 'End week').value).toBe('2026-W20');
    typeInto(field(line, 'Skill'), 'PostgreSQL');
    choose(field<HTMLSelectElement>(line, 'Minimum level'), '3');
    const hours = field(line, 'Hours per week');
    typeInto(hours, '7.333');
    expect(errorOf(hours)).toBe('Hours per week "7.333" has more than 2 decimal places');
    typeInto(hours, '16');
    expect(e.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);

    click(one('[data-testid="save-request"]'));
    await settle();
    expect(last(calls, 'requests-save')).toEqual({
      fields: {
        title: 'Exadata decommission',
        stage: 'transition',
        service: null,
        requester: 'Nina Park',
        priority: 'medium',
        startWeek: '2026-W12',
        endWeek: '2026-W20',
        budgetMinor: 1_200_050,
        notes: null,
      },
      lines: [{ skill: 'PostgreSQL', minLevel: 3, minutesPerWeek: 960, startWeek: '2026-W12', endWeek: '2026-W20' }],
    });
    // Saved: the editor shows the request as the plan holds it, and the address names it.
    expect(last(calls, 'requests-get')).toEqual({ ref: 21 });
    expect(editor().dataset.requestId).toBe('R21');
    expect(location.hash).toBe('#requests/R21');
    expect(useStore.getState().history.canUndo).toBe(true);
    expect(one('[data-testid="save-state"]').textContent).toBe('All changes saved');
  });

  it('says a field is required only once the lead tried to save, and shows the API refusal at its field', async () => {
    const calls = bridge({
      'requests-save': () => {
        throw new ApiError('invalid-input', 'requests-save: fields.service: must not hold control characters.', [
          'fields.service: must not hold control characters',
        ]);
      },
    });
    await mount();
    click(one('[data-testid="new-request"]'));
    await settle();
    const e = editor();
    const title = field(e, 'Title');
    expect(errorOf(title)).toBeNull();

    click(one('[data-testid="save-request"]'));
    await settle();
    expect(count(calls, 'requests-save')).toBe(0);
    expect(errorOf(title)).toBe('Title is required');
    expect(one('[data-testid="editor-message"]').textContent).toBe('Not saved: 1 field needs attention (marked below).');
    expect(document.activeElement).toBe(title);

    typeInto(title, 'Network refresh');
    const service = field(e, 'IT service');
    typeInto(service, 'Core');
    click(one('[data-testid="save-request"]'));
    await settle();
    expect(count(calls, 'requests-save')).toBe(1);
    expect(errorOf(service)).toBe('IT service must not hold control characters');
    typeInto(service, 'Core network');
    expect(errorOf(service)).toBeNull();
  });
});

describe('request editor: workflow', () => {
  it('Submit on a new request saves it as a draft, then submits it', async () => {
    const calls = bridge({
      'requests-save': () => saved(30),
      'requests-get': () => rf.requestDetail({ ref: 30, id: 'R30', status: 'draft', allowed: ['submitted', 'cancelled'] }),
      'requests-set-status': (i) => ({ ...saved(30), label: 'Submit R30', status: i.to, removedAllocations: 0 }),
    });
    await mount();
    click(one('[data-testid="new-request"]'));
    await settle();
    typeInto(field(editor(), 'Title'), 'Knowledge transfer');
    // A new request can only be submitted (there is nothing to cancel yet).
    expect([...editor().querySelectorAll('[data-testid^="transition-"]')].map((b) => b.textContent)).toEqual(['Submit']);
    click(one('[data-testid="transition-submitted"]'));
    await settle();
    expect(calls.map((c) => c.name).filter((n) => n.startsWith('requests-s'))).toEqual(['requests-save', 'requests-set-status']);
    expect(last(calls, 'requests-set-status')).toEqual({ ref: 30, to: 'submitted' });
  });

  it('offers only the allowed steps, and a rejection asks for its reason in a dialog', async () => {
    const calls = bridge({
      'requests-set-status': (i) => ({ ...saved(12), label: 'Reject R12', status: i.to, removedAllocations: 0 }),
    });
    await mount();
    await openDetail(rf.requestDetail({ ref: 12, id: 'R12', status: 'submitted' }));
    expect([...editor().querySelectorAll('[data-testid^="transition-"]')].map((b) => b.textContent)).toEqual([
      'Approve',
      'Withdraw to draft',
      'Reject',
      'Cancel request',
    ]);

    click(one('[data-testid="transition-rejected"]'));
    const dialog = one('[data-testid="reason-dialog"]') as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    const reason = field<HTMLTextAreaElement>(dialog, 'Reason (required)');
    click(one('[data-testid="reason-confirm"]'));
    expect(errorOf(reason)).toBe('Give a reason for the rejection');
    expect(count(calls, 'requests-set-status')).toBe(0);

    // Escape leaves it, nothing sent.
    rf.pressEscapeOn(dialog);
    await settle(1);
    expect(document.querySelector('[data-testid="reason-dialog"]')).toBeNull();

    click(one('[data-testid="transition-rejected"]'));
    typeInto(field<HTMLTextAreaElement>(one('[data-testid="reason-dialog"]'), 'Reason (required)'), 'No budget this quarter');
    click(one('[data-testid="reason-confirm"]'));
    await settle();
    expect(last(calls, 'requests-set-status')).toEqual({ ref: 12, to: 'rejected', reason: 'No budget this quarter' });
    // The editor reads the request again after the step.
    expect(count(calls, 'requests-get')).toBe(2);
  });

  it('closing asks what to do with allocations after this week, and only then', async () => {
    const calls = bridge({
      'requests-set-status': (i) => ({ ...saved(8), label: 'Close R8', status: i.to, removedAllocations: 0 }),
    });
    await mount();
    await openDetail(
      rf.requestDetail({ ref: 8, id: 'R8', status: 'approved', allowed: ['closed', 'cancelled'], allocationsAfterCurrentWeek: 3 }),
    );
    click(one('[data-testid="transition-closed"]'));
    const dialog = one('[data-testid="closing-dialog"]');
    expect(dialog.textContent).toContain('R8 has 3 allocations after this week (2026-W48)');
    expect((one('[data-testid="closing-confirm"]') as HTMLButtonElement).disabled).toBe(true);
    click(one('[data-testid="closing-keep"]'));
    click(one('[data-testid="closing-confirm"]'));
    await settle();
    expect(last(calls, 'requests-set-status')).toEqual({ ref: 8, to: 'closed', afterClosing: 'keep' });

    await openDetail(
      rf.requestDetail({ ref: 9, id: 'R9', status: 'approved', allowed: ['closed', 'cancelled'], allocationsAfterCurrentWeek: 0 }),
    );
    click(one('[data-testid="transition-closed"]'));
    await settle();
    expect(document.querySelector('[data-testid="closing-dialog"]')).toBeNull();
    expect(last(calls, 'requests-set-status')).toEqual({ ref: 9, to: 'closed' });
  });

  it('shows the history and the latest staffing received', async () => {
    bridge();
    await mount();
    await openDetail(
      rf.requestDetail({
        ref: 5,
        id: 'R5',
        history: [
          { at: '2026-11-20T08:00:00.000Z', what: 'created', before: null, after: 'draft', reason: null },
          { at: '2026-11-25T09:15:00.000Z', what: 'status', before: 'submitted', after: 'rejected', reason: 'Out of scope' },
        ],
        staffingReceived: {
          receivedAt: '2026-11-26T10:00:00.000Z',
          exportedAt: '2026-11-20T23:30:00.000-02:00',
          summary: {
            format: 'tm-planner/staffing-summary',
            version: 1,
            exported_at: '2026-11-21T01:30:00.000Z',
            plan_currency: 'EUR',
            request: { id: 'R5', title: 'T', status: 'approved', start_week: '2026-W48', end_week: '2026-W52', budget: '12000.00' },
            staffing: 'partly staffed',
            cost: '4560.50',
            hours: '24.67',
            open_hours: '16.00',
            budget_state: 'ok',
            people: [
              {
                specialist_id: 'E1',
                name: 'Ana Souza',
                department: 'DB',
                hours: '16.33',
                cost: '1000.00',
                weeks: [{ week: '2026-W48', hours: '16.33', status: 'confirmed' }],
              },
              {
                specialist_id: 'E2',
                name: 'Bo Li',
                department: 'DB',
                hours: '8.34',
                cost: '3560.50',
                weeks: [{ week: '2026-W50', hours: '8.34', status: 'tentative' }],
              },
            ],
            open_demand: [
              { skill: 'PostgreSQL', min_level: 3, week: '2026-W49', demanded_hours: '16.00', served_hours: '0.00', open_hours: '16.00' },
              { skill: 'PostgreSQL', min_level: 3, week: '2026-W48', demanded_hours: '16.00', served_hours: '16.00', open_hours: '0.00' },
            ],
          },
        },
      }),
    );
    const received = one('[data-testid="staffing-received"]');
    // exportedAt shown in UTC: 23:30 at UTC-2 is the next day.
    expect(received.querySelector('h3')?.textContent).toBe('Latest staffing received, 2026-11-21');
    expect(received.textContent).toContain('Ana Souza, Bo Li');
    expect(received.textContent).toContain('W48–W50 (2 weeks)');
    expect(received.textContent).toContain('24.67 h');
    expect(received.textContent).toContain('4,560.50 EUR of 12,000.00 EUR');
    expect(received.textContent).toContain('Open demand16 h');

    const entries = [...one('[data-testid="request-history"]').querySelectorAll('li')].map((li) => li.textContent);
    expect(entries).toEqual(['2026-11-25 09:15 UTCStatusSubmitted → RejectedReason: Out of scope', '2026-11-20 08:00 UTCCreated— → Draft']);
  });
});

describe('request editor over the board', () => {
  it('Edit on a card opens the editor as a modal dialog; a save refreshes the board; Escape closes it', async () => {
    const calls = bridge({
      'requests-get': (i) => rf.requestDetail({ ref: Number(i.ref), id: 'REQ-1', title: 'Request REQ-1' }),
      'requests-save': () => saved(1, 'REQ-1'),
    });
    await mount('board');
    click(one('[data-testid="request-card"][data-request-id="REQ-1"] [data-testid="edit-request"]'));
    await settle();
    const dialog = one('[data-testid="request-dialog"]') as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.dataset.modal).toBe('true');
    expect(last(calls, 'requests-get')).toEqual({ ref: 1 });
    expect(field(dialog, 'Title').value).toBe('Request REQ-1');

    const boards = count(calls, 'board-get');
    typeInto(field(dialog, 'Title'), 'Request REQ-1, phase 2');
    click(one('[data-testid="save-request"]'));
    await settle();
    expect(last(calls, 'requests-save')).toMatchObject({ ref: 1, fields: { title: 'Request REQ-1, phase 2' } });
    expect(count(calls, 'board-get')).toBe(boards + 1);
    expect(count(calls, 'specialists-list')).toBeGreaterThan(1);
    expect(count(calls, 'flags-list')).toBeGreaterThan(1);

    // Unsaved edits are not dropped by a stray Escape: the editor asks first.
    typeInto(field(dialog, 'Notes') as unknown as HTMLTextAreaElement, 'unsaved');
    rf.pressEscapeOn(dialog);
    await settle(1);
    expect(document.querySelector('[data-testid="request-dialog"]')).not.toBeNull();
    click(button(editor(), 'Discard changes'));
    await settle(1);
    expect(document.querySelector('[data-testid="request-dialog"]')).toBeNull();

    // Without unsaved edits Escape closes at once; New request opens an empty one.
    click(one('[data-testid="board-new-request"]'));
    await settle();
    expect(editor().querySelector('h2')?.textContent).toBe('New request');
    rf.pressEscapeOn(one('[data-testid="request-dialog"]'));
    await settle(1);
    expect(document.querySelector('[data-testid="request-dialog"]')).toBeNull();
    expect(location.hash).toBe('');
  });

  it('an undo of a request edit (reload) reads the board and the open request again', async () => {
    let status: RequestDetail['status'] = 'submitted';
    const undone: ChangeResult = {
      label: 'Undo: Submit R4',
      history: { canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'Submit R4' },
      specialists: [],
      cards: [],
      timeline: [],
      flags: { scope: { specialistWeeks: [], requestRefs: [] }, flags: [] },
      reload: true,
    };
    const calls = bridge({
      'history-state': () => ({ canUndo: true, canRedo: false, undoLabel: 'Submit R4', redoLabel: null }),
      'requests-get': () => rf.requestDetail({ ref: 4, id: 'R4', status }),
      'history-undo': () => {
        status = 'draft';
        return undone;
      },
    });
    await mount('board');
    await openDetail(rf.requestDetail({ ref: 4, id: 'R4' }), 'dialog');
    expect(one('[data-testid="request-status"]').textContent).toBe('Submitted');
    const boards = count(calls, 'board-get');
    await act(async () => button(one('.history-controls'), 'Undo').click());
    await settle();
    expect(count(calls, 'board-get')).toBe(boards + 1);
    expect(one('[data-testid="request-status"]').textContent).toBe('Draft');
    expect(useStore.getState().history.canRedo).toBe(true);
    expect(one('[data-testid="last-change"]').textContent).toContain('Undo: Submit R4');
  });

  it('keeps what the lead typed when the open request changes under it (an undo), and lets them choose', async () => {
    let title = 'Before undo';
    const undone: ChangeResult = {
      label: 'Undo: Edit R4',
      history: { canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'Edit R4' },
      specialists: [],
      cards: [],
      timeline: [],
      flags: { scope: { specialistWeeks: [], requestRefs: [] }, flags: [] },
      reload: true,
    };
    bridge({
      'history-state': () => ({ canUndo: true, canRedo: false, undoLabel: 'Edit R4', redoLabel: null }),
      'requests-get': () => rf.requestDetail({ ref: 4, id: 'R4', title }),
      'history-undo': () => {
        title = 'After undo';
        return undone;
      },
    });
    await mount('board');
    await openDetail(rf.requestDetail({ ref: 4, id: 'R4', title }), 'dialog');
    await typeInto(field(editor(), 'Notes'), 'Call Lena first');
    await act(async () => button(one('.history-controls'), 'Undo').click());
    await settle();
    expect((field(editor(), 'Notes') as HTMLTextAreaElement).value).toBe('Call Lena first');
    expect(one('[data-testid="changed-under-edits"]').textContent).toContain('Your unsaved changes are kept');
    await act(async () => button(one('[data-testid="changed-under-edits"]'), 'Discard my changes').click());
    await settle();
    expect((field(editor(), 'Title') as HTMLInputElement).value).toBe('After undo');
    expect((field(editor(), 'Notes') as HTMLTextAreaElement).value).toBe('');
  });
});

describe('request files', () => {
  function captureDownloads() {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return `blob:test/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    return { blobs, names };
  }

  function chooseFile(input: HTMLInputElement, name: string, text: string) {
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], name, { type: 'application/json' })] });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('exports the request file and the staffing summary (JSON and PDF) as downloads', async () => {
    const file = { format: 'tm-planner/request', version: 1, request: { id: 'R3' } };
    bridge({
      'requests-export': () => ({ fileName: 'R3.request.json', file }),
      'requests-summary': () => ({ fileName: 'R3.staffing.json', file: { format: 'tm-planner/staffing-summary' } }),
      'requests-summary-pdf': () => ({ fileName: 'R3.staffing.pdf', pdfBase64: btoa('%PDF-1.7 test') }),
    });
    const { blobs, names } = captureDownloads();
    await mount();
    await openDetail(rf.requestDetail({ ref: 3, id: 'R3' }));
    click(one('[data-testid="export-request"]'));
    await settle();
    click(one('[data-testid="summary-json"]'));
    await settle();
    click(one('[data-testid="summary-pdf"]'));
    await settle();
    expect(names).toEqual(['R3.request.json', 'R3.staffing.json', 'R3.staffing.pdf']);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(file);
    expect(blobs[2]!.type).toBe('application/pdf');
    expect(await blobs[2]!.text()).toBe('%PDF-1.7 test');
  });

  it('an import shows every difference and applies only on Apply; a refused file changes nothing', async () => {
    const text = '{"format":"tm-planner/request"}';
    const calls = bridge({
      'requests-import-preview': (i) => {
        if (String(i.text).includes('newer')) {
          throw new ApiError('invalid-input', 'The file is version 2 of tm-planner/request; this TM Planner reads version 1.');
        }
        return {
          kind: 'request',
          requestId: 'R12',
          isNew: false,
          differences: [
            { kind: 'field', requestId: 'R12', field: 'title', before: 'A', after: 'B', text: 'R12 title: "A" -> "B"' },
            { kind: 'line-added', requestId: 'R12', skill: 'PostgreSQL', text: 'R12 + demand PostgreSQL L3 16 h/wk 2026-W50..2027-W02' },
          ],
        };
      },
      'requests-import-apply': () => ({ ...saved(12), label: 'Import R12', kind: 'request', applied: 2 }),
    });
    await mount();
    const input = one('[data-testid="import-file"]') as HTMLInputElement;
    expect(input.type).toBe('file');

    chooseFile(input, 'R12.request.json', text);
    await settle();
    const dialog = one('[data-testid="import-dialog"]');
    expect([...dialog.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'R12 title: "A" -> "B"',
      'R12 + demand PostgreSQL L3 16 h/wk 2026-W50..2027-W02',
    ]);
    expect(last(calls, 'requests-import-preview')).toEqual({ text, fileName: 'R12.request.json' });
    expect(count(calls, 'requests-import-apply')).toBe(0);

    // Cancel applies nothing.
    click(button(dialog, 'Cancel'));
    expect(document.querySelector('[data-testid="import-dialog"]')).toBeNull();
    expect(count(calls, 'requests-import-apply')).toBe(0);

    chooseFile(input, 'R12.request.json', text);
    await settle();
    click(one('[data-testid="import-apply"]'));
    await settle();
    // Apply names what the preview showed, so a plan changed since applies nothing.
    expect(last(calls, 'requests-import-apply')).toEqual({
      text,
      fileName: 'R12.request.json',
      expected: ['R12 title: "A" -> "B"', 'R12 + demand PostgreSQL L3 16 h/wk 2026-W50..2027-W02'],
    });
    expect(document.querySelector('[data-testid="import-dialog"]')).toBeNull();
    // The imported request opens, as the plan now holds it.
    expect(editor().dataset.requestId).toBe('R12');
    expect(location.hash).toBe('#requests/R12');

    chooseFile(one('[data-testid="import-file"]') as HTMLInputElement, 'newer.json', '{"newer": true}');
    await settle();
    expect(one('[data-testid="import-refused"]').textContent).toContain(
      'The file is version 2 of tm-planner/request; this TM Planner reads version 1.',
    );
    expect(document.querySelector('[data-testid="import-apply"]')).toBeNull();
    expect(count(calls, 'requests-import-apply')).toBe(1);
  });
});
