// The project lead's requests through the API, as the editor and the workflow buttons call
// it: rules refused in words, history kept, every transition of domain.md, undo of edits,
// and the inactive-request flag on ended requests.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api';
import { ApiError } from '../../shared/api/errors';
import { REQUEST_STATUSES, TRANSITIONS, addIsoWeeks, type RequestStatus } from '../../shared/domain';
import { createBackend, type Backend } from '../../electron/backend/handlers';
import { useTempDir } from '../helpers/temp';
import { TEST_WEEK, testClock } from '../helpers/clock';

const temp = useTempDir();
const view = { from: TEST_WEEK, to: addIsoWeeks(TEST_WEEK, 7) };

async function demo(): Promise<Backend> {
  const b = createBackend({ clock: testClock });
  await b.call('plan-create', { path: join(temp(), 'plan.db'), demo: true });
  return b;
}

const draft = (over: Partial<ApiInput<'requests-save'>['fields']> = {}): ApiInput<'requests-save'> => ({
  fields: {
    title: 'Billing database migration',
    stage: 'transition',
    service: 'Billing',
    requester: 'Lena Hoffmann',
    priority: 'high',
    startWeek: '2026-W50',
    endWeek: '2027-W02',
    budgetMinor: 1_200_000,
    notes: null,
    ...over,
  },
  lines: [
    { skill: 'PostgreSQL', minLevel: 3, minutesPerWeek: 960, startWeek: '2026-W50', endWeek: '2027-W02' },
    { skill: 'Linux', minLevel: 2, minutesPerWeek: 480, startWeek: '2026-W51', endWeek: '2026-W52' },
  ],
});

