// A project lead and a resource manager exchange files between two real plan files, through
// the CLI as they would script it and through the API as the import dialog calls it: the
// differences are shown before anything is applied, and a bad file changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/handlers';
import { parseCsv } from '../../electron/backend/import/csv';
import type { RequestFile, StaffingSummaryFile } from '../../shared/exchange/request-file';
import { cli } from '../helpers/cli';
import { testClock, TEST_NOW } from '../helpers/clock';
import { fixturePlan } from '../helpers/fixture-plan';
import { useTempDir } from '../helpers/temp';

const temp = useTempDir();

/** The manager's plan (every fixture) and the lead's copy (the same people, no requests yet). */
async function twoPlans(): Promise<{ dir: string; manager: string; lead: string }> {
  const dir = temp();
  const manager = await fixturePlan(dir, 'manager.db');
  const lead = await fixturePlan(dir, 'lead.db', ['holidays', 'specialists']);
  return { dir, manager, lead };
}

async function exported(db: string, id: string, out: string): Promise<RequestFile> {
  const r = await cli('request', 'export', '--db', db, '--id', id, '--out', out);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as RequestFile;
}

/** Everything a user could see change: the request as exported, its detail and the plan's undo stack. */
async function state(db: string, id: string): Promise<unknown> {
  const b = createBackend({ clock: testClock });
  try {
    await b.call('plan-open', { path: db });
    const ref = (await b.call('requests-list', {})).requests.find((r) => r.id === id)?.ref;
    if (ref === undefined) return { missing: id, history: await b.call('history-state', {}) };
    return { detail: await b.call('requests-get', { ref }), history: await b.call('history-state', {}) };
  } finally {
    b.close();
  }
}

