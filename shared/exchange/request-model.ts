import type { Priority, RequestStatus, Stage } from '../domain/model';
import { skillKey } from '../domain/request-rules';
import { formatHours, formatMoney, parseHours, parseMoney, parseScaledDecimal, type Parsed } from '../domain/units';
import type { IsoWeek } from '../domain/weeks';
import { EXCHANGE_VERSION, REQUEST_FILE_FORMAT, type RequestFile } from './request-file';

/**
 * A request as both sides of an exchange compare it: exact integers (minutes, minor units)
 * instead of the file's decimal texts, so "16" and "16.00" hours are the same ask.
 */
export interface ExchangeRequest {
  id: string;
  title: string;
  stage: Stage;
  service: string | null;
  requester: string | null;
  priority: Priority;
  status: RequestStatus;
  startWeek: IsoWeek;
  endWeek: IsoWeek;
  budgetMinor: number | null;
  notes: string | null;
  lines: ExchangeLine[];
}

export interface ExchangeLine {
  /** The plan's row of the line; a file's lines have none. */
  ref?: number | undefined;
  skill: string;
  minLevel: number;
  minutesPerWeek: number;
  startWeek: IsoWeek;
  endWeek: IsoWeek;
}

/** The plan keeps one demand line per skill and first week: that pair is what a file's line is matched by. */
export const lineKey = (l: { skill: string; startWeek: string }): string => `${skillKey(l.skill)}|${l.startWeek}`;

export function requestFileOf(r: ExchangeRequest, o: { currency: string; minorDigits: number; exportedAt: string }): RequestFile {
  return {
    format: REQUEST_FILE_FORMAT,
    version: EXCHANGE_VERSION,
    exported_at: o.exportedAt,
    plan_currency: o.currency,
    request: {
      id: r.id,
      title: r.title,
      stage: r.stage,
      service: r.service,
      requester: r.requester,
      priority: r.priority,
      status: r.status,
      start_week: r.startWeek,
      end_week: r.endWeek,
      budget: r.budgetMinor === null ? null : formatMoney(r.budgetMinor, o.minorDigits),
      notes: r.notes,
    },
    demand: r.lines.map((l) => ({
      skill: l.skill,
      min_level: l.minLevel,
      hours_per_week: formatHours(l.minutesPerWeek),
      start_week: l.startWeek,
      end_week: l.endWeek,
    })),
  };
}

/** Where a decimal of a file could not be read, and why. */
export interface DecimalProblem {
  path: string;
  error: string;
}

/**
 * Money a TM Planner wrote: the currency's own minor digits. A 3-digit currency (BHD) is
 * written with 3 places, which typed input (parseMoney, 2 places at most) would refuse.
 */
export function parseFileMoney(text: string, minorDigits: number): Parsed<number> {
  return minorDigits > 2 ? parseScaledDecimal(text, minorDigits) : parseMoney(text, minorDigits);
}

/** The file's request with its decimals read exactly; the first decimal that cannot be read is the problem. */
export function requestFromFile(
  file: RequestFile,
  minorDigits: number,
): { ok: true; request: ExchangeRequest } | { ok: false; problem: DecimalProblem } {
  const r = file.request;
  let budgetMinor: number | null = null;
  if (r.budget !== null) {
    const b = parseFileMoney(r.budget, minorDigits);
    if (!b.ok) return { ok: false, problem: { path: 'request.budget', error: b.error } };
    budgetMinor = b.value;
  }
  const lines: ExchangeLine[] = [];
  for (const [i, l] of file.demand.entries()) {
    const h = parseHours(l.hours_per_week);
    if (!h.ok) return { ok: false, problem: { path: `demand[${i}].hours_per_week`, error: h.error } };
    lines.push({ skill: l.skill.trim(), minLevel: l.min_level, minutesPerWeek: h.value, startWeek: l.start_week, endWeek: l.end_week });
  }
  return {
    ok: true,
    request: {
      id: r.id.trim(),
      title: r.title.trim(),
      stage: r.stage,
      service: blankToNull(r.service),
      requester: blankToNull(r.requester),
      priority: r.priority,
      status: r.status,
      startWeek: r.start_week,
      endWeek: r.end_week,
      budgetMinor,
      notes: blankToNull(r.notes),
      lines,
    },
  };
}

// The editor saves an empty optional text as none: a file's "" and null are the same.
function blankToNull(t: string | null): string | null {
  return t === null || t.trim() === '' ? null : t.trim();
}
