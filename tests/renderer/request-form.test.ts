import { describe, expect, it } from 'vitest';
import type { RequestDetail, RequestRow } from '../../shared/api';
import {
  checkForm,
  emptyForm,
  errorsFromApi,
  formFromDetail,
  sameForm,
  withNewLine,
  type RequestForm,
} from '../../renderer/src/model/request-form';
import { cmpRequestId, nextSort, shownRequests, staffingText, utcDateText, utcDateTimeText } from '../../renderer/src/model/request-list';
import { DEFAULT_REQUEST_SORT, NO_REQUEST_FILTERS } from '../../renderer/src/store';
import { TEST_WEEK } from '../helpers/clock';

function filled(over: Partial<RequestForm> = {}): RequestForm {
  const base = withNewLine({ ...emptyForm('2026-W48'), title: 'Oracle to PostgreSQL', requester: 'Lena Hoffmann', budget: '12000.50' });
  return { ...base, lines: base.lines.map((l) => ({ ...l, skill: 'PostgreSQL', minLevel: 3, hours: '16' })), ...over };
}

describe('request form: text to the integers the API takes', () => {
  it('turns budget and hours into minor units and minutes, and trims text', () => {
    const check = checkForm(filled({ service: '  Billing ', notes: ' ' }), 2);
    expect(check.errors).toEqual({});
    expect(check.input).toEqual({
      fields: {
        title: 'Oracle to PostgreSQL',
        stage: 'transition',
        service: 'Billing',
        requester: 'Lena Hoffmann',
        priority: 'medium',
        startWeek: '2026-W48',
        endWeek: '2027-W02',
        budgetMinor: 1_200_050,
        notes: null,
      },
      lines: [{ skill: 'PostgreSQL', minLevel: 3, minutesPerWeek: 960, startWeek: '2026-W48', endWeek: '2027-W02' }],
    });
  });

  it('rounds hours to whole minutes as domain.md says (7.33 h = 440 min), and an empty budget is none', () => {
    const form = filled({ budget: '' });
    form.lines[0]!.hours = '7.33';
    expect(checkForm(form, 2).input?.lines[0]?.minutesPerWeek).toBe(440);
    expect(checkForm(form, 2).input?.fields.budgetMinor).toBeNull();
  });

  it('refuses over-precise input next to its field instead of rounding it', () => {
    const form = filled({ budget: '12000.505' });
    form.lines[0]!.hours = '7.333';
    const check = checkForm(form, 2);
    expect(check.input).toBeNull();
    expect(check.errors).toEqual({
      budgetMinor: 'Budget "12000.505" has more than 2 decimal places',
      'lines.0.minutesPerWeek': 'Hours per week "7.333" has more than 2 decimal places',
    });
  });

  it("honours the currency's minor digits: cents are an error in yen, 3 digits scale up", () => {
    expect(checkForm(filled({ budget: '6250.50' }), 0).errors.budgetMinor).toBe(
      'Budget "6250.50" has more decimal places than the plan\'s currency uses (0)',
    );
    expect(checkForm(filled({ budget: '6250' }), 0).input?.fields.budgetMinor).toBe(6250);
    expect(checkForm(filled({ budget: '1.25' }), 3).input?.fields.budgetMinor).toBe(1250);
    expect(checkForm(filled({ budget: '-5' }), 2).errors.budgetMinor).toMatch(/^Budget must not be negative/);
  });

  it("words the domain's rules at the field that breaks them", () => {
    const form = filled({ title: '  ', startWeek: '2026-W12', endWeek: '2026-W10' });
    const check = checkForm(form, 2);
    expect(check.errors.title).toBe('Title is required');
    expect(check.errors.endWeek).toBe('End week 2026-W10 is before start week 2026-W12');
    expect(check.required.has('title')).toBe(true);
    expect(check.required.has('endWeek')).toBe(false);

    const lines = filled();
    lines.lines[0] = { ...lines.lines[0]!, startWeek: '2026-W40', hours: '' };
    const lineCheck = checkForm(lines, 2);
    expect(lineCheck.errors['lines.0.startWeek']).toBe("Weeks 2026-W40..2027-W02 are outside the request's 2026-W48..2027-W02");
    expect(lineCheck.errors['lines.0.minutesPerWeek']).toBe('Hours per week is required');
    expect(lineCheck.required.has('lines.0.minutesPerWeek')).toBe(true);
  });

  it('starts a new line over the request weeks, and a new request on the current week', () => {
    const form = withNewLine({ ...emptyForm(TEST_WEEK), startWeek: '2026-W50', endWeek: '2027-W03' });
    expect(emptyForm(TEST_WEEK).startWeek).toBe(TEST_WEEK);
    expect(form.lines[0]).toMatchObject({ ref: null, skill: '', minLevel: 1, startWeek: '2026-W50', endWeek: '2027-W03' });
  });

  it('reads a budget of a 3-digit currency back as money is typed, so the request saves again', () => {
    const detail = {
      ...({} as RequestDetail),
      title: 'T',
      startWeek: '2026-W48',
      endWeek: '2026-W52',
      budgetMinor: 1_234_500,
      minorDigits: 3,
      lines: [],
    } as RequestDetail;
    const form = formFromDetail(detail);
    expect(form.budget).toBe('1234.50');
    expect(checkForm(form, 3).input?.fields.budgetMinor).toBe(1_234_500);
  });

  it('reads a saved request back into the same text, and knows when nothing changed', () => {
    const detail = {
      title: 'T',
      stage: 'design',
      service: null,
      requester: 'Ana',
      priority: 'high',
      startWeek: '2026-W48',
      endWeek: '2026-W52',
      budgetMinor: 1_200_001,
      notes: null,
      minorDigits: 2,
      lines: [{ ref: 7, skill: 'Linux', minLevel: 2, minutesPerWeek: 440, startWeek: '2026-W49', endWeek: '2026-W50' }],
    } as unknown as RequestDetail;
    const form = formFromDetail(detail);
    expect(form).toMatchObject({ service: '', budget: '12000.01', lines: [{ ref: 7, hours: '7.33' }] });
    expect(sameForm(form, formFromDetail(detail))).toBe(true);
    expect(sameForm(form, { ...form, title: 'T2' })).toBe(false);
    expect(checkForm(form, 2).input?.lines[0]).toEqual({
      ref: 7,
      skill: 'Linux',
      minLevel: 2,
      minutesPerWeek: 440,
      startWeek: '2026-W49',
      endWeek: '2026-W50',
    });
  });

  it("places the API's invalid-input details at their fields, and keeps the rest apart", () => {
    const { errors, other } = errorsFromApi([
      'fields.endWeek: End week 2026-W10 is before start week 2026-W12',
      'fields.service: must be at most 200 characters',
      'lines.1.skill: Demand line 1 already asks for PostgreSQL from 2026-W48',
      'ref: Request 9 does not exist',
      'input: something else',
    ]);
    expect(errors).toEqual({
      endWeek: 'End week 2026-W10 is before start week 2026-W12',
      service: 'IT service must be at most 200 characters',
      'lines.1.skill': 'Demand line 1 already asks for PostgreSQL from 2026-W48',
    });
    expect(other).toEqual(['ref: Request 9 does not exist', 'input: something else']);
  });
});

