// Reading an exchange file and the differences an import shows, before anything touches a
// plan: the rules in shared/exchange, the words in shared/format/request-diff.ts.
import { describe, expect, it } from 'vitest';
import { diffRequest, appliedCount } from '../../shared/exchange/diff';
import { readExchangeFile } from '../../shared/exchange/read-file';
import { requestFileOf, type ExchangeRequest } from '../../shared/exchange/request-model';
import { requestFileName, staffingSummaryFileName } from '../../shared/exchange/file-names';
import { changeText, exchangeProblemText, requestDifferences } from '../../shared/format/request-diff';

const EUR = { currency: 'EUR', minorDigits: 2 };

const base = (): ExchangeRequest => ({
  id: 'R12',
  title: 'A',
  stage: 'transition',
  service: 'Billing',
  requester: 'Lena',
  priority: 'high',
  status: 'submitted',
  startWeek: '2026-W50',
  endWeek: '2027-W04',
  budgetMinor: 1_200_000,
  notes: null,
  lines: [
    { skill: 'PostgreSQL', minLevel: 3, minutesPerWeek: 960, startWeek: '2026-W50', endWeek: '2027-W02' },
    { skill: 'Linux', minLevel: 2, minutesPerWeek: 480, startWeek: '2026-W51', endWeek: '2026-W52' },
  ],
});

const texts = (current: ExchangeRequest | null, incoming: ExchangeRequest): string[] =>
  diffRequest(current, incoming, 2).changes.map((c) => changeText(c, 2));

const fileText = (r: ExchangeRequest, over: (f: Record<string, unknown>) => void = () => {}): string => {
  const f = requestFileOf(r, { ...EUR, exportedAt: '2026-11-26T12:00:00.000Z' }) as unknown as Record<string, unknown>;
  over(f);
  return JSON.stringify(f, null, 2);
};

describe('the differences of an import', () => {
  it('brings a new request in with the status of the file, but a rejected one as submitted: a file carries no reason', () => {
    for (const status of ['draft', 'submitted', 'approved', 'closed', 'cancelled'] as const) {
      const d = diffRequest(null, { ...base(), status }, 2);
      expect([d.createStatus, d.changes.some((c) => c.kind === 'status-kept')]).toEqual([status, false]);
    }
    const d = diffRequest(null, { ...base(), status: 'rejected' }, 2);
    expect(d.createStatus).toBe('submitted');
    expect(d.changes.map((c) => changeText(c, 2))[1]).toBe(
      'R12 starts as "submitted": the file says "rejected", which needs a reason a file does not carry',
    );
  });

  it('are none for the same request, and "16" hours or "12000" money equal what the plan wrote as "16.00" and "12000.00"', () => {
    expect(texts(base(), base())).toEqual([]);
    const read = readExchangeFile(
      fileText(base(), (f) => {
        (f.request as Record<string, unknown>).budget = '12000';
        (f.demand as Record<string, unknown>[])[0]!.hours_per_week = '16';
        (f.demand as Record<string, unknown>[])[1]!.skill = 'linux';
      }),
      EUR,
    );
    if (!read.ok || read.kind !== 'request') throw new Error('the file should read');
    expect(texts(base(), read.request)).toEqual([]);
  });

  it('are worded field by field and line by line as interchange.md writes them', () => {
    const next = base();
    next.title = 'B';
    next.budgetMinor = null;
    next.notes = 'Two "phases"\nthen cut-over';
    next.lines = [
      { skill: 'PostgreSQL', minLevel: 4, minutesPerWeek: 1200, startWeek: '2026-W50', endWeek: '2027-W04' },
      { skill: 'Oracle', minLevel: 3, minutesPerWeek: 440, startWeek: '2027-W01', endWeek: '2027-W02' },
    ];
    expect(texts(base(), next)).toEqual([
      'R12 title: "A" -> "B"',
      'R12 budget: "12000.00" -> none',
      'R12 notes: none -> "Two \\"phases\\"\\nthen cut-over"',
      'R12 ~ demand PostgreSQL L3 16 h/wk 2026-W50..2027-W02 -> L4 20 h/wk 2026-W50..2027-W04',
      'R12 + demand Oracle L3 7.33 h/wk 2027-W01..2027-W02',
      'R12 - demand Linux L2 8 h/wk 2026-W51..2026-W52',
    ]);
  });

  it('show a request the plan does not hold as new, with each of its lines added', () => {
    const d = diffRequest(null, base(), 2);
    expect(d.changes.map((c) => changeText(c, 2))).toEqual([
      'R12 + request "A" (transition, submitted, high, 2026-W50..2027-W04, budget 12,000.00)',
      'R12 + demand PostgreSQL L3 16 h/wk 2026-W50..2027-W02',
      'R12 + demand Linux L2 8 h/wk 2026-W51..2026-W52',
    ]);
    expect(appliedCount(d.changes)).toBe(3);
  });

  it('move the status only where the workflow allows it, and keep it otherwise with the reason why', () => {
    const approve = { ...base(), status: 'approved' as const };
    const allowed = diffRequest(base(), approve, 2);
    expect(allowed.status).toBe('approved');
    expect(allowed.changes.map((c) => changeText(c, 2))).toEqual(['R12 status: "submitted" -> "approved"']);

    const back = diffRequest({ ...base(), status: 'approved' }, { ...base(), status: 'draft', title: 'B' }, 2);
    expect(back.status).toBeNull();
    expect(back.changes.map((c) => changeText(c, 2))).toEqual([
      'R12 title: "A" -> "B"',
      'R12 status stays "approved": the file says "draft", and from approved it can go to closed, cancelled',
    ]);
    expect(appliedCount(back.changes)).toBe(1);

    const ended = diffRequest({ ...base(), status: 'cancelled' }, base(), 2);
    expect(ended.changes.map((c) => changeText(c, 2))).toEqual([
      'R12 status stays "cancelled": the file says "submitted", and a cancelled request changes status no more',
    ]);

    // A rejection keeps its reason, and a file carries none.
    const reject = diffRequest(base(), { ...base(), status: 'rejected' }, 2);
    expect(reject.status).toBeNull();
    expect(requestDifferences(reject.changes, 2)).toEqual([
      {
        kind: 'status-kept',
        requestId: 'R12',
        here: 'submitted',
        inFile: 'rejected',
        text: 'R12 status stays "submitted": the file says "rejected", and a rejected status needs a reason, which a file does not carry: change it here',
      },
    ]);
  });
});