describe('request files between two plans', () => {
  it('exports a request from one plan, imports it as new into the other, then shows and applies a changed copy', async () => {
    const { dir, manager, lead } = await twoPlans();
    const file = await exported(manager, 'R1', join(dir, 'R1.json'));
    expect(file).toMatchObject({
      format: 'tm-planner/request',
      version: 1,
      exported_at: TEST_NOW.toISOString(),
      plan_currency: 'EUR',
      request: { id: 'R1', title: 'Oracle to PostgreSQL migration', status: 'approved', budget: '2000.00', start_week: '2026-W48' },
      demand: [
        { skill: 'PostgreSQL', min_level: 3, hours_per_week: '24.00', start_week: '2026-W48', end_week: '2026-W50' },
        { skill: 'Oracle', min_level: 4, hours_per_week: '8.00', start_week: '2026-W49', end_week: '2026-W50' },
      ],
    });

    const added = await cli('request', 'import', '--db', lead, join(dir, 'R1.json'));
    expect(added.err).toBe('');
    expect(added.out).toBe(
      [
        'R1 + request "Oracle to PostgreSQL migration" (transition, approved, critical, 2026-W48..2026-W50, budget 2,000.00)',
        'R1 + demand PostgreSQL L3 24 h/wk 2026-W48..2026-W50',
        'R1 + demand Oracle L4 8 h/wk 2026-W49..2026-W50',
        'Applied 3 changes to R1.',
        '',
      ].join('\n'),
    );
    // The same file again: recognised by id, nothing to do.
    const again = await cli('request', 'import', '--db', lead, join(dir, 'R1.json'));
    expect(again.out).toBe('Nothing to apply: R1 is already as R1.json has it.\n');
    const copy = await exported(lead, 'R1', join(dir, 'R1-lead.json'));
    expect(copy.request).toEqual(file.request);
    expect(copy.demand).toEqual(file.demand);

    // The lead changes the request in their copy's file and sends it back.
    const changed: RequestFile = structuredClone(copy);
    changed.request.title = 'Oracle to PostgreSQL, phase 1';
    changed.request.budget = '2500';
    changed.request.notes = 'Cut-over on the weekend of W50';
    changed.demand[0]!.hours_per_week = '16';
    changed.demand.splice(1, 1);
    changed.demand.push({ skill: 'Linux', min_level: 2, hours_per_week: '4.5', start_week: '2026-W49', end_week: '2026-W50' });
    writeFileSync(join(dir, 'R1-changed.json'), JSON.stringify(changed));
    const differences = [
      'R1 title: "Oracle to PostgreSQL migration" -> "Oracle to PostgreSQL, phase 1"',
      'R1 budget: "2000.00" -> "2500.00"',
      'R1 notes: none -> "Cut-over on the weekend of W50"',
      'R1 ~ demand PostgreSQL L3 24 h/wk 2026-W48..2026-W50 -> L3 16 h/wk 2026-W48..2026-W50',
      'R1 + demand Linux L2 4.50 h/wk 2026-W49..2026-W50',
      'R1 - demand Oracle L4 8 h/wk 2026-W49..2026-W50',
    ];

    const before = await state(manager, 'R1');
    const dry = await cli('request', 'import', '--db', manager, join(dir, 'R1-changed.json'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toBe([...differences, 'Dry run: nothing was applied.', ''].join('\n'));
    expect(await state(manager, 'R1')).toEqual(before);

    const applied = await cli('request', 'import', '--db', manager, join(dir, 'R1-changed.json'));
    expect(applied.code).toBe(0);
    expect(applied.out).toBe([...differences, 'Applied 6 changes to R1.', ''].join('\n'));
    const after = await exported(manager, 'R1', join(dir, 'R1-after.json'));
    expect(after.request).toMatchObject({
      title: 'Oracle to PostgreSQL, phase 1',
      budget: '2500.00',
      notes: 'Cut-over on the weekend of W50',
    });
    expect(after.demand.map((l) => `${l.skill} ${l.hours_per_week}`)).toEqual(['PostgreSQL 16.00', 'Linux 4.50']);

    // The request's history says what changed, and the import is one step on the undo stack.
    const b = createBackend({ clock: testClock });
    await b.call('plan-open', { path: manager });
    const ref = (await b.call('requests-list', {})).requests.find((r) => r.id === 'R1')!.ref;
    const detail = await b.call('requests-get', { ref });
    expect(detail.history.map((h) => h.what)).toEqual(expect.arrayContaining(['title', 'budget', 'notes', 'demand']));
    expect((await b.call('history-state', {})).undoLabel).toBe('Import changes to R1');
    b.close();
  });

  it('changes nothing from a truncated, newer-version, other-currency, damaged or foreign file, and says why', async () => {
    const { dir, manager } = await twoPlans();
    const file = await exported(manager, 'R1', join(dir, 'R1.json'));
    file.request.title = 'Changed';
    const whole = JSON.stringify(file, null, 2);
    const cases: [string, string | Buffer, string][] = [
      ['truncated.json', whole.slice(0, 200), 'truncated.json is not a complete JSON file (damaged or truncated): nothing was imported.\n'],
      [
        'newer.json',
        JSON.stringify({ ...file, version: 2 }),
        'newer.json was written by a newer TM Planner (version 2; this one reads 1): nothing was imported. Update TM Planner to import it.\n',
      ],
      [
        'dollars.json',
        JSON.stringify({ ...file, plan_currency: 'USD' }),
        'dollars.json is in USD but this plan is in EUR, and amounts are not converted: nothing was imported.\n',
      ],
      [
        'latin1.json',
        Buffer.concat([Buffer.from(whole.slice(0, 100)), Buffer.from([0xe9]), Buffer.from(whole.slice(100))]),
        'latin1.json is not UTF-8 text (damaged, or not a TM Planner file): nothing was imported.\n',
      ],
      ['plan.json', '{"specialists": []}', 'plan.json is not a TM Planner request file or staffing summary: nothing was imported.\n'],
    ];
    const before = await state(manager, 'R1');
    for (const [name, content, message] of cases) {
      writeFileSync(join(dir, name), content);
      for (const extra of [[], ['--dry-run']]) {
        const r = await cli('request', 'import', '--db', manager, join(dir, name), ...extra);
        expect(r.code, name).toBe(1);
        expect(r.out, name).toBe('');
        expect(r.err, name).toBe(message);
      }
    }
    expect(await state(manager, 'R1')).toEqual(before);
  });

  it('moves the status a file brings only where the workflow allows, keeping the plan status otherwise', async () => {
    const { dir, manager } = await twoPlans();
    // R2 is submitted in the plan: a file saying approved moves it, through the workflow.
    const r2 = await exported(manager, 'R2', join(dir, 'R2.json'));
    r2.request.status = 'approved';
    writeFileSync(join(dir, 'R2.json'), JSON.stringify(r2));
    const approve = await cli('request', 'import', '--db', manager, join(dir, 'R2.json'));
    expect(approve.out).toBe('R2 status: "submitted" -> "approved"\nApplied 1 change to R2.\n');
    expect((await exported(manager, 'R2', join(dir, 'R2-after.json'))).request.status).toBe('approved');

    // R1 is approved: a file saying draft cannot take it back; its other changes still apply.
    const r1 = await exported(manager, 'R1', join(dir, 'R1.json'));
    r1.request.status = 'draft';
    r1.request.priority = 'high';
    writeFileSync(join(dir, 'R1.json'), JSON.stringify(r1));
    const back = await cli('request', 'import', '--db', manager, join(dir, 'R1.json'));
    expect(back.out).toBe(
      [
        'R1 priority: "critical" -> "high"',
        'R1 status stays "approved": the file says "draft", and from approved it can go to closed, cancelled',
        'Applied 1 change to R1.',
        '',
      ].join('\n'),
    );
    const after = await exported(manager, 'R1', join(dir, 'R1-after.json'));
    expect(after.request).toMatchObject({ status: 'approved', priority: 'high' });

    // Only a status the plan keeps: nothing to apply.
    r1.request.priority = 'high';
    writeFileSync(join(dir, 'R1.json'), JSON.stringify(r1));
    const kept = await cli('request', 'import', '--db', manager, join(dir, 'R1.json'));
    expect(kept.out).toBe(
      'R1 status stays "approved": the file says "draft", and from approved it can go to closed, cancelled\nNothing to apply: R1 is already as R1.json has it.\n',
    );
  });

  it('previews through the API as the import dialog shows it, and applies only on apply', async () => {
    const { dir, manager, lead } = await twoPlans();
    const file = await exported(manager, 'R3', join(dir, 'R3.json'));
    const text = JSON.stringify(file);
    const b = createBackend({ clock: testClock });
    await b.call('plan-open', { path: lead });
    const preview = await b.call('requests-import-preview', { text, fileName: 'R3.json' });
    expect(preview).toEqual({
      kind: 'request',
      requestId: 'R3',
      isNew: true,
      differences: [
        {
          kind: 'new-request',
          requestId: 'R3',
          text: 'R3 + request "Patching rota" (operation, approved, low, 2026-W48..2026-W53, budget 100.00)',
        },
        { kind: 'line-added', requestId: 'R3', skill: 'NetApp', text: 'R3 + demand NetApp L3 4 h/wk 2026-W48..2026-W53' },
      ],
    });
    expect((await b.call('requests-list', {})).requests).toEqual([]);
    const applied = await b.call('requests-import-apply', { text, fileName: 'R3.json' });
    expect(applied).toMatchObject({ kind: 'request', id: 'R3', applied: 2, label: 'Import request R3' });
    expect((await b.call('requests-list', {})).requests.map((r) => [r.id, r.status, r.demandLines])).toEqual([['R3', 'approved', 1]]);
    // One undo takes the whole import back.
    await b.call('history-undo', { view: { from: '2026-W48', to: '2026-W53' } });
    expect((await b.call('requests-list', {})).requests).toEqual([]);
    // A file name is for messages only: a path in it is cut to its last part.
    const bad = await b
      .call('requests-import-preview', { text: '{', fileName: '/home/lena/secret/R3.json' })
      .catch((e: Error) => e.message);
    expect(bad).toBe('R3.json is not a complete JSON file (damaged or truncated): nothing was imported.');
    b.close();
  });
});

describe('staffing summaries back to the lead', () => {
  it('writes who, which weeks, hours, cost against budget and open demand, and the lead keeps it on the request', async () => {
    const { dir, manager, lead } = await twoPlans();
    await exported(manager, 'R1', join(dir, 'R1.json'));
    expect((await cli('request', 'import', '--db', lead, join(dir, 'R1.json'))).code).toBe(0);

    const out = join(dir, 'R1-staffing.json');
    const written = await cli('request', 'summary', '--db', manager, '--id', 'R1', '--out', out);
    expect(written.out).toBe(`Wrote the staffing summary of R1 to ${out}.\n`);
    const summary = JSON.parse(readFileSync(out, 'utf8')) as StaffingSummaryFile;
    // Fixtures: Ana Souza 24 h in W48 at 62.50 (confirmed), Bernd Keller 8 h in W49 at 70 on R1.
    expect(summary).toEqual({
      format: 'tm-planner/staffing-summary',
      version: 1,
      exported_at: TEST_NOW.toISOString(),
      plan_currency: 'EUR',
      request: {
        id: 'R1',
        title: 'Oracle to PostgreSQL migration',
        status: 'approved',
        start_week: '2026-W48',
        end_week: '2026-W50',
        budget: '2000.00',
      },
      staffing: 'partly staffed',
      cost: '2060.00',
      hours: '32.00',
      open_hours: '56.00',
      budget_state: 'overrun',
      people: [
        {
          specialist_id: 'S1',
          name: 'Ana Souza',
          department: 'Database Services',
          hours: '24.00',
          cost: '1500.00',
          weeks: [{ week: '2026-W48', hours: '24.00', status: 'confirmed' }],
        },
        {
          specialist_id: 'S2',
          name: 'Keller, Bernd',
          department: 'Database Services',
          hours: '8.00',
          cost: '560.00',
          weeks: [{ week: '2026-W49', hours: '8.00', status: 'confirmed' }],
        },
      ],
      open_demand: [
        { skill: 'PostgreSQL', min_level: 3, week: '2026-W49', demanded_hours: '24.00', served_hours: '0.00', open_hours: '24.00' },
        { skill: 'Oracle', min_level: 4, week: '2026-W50', demanded_hours: '8.00', served_hours: '0.00', open_hours: '8.00' },
        { skill: 'PostgreSQL', min_level: 3, week: '2026-W50', demanded_hours: '24.00', served_hours: '0.00', open_hours: '24.00' },
      ],
    });

    const line =
      'R1 staffing received (written 2026-11-26T12:00:00.000Z): 2 people, 32 h, cost 2,060.00 EUR of a 2,000.00 EUR budget (overrun), 56 h of demand open';
    const dry = await cli('request', 'import', '--db', lead, out, '--dry-run');
    expect(dry.out).toBe(`${line}\nDry run: nothing was applied.\n`);
    const applied = await cli('request', 'import', '--db', lead, out);
    expect(applied.out).toBe(`${line}\nApplied 1 change to R1.\n`);
    const again = await cli('request', 'import', '--db', lead, out);
    expect(again.out).toBe('Nothing to apply: R1 is already as R1-staffing.json has it.\n');

    const b = createBackend({ clock: testClock });
    await b.call('plan-open', { path: lead });
    const ref = (await b.call('requests-list', {})).requests[0]!.ref;
    const received = (await b.call('requests-get', { ref })).staffingReceived;
    expect(received).toEqual({ receivedAt: TEST_NOW.toISOString(), exportedAt: TEST_NOW.toISOString(), summary });
    b.close();

    // The manager's plan has no R9: a summary of it has nowhere to go.
    writeFileSync(join(dir, 'R9.json'), JSON.stringify({ ...summary, request: { ...summary.request, id: 'R9' } }));
    const nowhere = await cli('request', 'import', '--db', lead, join(dir, 'R9.json'));
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toBe(
      'R9.json is about R9, which is not in this plan: a summary is kept on its request, so import the request first. Nothing was imported.\n',
    );
  });

  it('refuses --out names that are neither .json nor .pdf, as a usage error', async () => {
    const { dir, manager } = await twoPlans();
    const r = await cli('request', 'summary', '--db', manager, '--id', 'R1', '--out', join(dir, 'R1.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--out .*R1\.txt: a staffing summary is written as FILE\.json or FILE\.pdf\.\n/);
  });
});

describe('request list, show and set-status', () => {
  it('lists the requests as CSV in the interchange columns and as JSON with exact decimals', async () => {
    const { manager } = await twoPlans();
    const csv = await cli('request', 'list', '--db', manager);
    const t = parseCsv(csv.out);
    expect(t.header).toEqual([
      'id',
      'title',
      'stage',
      'status',
      'priority',
      'service',
      'requester',
      'start_week',
      'end_week',
      'budget',
      'cost',
      'staffing',
    ]);
    expect(t.records.map((r) => r.cells)).toEqual([
      [
        'R1',
        'Oracle to PostgreSQL migration',
        'transition',
        'approved',
        'critical',
        'Billing',
        'Lena',
        '2026-W48',
        '2026-W50',
        '2000.00',
        '2060.00',
        'partly staffed',
      ],
      ['R2', 'Capacity model', 'design', 'submitted', 'medium', 'Payments', 'Marco', '2026-W48', '2026-W49', '', '1250.00', 'no demand'],
      ['R3', 'Patching rota', 'operation', 'approved', 'low', 'All', 'Ops', '2026-W48', '2026-W53', '100.00', '626.17', 'partly staffed'],
    ]);
    const json = JSON.parse((await cli('request', 'list', '--db', manager, '--format', 'json')).out);
    expect(json[1]).toEqual({
      id: 'R2',
      title: 'Capacity model',
      stage: 'design',
      status: 'submitted',
      priority: 'medium',
      service: 'Payments',
      requester: 'Marco',
      start_week: '2026-W48',
      end_week: '2026-W49',
      budget: null,
      cost: '1250.00',
      staffing: 'no demand',
    });
  });

  it('shows a request with its lines, coverage, allowed transitions and history', async () => {
    const { manager } = await twoPlans();
    const text = await cli('request', 'show', '--db', manager, '--id', 'R1');
    expect(text.code).toBe(0);
    expect(text.out).toContain('R1  Oracle to PostgreSQL migration\n');
    expect(text.out).toContain('Budget: 2,000.00 EUR   Cost: 2,060.00 EUR (overrun)\n');
    expect(text.out).toContain('  PostgreSQL L3 24 h/wk 2026-W48..2026-W50: 24 of 72 h served\n');
    expect(text.out).toContain('  Oracle L4 8 h/wk 2026-W49..2026-W50: 8 of 16 h served\n');
    expect(text.out).toContain('Status: approved; can go to closed, cancelled.\n');
    const json = JSON.parse((await cli('request', 'show', '--db', manager, '--id', 'R1', '--format', 'json')).out);
    expect(json).toMatchObject({ id: 'R1', budget: '2000.00', cost: '2060.00', budget_state: 'overrun', allowed: ['closed', 'cancelled'] });
    expect(json.demand[0]).toEqual({
      skill: 'PostgreSQL',
      min_level: 3,
      hours_per_week: '24.00',
      start_week: '2026-W48',
      end_week: '2026-W50',
      demanded_hours: '72.00',
      served_hours: '24.00',
    });
    const missing = await cli('request', 'show', '--db', manager, '--id', 'R99');
    expect(missing).toEqual({ code: 1, out: '', err: 'There is no request R99 in this plan.\n' });
  });

  it('takes the workflow steps domain.md allows and refuses the others, naming the allowed ones', async () => {
    const { manager } = await twoPlans();
    const run = (...a: string[]) => cli('request', 'set-status', '--db', manager, ...a);

    expect(await run('--id', 'R2', '--to', 'draft')).toEqual({ code: 0, out: 'R2: submitted -> draft.\n', err: '' });
    expect(await run('--id', 'R2', '--to', 'approved')).toEqual({
      code: 1,
      out: '',
      err: 'R2 cannot go from draft to approved: from draft it can go to submitted, cancelled.\n',
    });
    expect((await run('--id', 'R2', '--to', 'submitted')).out).toBe('R2: draft -> submitted.\n');
    const noReason = await run('--id', 'R2', '--to', 'rejected');
    expect(noReason.code).toBe(1);
    expect(noReason.err).toBe('Rejecting R2 needs a reason: the lead must learn why.\n');
    expect((await run('--id', 'R2', '--to', 'rejected', '--reason', 'No budget this year')).out).toBe('R2: submitted -> rejected.\n');
    expect(await run('--id', 'R2', '--to', 'submitted')).toEqual({
      code: 1,
      out: '',
      err: 'R2 cannot go from rejected to submitted: a rejected request changes status no more.\n',
    });
    const shown = await cli('request', 'show', '--db', manager, '--id', 'R2');
    expect(shown.out).toContain('Rejected because: No budget this year\n');
    expect(shown.out).toMatch(/status: submitted -> rejected \(No budget this year\)/);

    // R3 has allocations in 2026-W50 and 2027-W01, after this week: closing asks what to do with it.
    const ask = await run('--id', 'R3', '--to', 'closed');
    expect(ask.code).toBe(1);
    expect(ask.err).toMatch(
      /^R3 has 2 allocations after the closing week 2026-W48: add --after-closing delete to delete them, or --after-closing keep to keep them flagged\.\n$/,
    );
    expect(await run('--id', 'R3', '--to', 'closed', '--after-closing', 'delete')).toEqual({
      code: 0,
      out: 'R3: approved -> closed. Removed 2 allocations after the closing week.\n',
      err: '',
    });
  });

  it('answers usage mistakes with exit status 2 and the usage text', async () => {
    const { manager } = await twoPlans();
    const cases: [string[], RegExp][] = [
      [['request'], /^request needs a subcommand first: list, show, set-status, export, summary, import\.\n/],
      [['request', 'frobnicate'], /^"frobnicate" is not a request subcommand/],
      [['request', 'set-status', '--db', manager, '--id', 'R1', '--to', 'done'], /^--to "done" is not a status \(draft, submitted/],
      [['request', 'set-status', '--db', manager, '--id', 'R1', '--to', 'closed', '--after-closing', 'maybe'], /^--after-closing "maybe"/],
      [['request', 'list', '--db', manager, '--id', 'R1'], /^Unknown option --id for request list\./],
      [['request', 'show', '--db', manager], /^--id is required\./],
      [['request', 'list', '--db', manager, '--format', 'xml'], /^--format "xml" is not csv or json\./],
      [['request', 'import', '--db', manager], /^request import needs a FILE\.json/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(message);
      expect(r.err, argv.join(' ')).toContain('tm-planner request import     --db FILE FILE.json [--dry-run]');
    }
  });
});
