// The request editor's form: what the lead types (text) to the integers the API takes
// (minutes, minor units) and back. The rules themselves are the domain's requestProblems,
// worded by shared/format; this file only parses, maps paths to fields and keeps the text.
import type { ApiInput, RequestDetail } from '../../../shared/api';
import {
  MAX_BUDGET_MINOR,
  addIsoWeeks,
  formatHours,
  formatMoney,
  formatMoneyGrouped,
  parseHours,
  parseMoney,
  requestProblems,
  type IsoWeek,
  type Priority,
  type ProblemPath,
  type Stage,
} from '../../../shared/domain';
import { requestProblemText } from '../../../shared/format';

export interface LineForm {
  /** Stable across edits, for React lists: "ref-3" for a saved line, "new-1" for a new one. */
  key: string;
  ref: number | null;
  skill: string;
  minLevel: number;
  hours: string;
  startWeek: string;
  endWeek: string;
}

export interface RequestForm {
  title: string;
  stage: Stage;
  service: string;
  requester: string;
  priority: Priority;
  startWeek: string;
  endWeek: string;
  budget: string;
  notes: string;
  lines: LineForm[];
}

/** Field key -> what is wrong with it. Keys are the API's paths without "fields.": "endWeek", "lines.0.skill". */
export type FormErrors = Readonly<Record<string, string>>;

export type SaveInput = Omit<ApiInput<'requests-save'>, 'ref' | 'id'>;

export interface FormCheck {
  errors: FormErrors;
  /** Keys whose only problem is that they are empty: shown once the lead has been there or tried to save. */
  required: ReadonlySet<string>;
  input: SaveInput | null;
}

/** A new request lasts this many weeks from the current one until the lead says otherwise. */
export const NEW_REQUEST_WEEKS = 8;

export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  1: 'awareness',
  2: 'basic',
  3: 'competent',
  4: 'advanced',
  5: 'expert',
};

/** Labels of the fields, also for errors the API words without one ("must be at most 200 characters"). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'Id',
  title: 'Title',
  stage: 'Stage',
  service: 'IT service',
  requester: 'Requester',
  priority: 'Priority',
  startWeek: 'Start week',
  endWeek: 'End week',
  budgetMinor: 'Budget',
  notes: 'Notes',
  skill: 'Skill',
  minLevel: 'Minimum level',
  minutesPerWeek: 'Hours per week',
  status: 'Status',
  demand: 'Demand line',
  // Names the request history uses beside the fields'.
  budget: 'Budget',
  created: 'Created',
  staffingReceived: 'Staffing received',
};

export const fieldKey = (path: readonly (string | number)[]): string => path.join('.');
export const lineKey = (index: number, field: ProblemPath[2] & string): string => `lines.${index}.${field}`;

let newLines = 0;

export function emptyForm(currentWeek: IsoWeek): RequestForm {
  return {
    title: '',
    stage: 'transition',
    service: '',
    requester: '',
    priority: 'medium',
    startWeek: currentWeek,
    endWeek: addIsoWeeks(currentWeek, NEW_REQUEST_WEEKS - 1),
    budget: '',
    notes: '',
    lines: [],
  };
}

export function formFromDetail(d: RequestDetail): RequestForm {
  return {
    title: d.title,
    stage: d.stage,
    service: d.service ?? '',
    requester: d.requester ?? '',
    priority: d.priority,
    startWeek: d.startWeek,
    endWeek: d.endWeek,
    // As typed money reads it: at most 2 places (a 3-digit currency's budget ends in 0 then).
    budget: d.budgetMinor === null ? '' : formatMoney(d.budgetMinor, d.minorDigits).replace(/(\.\d\d)0$/, '$1'),
    notes: d.notes ?? '',
    lines: d.lines.map((l) => ({
      key: `ref-${l.ref}`,
      ref: l.ref,
      skill: l.skill,
      minLevel: l.minLevel,
      hours: formatHours(l.minutesPerWeek),
      startWeek: l.startWeek,
      endWeek: l.endWeek,
    })),
  };
}

/** A new demand line over the request's weeks (domain.md: a line's range defaults to the request's). */
export function withNewLine(form: RequestForm): RequestForm {
  const line: LineForm = {
    key: `new-${++newLines}`,
    ref: null,
    skill: '',
    minLevel: 1,
    hours: '',
    startWeek: form.startWeek,
    endWeek: form.endWeek,
  };
  return { ...form, lines: [...form.lines, line] };
}