describe('reading an exchange file', () => {
  const problem = (text: string, plan = EUR, name = 'R12.json'): string => {
    const r = readExchangeFile(text, plan);
    if (r.ok) throw new Error('the file should be refused');
    return exchangeProblemText(r.problem, name);
  };

  it('reads what it wrote, with or without a byte order mark', () => {
    for (const text of [fileText(base()), `\uFEFF${fileText(base())}`]) {
      const r = readExchangeFile(text, EUR);
      expect(r.ok && r.kind === 'request' && r.request).toEqual(base());
    }
  });

  it('refuses a truncated, foreign, newer or other-currency file, saying which and that nothing was imported', () => {
    const whole = fileText(base());
    expect(problem(whole.slice(0, whole.length / 2))).toBe(
      'R12.json is not a complete JSON file (damaged or truncated): nothing was imported.',
    );
    expect(problem('')).toBe('R12.json is not a complete JSON file (damaged or truncated): nothing was imported.');
    expect(problem('[1, 2]')).toBe('R12.json is not a TM Planner request file or staffing summary: nothing was imported.');
    expect(problem('{"format": "acme/plan"}')).toBe(
      'R12.json is not a TM Planner request file or staffing summary (its format is "acme/plan"): nothing was imported.',
    );
    expect(problem(fileText(base(), (f) => (f.version = 2)))).toBe(
      'R12.json was written by a newer TM Planner (version 2; this one reads 1): nothing was imported. Update TM Planner to import it.',
    );
    expect(problem(fileText(base()), { currency: 'USD', minorDigits: 2 })).toBe(
      'R12.json is in EUR but this plan is in USD, and amounts are not converted: nothing was imported.',
    );
  });

  it('names the path of every wrong field, and the demand line of a broken request rule', () => {
    const wrong = fileText(base(), (f) => {
      (f.request as Record<string, unknown>).start_week = '2026-W54';
      (f.demand as Record<string, unknown>[])[1]!.hours_per_week = '8.001';
      (f.demand as Record<string, unknown>[])[1]!.colour = 'red';
    });
    const text = problem(wrong);
    expect(text).toMatch(/^R12\.json has wrong fields \(/);
    expect(text).toContain('request.start_week: must be a week that exists');
    expect(text).toContain('demand[1].hours_per_week: must be hours written with digits');
    expect(text).toContain('demand[1]: Unrecognized key: "colour"');
    expect(text).toMatch(/: nothing was imported\.$/);

    const outside = fileText(base(), (f) => ((f.demand as Record<string, unknown>[])[0]!.end_week = '2027-W06'));
    expect(problem(outside, EUR, '')).toBe(
      "The file holds a request that breaks its rules (demand line 1, end week: Weeks 2026-W50..2027-W06 are outside the request's 2026-W50..2027-W04): nothing was imported.",
    );
  });

  it('refuses money more precise than the plan currency', () => {
    const yen = fileText(base(), (f) => {
      f.plan_currency = 'JPY';
      (f.request as Record<string, unknown>).budget = '12000.50';
    });
    expect(problem(yen, { currency: 'JPY', minorDigits: 0 })).toBe(
      'R12.json has a wrong number at request.budget ("12000.50" has more decimal places than the plan\'s currency uses (0)): nothing was imported.',
    );
    const whole = fileText({ ...base(), budgetMinor: 12_000 }, (f) => {
      f.plan_currency = 'JPY';
      (f.request as Record<string, unknown>).budget = '12000';
    });
    const r = readExchangeFile(whole, { currency: 'JPY', minorDigits: 0 });
    expect(r.ok && r.kind === 'request' && r.request.budgetMinor).toBe(12_000);
  });
});

describe('exchange file names', () => {
  it('are the request id where it is safe in a file name', () => {
    expect(requestFileName('R12')).toBe('R12.json');
    expect(staffingSummaryFileName('R12', 'pdf')).toBe('R12-staffing.pdf');
    expect(requestFileName('../CHG 2026/04')).toBe('CHG-2026-04.json');
    expect(requestFileName('///')).toBe('request.json');
  });
});