async function refused(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('the request editor through the API', () => {
  it('creates a draft with two demand lines, and the detail reads it back to the minute and the cent', async () => {
    const b = await demo();
    const saved = await b.call('requests-save', draft());
    expect(saved.id).toMatch(/^R\d+$/);
    const d = await b.call('requests-get', { ref: saved.ref });
    expect(d).toMatchObject({
      id: saved.id,
      status: 'draft',
      budgetMinor: 1_200_000,
      staffing: 'unstaffed',
      allowed: ['submitted', 'cancelled'],
    });
    expect(d.lines.map((l) => [l.skill, l.minLevel, l.minutesPerWeek, l.startWeek, l.endWeek, l.demandedMinutes])).toEqual([
      ['PostgreSQL', 3, 960, '2026-W50', '2027-W02', 960 * 6],
      ['Linux', 2, 480, '2026-W51', '2026-W52', 960],
    ]);
    expect(d.history.map((h) => [h.what, h.before, h.after])).toEqual([
      ['created', null, 'draft'],
      ['demand', null, 'PostgreSQL L3 16 h/wk 2026-W50..2027-W02'],
      ['demand', null, 'Linux L2 8 h/wk 2026-W51..2026-W52'],
    ]);
    expect(d.history[0]!.at).toBe(testClock.now().toISOString());
    // A draft asks for nothing yet: no unfilled-demand flags.
    const flags = (await b.call('flags-list', view)).flags.filter((f) => f.requestId === saved.id);
    expect(flags).toEqual([]);
  });

  it('refuses broken rules with the words the editor shows, and writes nothing', async () => {
    const b = await demo();
    const before = (await b.call('requests-list', {})).requests.length;
    const bad = draft({ startWeek: '2026-W12', endWeek: '2026-W10' });
    const e = await refused(b.call('requests-save', bad));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toContain('fields.endWeek: End week 2026-W10 is before start week 2026-W12');
    const outside = draft();
    outside.lines[1]!.endWeek = '2027-W05';
    expect((await refused(b.call('requests-save', outside))).message).toContain(
      "lines.1.endWeek: Weeks 2026-W51..2027-W05 are outside the request's 2026-W50..2027-W02",
    );
    const twice = draft();
    twice.lines[1] = { ...twice.lines[0]!, skill: 'postgresql' };
    expect((await refused(b.call('requests-save', twice))).message).toContain('Demand line 1 already asks for postgresql from 2026-W50');
    expect((await b.call('requests-list', {})).requests.length).toBe(before);
  });

  it('edits fields and lines in one undoable step, recording each change; undo writes history too', async () => {
    const b = await demo();
    const { ref } = await b.call('requests-save', draft());
    const d = await b.call('requests-get', { ref });
    const [pg, linux] = d.lines;
    const edit: ApiInput<'requests-save'> = {
      ref,
      fields: { ...draft().fields, title: 'Billing DB migration', endWeek: '2027-W03' },
      lines: [
        { ref: pg!.ref, skill: 'PostgreSQL', minLevel: 4, minutesPerWeek: 960, startWeek: '2026-W50', endWeek: '2027-W03' },
        { skill: 'Kubernetes', minLevel: 3, minutesPerWeek: 240, startWeek: '2027-W01', endWeek: '2027-W03' },
      ],
    };
    const saved = await b.call('requests-save', edit);
    expect(saved.history.undoLabel).toBe(`Edit ${d.id} and its demand lines`);
    const after = await b.call('requests-get', { ref });
    expect(after.title).toBe('Billing DB migration');
    expect(after.lines.map((l) => l.skill)).toEqual(['PostgreSQL', 'Kubernetes']);
    expect(after.lines[0]!.ref).toBe(pg!.ref);
    expect(after.history.slice(3).map((h) => [h.what, h.before, h.after])).toEqual([
      ['title', 'Billing database migration', 'Billing DB migration'],
      ['endWeek', '2027-W02', '2027-W03'],
      ['demand', 'Linux L2 8 h/wk 2026-W51..2026-W52', null],
      ['demand', 'PostgreSQL L3 16 h/wk 2026-W50..2027-W02', 'PostgreSQL L4 16 h/wk 2026-W50..2027-W03'],
      ['demand', null, 'Kubernetes L3 4 h/wk 2027-W01..2027-W03'],
    ]);

    const undone = await b.call('history-undo', { view });
    expect(undone.reload).toBe(true);
    const back = await b.call('requests-get', { ref });
    expect(back.title).toBe('Billing database migration');
    expect(back.endWeek).toBe('2027-W02');
    expect(back.lines.map((l) => [l.ref, l.skill, l.minLevel])).toEqual([
      [pg!.ref, 'PostgreSQL', 3],
      [linux!.ref, 'Linux', 2],
    ]);
    expect(back.history.at(-1)).toMatchObject({ what: 'demand', reason: 'Undo' });
    await b.call('history-redo', { view });
    expect((await b.call('requests-get', { ref })).title).toBe('Billing DB migration');
  });

  it('removes a demand line people serve, keeping their allocations; one undo puts both back', async () => {
    const b = await demo();
    const { ref } = await b.call('requests-save', draft());
    const d = await b.call('requests-get', { ref });
    const pg = (await b.call('specialists-list', view)).specialists.find((s) =>
      s.skills.some((k) => k.name === 'PostgreSQL' && k.level >= 3),
    )!;
    await b.call('allocations-assign', {
      specialistRef: pg.ref,
      requestRef: ref,
      weeks: ['2026-W50'],
      minutesPerWeek: 480,
      status: 'confirmed',
      view,
    });
    expect((await b.call('requests-get', { ref })).lines[0]!.servedMinutes).toBe(480);
    await b.call('requests-save', { ref, fields: draft().fields, lines: [draft().lines[1]!] });
    const without = await b.call('requests-get', { ref });
    expect([without.lines.map((l) => l.skill), without.allocatedMinutes]).toEqual([['Linux'], 480]);
    await b.call('history-undo', { view });
    const back = await b.call('requests-get', { ref });
    expect(back.lines.map((l) => [l.ref, l.skill, l.servedMinutes])).toEqual([
      [d.lines[0]!.ref, 'PostgreSQL', 480],
      [d.lines[1]!.ref, 'Linux', 0],
    ]);
  });

  it('saves lines of one skill that trade places (both a week later), and the history says what changed', async () => {
    const b = await demo();
    const pg = (start: string, end: string) => ({ skill: 'PostgreSQL', minLevel: 3, minutesPerWeek: 480, startWeek: start, endWeek: end });
    const { ref } = await b.call('requests-save', {
      fields: draft().fields,
      lines: [pg('2026-W50', '2026-W50'), pg('2026-W51', '2026-W52')],
    });
    const [a, c] = (await b.call('requests-get', { ref })).lines;
    await b.call('requests-save', {
      ref,
      fields: draft().fields,
      lines: [
        { ...pg('2026-W51', '2026-W51'), ref: a!.ref },
        { ...pg('2026-W52', '2027-W01'), ref: c!.ref },
      ],
    });
    const d = await b.call('requests-get', { ref });
    expect(d.lines.map((l) => [l.ref, l.startWeek, l.endWeek])).toEqual([
      [a!.ref, '2026-W51', '2026-W51'],
      [c!.ref, '2026-W52', '2027-W01'],
    ]);
    expect(d.history.slice(-2).map((h) => [h.before, h.after])).toEqual([
      ['PostgreSQL L3 8 h/wk 2026-W50..2026-W50', 'PostgreSQL L3 8 h/wk 2026-W51..2026-W51'],
      ['PostgreSQL L3 8 h/wk 2026-W51..2026-W52', 'PostgreSQL L3 8 h/wk 2026-W52..2027-W01'],
    ]);
    await b.call('history-undo', { view });
    expect((await b.call('requests-get', { ref })).lines.map((l) => l.startWeek)).toEqual(['2026-W50', '2026-W51']);
  });

  it('undoes the creation of a request, but not once people are allocated to it', async () => {
    const b = await demo();
    const { ref, id } = await b.call('requests-save', draft());
    await b.call('history-undo', { view });
    expect((await b.call('requests-list', {})).requests.some((r) => r.id === id)).toBe(false);
    await b.call('history-redo', { view });
    expect((await b.call('requests-get', { ref })).id).toBe(id);
    // Another program (an older copy, a script) puts someone on it outside the undo history:
    // undoing the creation would take that allocation with it, so it is refused and both stay.
    const sp = (await b.call('specialists-list', view)).specialists[0]!;
    b.context
      .session!.db.prepare("INSERT INTO allocations (specialist_id, request_id, week, minutes) VALUES (?, ?, '2026-W50', 480)")
      .run(sp.ref, ref);
    b.context.session!.invalidate();
    const e = await refused(b.call('history-undo', { view }));
    expect(e.message).toBe(`Cannot undo "Create request ${id}": ${id} has allocations now.`);
    expect((await b.call('requests-get', { ref })).allocatedMinutes).toBe(480);
  });
});

describe('the request workflow of domain.md', () => {
  /** A request in `status`, reached by allowed steps from a fresh draft. */
  async function requestIn(b: Backend, status: RequestStatus): Promise<number> {
    const { ref } = await b.call('requests-save', draft());
    const path: Record<RequestStatus, RequestStatus[]> = {
      draft: [],
      submitted: ['submitted'],
      approved: ['submitted', 'approved'],
      closed: ['submitted', 'approved', 'closed'],
      rejected: ['submitted', 'rejected'],
      cancelled: ['cancelled'],
    };
    for (const to of path[status])
      await b.call('requests-set-status', { ref, to, reason: to === 'rejected' ? 'No budget this year' : undefined });
    return ref;
  }

  it('allows exactly the transitions of domain.md and refuses every other one naming the allowed ones', async () => {
    const b = await demo();
    for (const from of REQUEST_STATUSES) {
      for (const to of REQUEST_STATUSES) {
        if (from === to) continue;
        const ref = await requestIn(b, from);
        const call = b.call('requests-set-status', { ref, to, reason: 'Because' });
        if (TRANSITIONS[from].includes(to)) {
          await expect(call).resolves.toMatchObject({ status: to });
          expect((await b.call('requests-get', { ref })).status).toBe(to);
        } else {
          const e = await refused(call);
          expect(e.message).toMatch(new RegExp(`cannot go from ${from} to ${to}`));
          expect(e.message).toContain(TRANSITIONS[from].length ? TRANSITIONS[from].join(', ') : 'changes status no more');
          expect((await b.call('requests-get', { ref })).status).toBe(from);
        }
      }
    }
  });

  it('needs a reason to reject, and keeps it in the history', async () => {
    const b = await demo();
    const ref = await requestIn(b, 'submitted');
    expect((await refused(b.call('requests-set-status', { ref, to: 'rejected' }))).message).toContain('needs a reason');
    await b.call('requests-set-status', { ref, to: 'rejected', reason: 'Covered by the Q1 platform project' });
    const d = await b.call('requests-get', { ref });
    expect(d.rejectionReason).toBe('Covered by the Q1 platform project');
    expect(d.history.at(-1)).toMatchObject({
      what: 'status',
      before: 'submitted',
      after: 'rejected',
      reason: 'Covered by the Q1 platform project',
    });
  });

  it('keeps allocations of a cancelled request and flags each from the current week on', async () => {
    const b = await demo();
    const ref = await requestIn(b, 'approved');
    const [ana, ben] = (await b.call('specialists-list', view)).specialists;
    const past = addIsoWeeks(TEST_WEEK, -1);
    await b.call('allocations-assign', {
      specialistRef: ana!.ref,
      requestRef: ref,
      weeks: [TEST_WEEK, '2026-W50'],
      minutesPerWeek: 960,
      status: 'confirmed',
      view: { from: past, to: view.to },
    });
    await b.call('allocations-assign', {
      specialistRef: ben!.ref,
      requestRef: ref,
      weeks: [past],
      minutesPerWeek: 240,
      status: 'confirmed',
      view: { from: past, to: view.to },
    });
    const { id } = await b.call('requests-set-status', { ref, to: 'cancelled' });
    const inactive = (await b.call('flags-list', { from: past, to: view.to })).flags.filter((f) => f.kind === 'inactive_request');
    expect(inactive.map((f) => [f.week, f.specialistId, f.requestId])).toEqual([
      [TEST_WEEK, ana!.id, id],
      ['2026-W50', ana!.id, id],
    ]);
    expect(inactive[1]!.detail).toBe(`W50: ${ana!.name} 16:00 h on cancelled request ${id}`);
    // Allocations stay visible on the timeline.
    const row = (await b.call('timeline-get', { ...view, query: ana!.id })).rows[0]!;
    expect(row.cells.find((c) => c.week === '2026-W50')!.chips.some((c) => c.requestRef === ref)).toBe(true);
  });

  it('asks what to do with allocations after the closing week: delete them, or keep them flagged', async () => {
    const b = await demo();
    const [ana] = (await b.call('specialists-list', view)).specialists;
    for (const choice of ['keep', 'delete'] as const) {
      const ref = await requestIn(b, 'approved');
      await b.call('allocations-assign', {
        specialistRef: ana!.ref,
        requestRef: ref,
        weeks: [TEST_WEEK, '2026-W50', '2026-W51'],
        minutesPerWeek: 240,
        status: 'confirmed',
        view,
      });
      const ask = await refused(b.call('requests-set-status', { ref, to: 'closed' }));
      expect(ask.message).toContain(
        `has 2 allocations after the closing week ${TEST_WEEK}: say whether to delete them or keep them flagged`,
      );
      const closed = await b.call('requests-set-status', { ref, to: 'closed', afterClosing: choice });
      const d = await b.call('requests-get', { ref });
      expect(d.closedWeek).toBe(TEST_WEEK);
      const flagged = (await b.call('flags-list', view)).flags.filter((f) => f.kind === 'inactive_request' && f.requestId === d.id);
      if (choice === 'keep') {
        expect(closed.removedAllocations).toBe(0);
        expect(flagged.map((f) => f.week)).toEqual(['2026-W50', '2026-W51']);
        expect(d.allocatedMinutes).toBe(720);
      } else {
        expect(closed.removedAllocations).toBe(2);
        expect(flagged).toEqual([]);
        expect(d.allocatedMinutes).toBe(240);
        // One undo brings back the status and both allocations.
        await b.call('history-undo', { view });
        const back = await b.call('requests-get', { ref });
        expect([back.status, back.allocatedMinutes]).toEqual(['approved', 720]);
      }
    }
  });

  it('derives staffing progress from coverage: unstaffed, partly staffed, staffed', async () => {
    const b = await demo();
    const { ref } = await b.call('requests-save', {
      fields: { ...draft().fields, startWeek: '2026-W50', endWeek: '2026-W51' },
      lines: [{ skill: 'PostgreSQL', minLevel: 1, minutesPerWeek: 480, startWeek: '2026-W50', endWeek: '2026-W51' }],
    });
    await b.call('requests-set-status', { ref, to: 'submitted' });
    const pg = (await b.call('specialists-list', view)).specialists.find((s) => s.skills.some((k) => k.name === 'PostgreSQL'))!;
    const staffing = async () => (await b.call('requests-list', {})).requests.find((r) => r.ref === ref)!.staffing;
    expect(await staffing()).toBe('unstaffed');
    await b.call('allocations-assign', {
      specialistRef: pg.ref,
      requestRef: ref,
      weeks: ['2026-W50'],
      minutesPerWeek: 480,
      status: 'confirmed',
      view,
    });
    expect(await staffing()).toBe('partly staffed');
    await b.call('allocations-assign', {
      specialistRef: pg.ref,
      requestRef: ref,
      weeks: ['2026-W51'],
      minutesPerWeek: 480,
      status: 'confirmed',
      view,
    });
    expect(await staffing()).toBe('staffed');
  });
});

describe('importing a request file after the plan changed', () => {
  it('applies nothing when the differences the user saw no longer hold, and one undo takes a whole import back', async () => {
    const b = await demo();
    const { ref, id } = await b.call('requests-save', draft());
    await b.call('requests-set-status', { ref, to: 'submitted' });
    const file = (await b.call('requests-export', { ref })).file;
    const changed = { ...file, request: { ...file.request, title: 'Billing DB migration', status: 'cancelled' as const } };
    const text = JSON.stringify(changed);
    const preview = await b.call('requests-import-preview', { text });
    const shown = preview.differences.map((d) => d.text);
    expect(shown).toContain(`${id} title: "Billing database migration" -> "Billing DB migration"`);

    // Someone edits the request between the preview and Apply.
    await b.call('requests-save', { ref, fields: { ...draft().fields, title: 'Billing migration (phase 1)' }, lines: draft().lines });
    const e = await refused(b.call('requests-import-apply', { text, expected: shown }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('nothing was imported');
    expect((await b.call('requests-get', { ref })).title).toBe('Billing migration (phase 1)');

    const again = (await b.call('requests-import-preview', { text })).differences.map((d) => d.text);
    const applied = await b.call('requests-import-apply', { text, expected: again });
    const after = await b.call('requests-get', { ref });
    expect([after.title, after.status]).toEqual(['Billing DB migration', 'cancelled']);
    expect(applied.history.undoLabel).toBe(`Import changes to ${id}`);
    await b.call('history-undo', { view });
    const back = await b.call('requests-get', { ref });
    expect([back.title, back.status]).toEqual(['Billing migration (phase 1)', 'submitted']);
  });
});

describe('requests.csv against the workflow', () => {
  it('moves a status only as the workflow allows, keeps it when the cell is empty, and writes the history', async () => {
    const b = await demo();
    const { ref, id } = await b.call('requests-save', draft());
    await b.call('requests-set-status', { ref, to: 'submitted' });
    await b.call('requests-set-status', { ref, to: 'rejected', reason: 'No budget this year' });
    const csv = (status: string, title = 'Billing database migration') =>
      `id,title,stage,status,start_week,end_week,budget\n${id},${title},transition,${status},2026-W50,2027-W02,12000.00\n`;
    const e = await refused(b.call('import-csv', { kind: 'requests', fileName: 'requests.csv', text: csv('draft') }));
    expect(e.message).toContain(
      `requests.csv:2: status: ${id} cannot go from rejected to draft: a rejected request changes status no more.`,
    );
    expect((await b.call('requests-get', { ref })).status).toBe('rejected');

    const other = await b.call('requests-save', draft({ title: 'Second' }));
    await b.call('requests-set-status', { ref: other.ref, to: 'submitted' });
    await b.call('requests-set-status', { ref: other.ref, to: 'approved' });
    const keep = `id,title,stage,start_week,end_week\n${other.id},Second (renamed),transition,2026-W50,2027-W02\n`;
    await b.call('import-csv', { kind: 'requests', fileName: 'requests.csv', text: keep });
    const d = await b.call('requests-get', { ref: other.ref });
    expect([d.status, d.title]).toEqual(['approved', 'Second (renamed)']);
    // The file leaves out budget, service, requester and priority: those go to their defaults, and say so.
    const imported = d.history.filter((h) => h.reason === 'Imported from requests.csv').map((h) => [h.what, h.before, h.after]);
    expect(imported).toEqual([
      ['title', 'Second', 'Second (renamed)'],
      ['service', 'Billing', null],
      ['requester', 'Lena Hoffmann', null],
      ['priority', 'high', 'medium'],
      ['budget', '12000.00', null],
    ]);
  });
});