/**
 * Parses the form and checks it with the domain's rules. Every problem lands on the field
 * that breaks it; a field whose text does not parse shows that, not a rule about its value.
 */
export function checkForm(form: RequestForm, minorDigits: number): FormCheck {
  const errors: Record<string, string> = {};
  const required = new Set<string>();
  const put = (key: string, message: string, isRequired = false) => {
    if (key in errors) return;
    errors[key] = message;
    if (isRequired) required.add(key);
  };

  const budgetMinor = parseBudget(form.budget, minorDigits, (m) => put('budgetMinor', m));
  const minutes = form.lines.map((l, i) => {
    const key = lineKey(i, 'minutesPerWeek');
    if (l.hours.trim() === '') {
      put(key, requestProblemText({ path: ['lines', i, 'minutesPerWeek'], rule: 'required' }), true);
      return Number.NaN;
    }
    const parsed = parseHours(l.hours);
    if (!parsed.ok) {
      put(key, `Hours per week ${parsed.error}`);
      return Number.NaN;
    }
    return parsed.value;
  });

  const fields = {
    title: form.title.trim(),
    stage: form.stage,
    service: optional(form.service),
    requester: optional(form.requester),
    priority: form.priority,
    startWeek: form.startWeek.trim(),
    endWeek: form.endWeek.trim(),
    budgetMinor: budgetMinor ?? null,
    notes: optional(form.notes),
  };
  const lines = form.lines.map((l, i) => ({
    ...(l.ref !== null ? { ref: l.ref } : {}),
    skill: l.skill.trim(),
    minLevel: l.minLevel,
    minutesPerWeek: minutes[i]!,
    startWeek: l.startWeek.trim(),
    endWeek: l.endWeek.trim(),
  }));

  for (const p of requestProblems({ title: fields.title, startWeek: fields.startWeek, endWeek: fields.endWeek, lines })) {
    put(fieldKey(p.path), requestProblemText(p), p.rule === 'required');
  }
  const ok = Object.keys(errors).length === 0 && budgetMinor !== undefined;
  return { errors, required, input: ok ? { fields, lines } : null };
}

/** The budget in minor units, null for none, undefined when it does not parse (reported through `fail`). */
function parseBudget(text: string, minorDigits: number, fail: (message: string) => void): number | null | undefined {
  if (text.trim() === '') return null;
  const parsed = parseMoney(text, minorDigits);
  if (!parsed.ok) {
    fail(`Budget ${parsed.error}`);
    return undefined;
  }
  if (parsed.value < 0) {
    fail('Budget must not be negative (leave it empty for no budget)');
    return undefined;
  }
  if (parsed.value > MAX_BUDGET_MINOR) {
    fail(`Budget must be at most ${formatMoneyGrouped(MAX_BUDGET_MINOR, minorDigits)}`);
    return undefined;
  }
  return parsed.value;
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The API's invalid-input details ("fields.endWeek: End week ...", "lines.1.skill: ...") as
 * errors next to their fields; details that name no field of the form are returned apart.
 */
export function errorsFromApi(details: readonly string[]): { errors: FormErrors; other: string[] } {
  const errors: Record<string, string> = {};
  const other: string[] = [];
  for (const d of details) {
    const m = /^(?:fields\.)?((?:lines\.\d+\.)?[A-Za-z]+): (.+)$/.exec(d);
    const key = m?.[1];
    const field = key?.split('.').pop();
    if (!m || !key || !field || !(field in FIELD_LABELS) || key === 'lines') {
      other.push(d);
      continue;
    }
    const text = m[2]!;
    // zod words a bound without its subject ("must be at most 200 characters").
    const message = /^[a-z]/.test(text) ? `${FIELD_LABELS[field]} ${text}` : text;
    if (!(key in errors)) errors[key] = message;
  }
  return { errors, other };
}

/** The form without its list keys: what decides whether there is anything unsaved. */
function comparable(form: RequestForm): string {
  return JSON.stringify({ ...form, lines: form.lines.map(({ key: _key, ...rest }) => rest) });
}

export function sameForm(a: RequestForm, b: RequestForm): boolean {
  return comparable(a) === comparable(b);
}