function row(over: Partial<RequestRow> & Pick<RequestRow, 'id'>): RequestRow {
  return {
    ref: Number(over.id.replace(/\D/g, '')),
    title: `Request ${over.id}`,
    stage: 'design',
    status: 'submitted',
    priority: 'medium',
    service: null,
    requester: null,
    startWeek: '2026-W48',
    endWeek: '2026-W50',
    budgetMinor: null,
    costMinor: 0,
    budgetState: 'none',
    staffing: 'unstaffed',
    allocatedMinutes: 0,
    demandLines: 1,
    ...over,
  };
}

describe('requests list model', () => {
  const rows = [
    row({ id: 'R10', costMinor: 500, budgetMinor: 1000, requester: 'Zoë', stage: 'operation' }),
    row({ id: 'R2', costMinor: 900, title: 'Émile migration', requester: 'anna' }),
    row({ id: 'R1', costMinor: 100, budgetMinor: 0, status: 'draft' }),
  ];

  it('orders ids by their numbers (R2 before R10) and every column both ways', () => {
    expect(cmpRequestId('R2', 'R10')).toBeLessThan(0);
    expect(cmpRequestId('REQ-9', 'REQ-10')).toBeLessThan(0);
    const ids = (sort: Parameters<typeof shownRequests>[2]) => shownRequests(rows, NO_REQUEST_FILTERS, sort).map((r) => r.id);
    expect(ids(DEFAULT_REQUEST_SORT)).toEqual(['R1', 'R2', 'R10']);
    expect(ids({ key: 'cost', direction: 'descending' })).toEqual(['R2', 'R10', 'R1']);
    // No budget sorts below a zero budget.
    expect(ids({ key: 'budget', direction: 'ascending' })).toEqual(['R2', 'R1', 'R10']);
    expect(nextSort(DEFAULT_REQUEST_SORT, 'id')).toEqual({ key: 'id', direction: 'descending' });
    expect(nextSort(DEFAULT_REQUEST_SORT, 'cost')).toEqual({ key: 'cost', direction: 'ascending' });
  });

  it('filters by stage, status, requester and text (case and accents aside)', () => {
    const ids = (f: Partial<typeof NO_REQUEST_FILTERS>) =>
      shownRequests(rows, { ...NO_REQUEST_FILTERS, ...f }, DEFAULT_REQUEST_SORT).map((r) => r.id);
    expect(ids({ text: 'emile' })).toEqual(['R2']);
    expect(ids({ text: 'zoe' })).toEqual(['R10']);
    expect(ids({ stage: 'operation' })).toEqual(['R10']);
    expect(ids({ status: 'draft' })).toEqual(['R1']);
    expect(ids({ requester: 'anna' })).toEqual(['R2']);
  });

  it('shows allocated hours for a request without demand lines, and UTC dates', () => {
    expect(staffingText({ staffing: 'no demand', allocatedMinutes: 440 })).toBe('7.33 h allocated');
    expect(staffingText({ staffing: 'partly staffed', allocatedMinutes: 0 })).toBe('partly staffed');
    expect(utcDateTimeText('2026-11-26T23:30:00+02:00')).toBe('2026-11-26 21:30 UTC');
    expect(utcDateText('2026-11-20T23:59:00-05:00')).toBe('2026-11-21');
  });
});
