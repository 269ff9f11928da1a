// Fake answers of the requests API and the small DOM helpers the requests tests share.
import { act } from 'react';
import type { HistoryState, RequestDetail, RequestRow, RequestsList } from '../../shared/api';
import { PRIORITIES, REQUEST_STATUSES, STAGES } from '../../shared/domain';
import { TEST_WEEK } from '../helpers/clock';
import * as fx from './fixtures';

export type { Calls, Handler } from './fixtures';

export const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
export const REQUESTERS = ['Lena Hoffmann', 'Marco Bianchi', 'Sven Olsen', 'Priya Raman', 'Aylin Demir'];

export function requestRow(over: Partial<RequestRow> & Pick<RequestRow, 'ref'>): RequestRow {
  return {
    id: `R${over.ref}`,
    title: `Request ${over.ref}`,
    stage: 'transition',
    status: 'submitted',
    priority: 'medium',
    service: 'Billing',
    requester: 'Lena Hoffmann',
    startWeek: '2026-W48',
    endWeek: '2026-W52',
    budgetMinor: 1_200_000,
    costMinor: 0,
    budgetState: 'ok',
    staffing: 'unstaffed',
    allocatedMinutes: 0,
    demandLines: 1,
    ...over,
  };
}

/** `count` requests spread over every stage, status, priority and requester; costs all differ. */
export function requestsList(count: number): RequestsList {
  const requests = Array.from({ length: count }, (_, i) =>
    requestRow({
      ref: i + 1,
      title: `Request number ${i + 1}`,
      stage: STAGES[i % STAGES.length]!,
      status: REQUEST_STATUSES[i % REQUEST_STATUSES.length]!,
      priority: PRIORITIES[i % PRIORITIES.length]!,
      requester: REQUESTERS[i % REQUESTERS.length]!,
      // A permutation of 0..count-1 (7 is prime to the counts used), so no two costs tie.
      costMinor: ((i * 7) % count) * 100,
    }),
  );
  return { currency: 'EUR', minorDigits: 2, currentWeek: TEST_WEEK, requests };
}

export function requestDetail(over: Partial<RequestDetail> & Pick<RequestDetail, 'ref'>): RequestDetail {
  const row = requestRow({ ref: over.ref });
  return {
    ...row,
    notes: null,
    rejectionReason: null,
    closedWeek: null,
    currency: 'EUR',
    minorDigits: 2,
    currentWeek: TEST_WEEK,
    lines: [
      {
        ref: 70,
        skill: 'PostgreSQL',
        minLevel: 3,
        minutesPerWeek: 960,
        startWeek: '2026-W48',
        endWeek: '2026-W52',
        demandedMinutes: 4800,
        servedMinutes: 1440,
      },
    ],
    allowed: ['approved', 'draft', 'rejected', 'cancelled'],
    history: [],
    staffingReceived: null,
    allocationsAfterCurrentWeek: 0,
    ...over,
  };
}

/** The board's fake answers plus the requests API's; `overrides` replace any of them. */
export function requestsBridge(overrides: Record<string, fx.Handler> = {}, list: RequestsList = requestsList(20)) {
  return fx.fakeBridge({
    'plan-info': () => fx.plan,
    'board-get': (i) => fx.board(String(i.from), String(i.to)),
    'specialists-list': (i) => fx.specialists(String(i.from), String(i.to)),
    'flags-list': () => fx.flags(),
    'history-state': () => NO_HISTORY,
    'requests-list': () => list,
    'requests-get': (i) => requestDetail({ ref: Number(i.ref), id: `R${Number(i.ref)}` }),
    'skills-list': () => ({
      skills: [
        { name: 'PostgreSQL', category: 'Database', holders: 4 },
        { name: 'Linux', category: null, holders: 9 },
      ],
    }),
    ...overrides,
  });
}

/** jsdom has no modal dialogs: showModal and close as the browser does them, enough for the screens' wiring. */
export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { __polyfilled?: boolean };
  if (proto.__polyfilled) return;
  proto.__polyfilled = true;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
    this.dataset.modal = 'true';
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

/** What the browser does on Escape in a modal dialog: a cancelable `cancel` event on it. */
export function pressEscapeOn(dialog: HTMLElement): void {
  act(() => {
    const e = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(e);
    if (!e.defaultPrevented) (dialog as HTMLDialogElement).close();
  });
}

export const settle = async (n = 6) => {
  for (let i = 0; i < n; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
};

export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(el: Element): void {
  act(() => (el as HTMLElement).click());
}

export function key(target: Element, k: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

/** The control a visible label names, inside `root`. */
export function field<T extends HTMLElement = HTMLInputElement>(root: Element, label: string): T {
  const found = [...root.querySelectorAll('label')].filter((l) => l.textContent === label);
  if (found.length !== 1) throw new Error(`${found.length} labels "${label}"`);
  const control = root.ownerDocument.getElementById(found[0]!.htmlFor);
  if (!control) throw new Error(`label "${label}" names no control`);
  return control as T;
}

/** The error a control is described by (aria-describedby), or null when it has none. */
export function errorOf(control: Element): string | null {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  for (const id of ids) {
    const el = control.ownerDocument.getElementById(id);
    if (el?.classList.contains('rq-error')) return el.textContent;
  }
  return null;
}

export function button(root: Element, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].filter((b) => b.textContent === text);
  if (found.length !== 1) throw new Error(`${found.length} buttons "${text}"`);
  return found[0]!;
}
