import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeResult } from '../../shared/api';
import { addIsoWeeks, computeFlags, seededRandom, type Flag } from '../../shared/domain';
import { patchFlags } from '../../renderer/src/store/flag-patch';
import { createBackend, type Backend } from '../../electron/backend/handlers';
import { useTempDir } from '../helpers/temp';
import { testClock } from '../helpers/clock';

const temp = useTempDir();
const W0 = '2026-W48';
const view = { from: W0, to: addIsoWeeks(W0, 7) };

async function demo(): Promise<{ b: Backend; path: string }> {
  const path = join(temp(), 'demo.db');
  const b = createBackend({ clock: testClock });
  await b.call('plan-create', { path, demo: true });
  return { b, path };
}

const refOf = async (b: Backend, id: string): Promise<number> =>
  (await b.call('specialists-list', view)).specialists.find((s) => s.id === id)!.ref;

/** The flag list a screen holds after patching a change in: the renderer's own patch. */
const patch = (flags: readonly Flag[], r: ChangeResult): Flag[] => patchFlags(flags, r.flags);

describe('allocation changes, flags at once, undo and redo', () => {
  it('runs the Monday journey: assign, over-allocate, move hours, undo, redo, restart', async () => {
    const { b, path } = await demo();
    const rosa = await refOf(b, 'E4001');
    const board = await b.call('board-get', view);
    const req = board.lanes.flatMap((l) => l.requests).find((c) => c.id === 'REQ-104')!;
    const line = req.demand.find((d) => d.skill === 'Kubernetes')!;
    let flags = (await b.call('flags-list', view)).flags;
    const rosaW50Before = (await b.call('specialists-list', view)).specialists
      .find((s) => s.id === 'E4001')!
      .weeks.find((w) => w.week === '2026-W50')!;
    expect(rosaW50Before).toMatchObject({ capacity: 2400, allocated: 390 });

    // 37.5 h more on top of Rosa's 6.5 h in W50: 44 of 40 h.
    const assigned = await b.call('allocations-assign', {
      specialistRef: rosa,
      requestRef: req.ref,
      demandLineRef: line.ref,
      weeks: ['2026-W50'],
      minutesPerWeek: 2250,
      status: 'confirmed',
      view,
    });
    expect(assigned.label).toBe('Assign Rosa Fischer to REQ-104, 37.50 h in W50');
    expect(assigned.specialists[0]!.weeks.find((w) => w.week === '2026-W50')).toMatchObject({ allocated: 2640, capacity: 2400 });
    const servedBefore = line.weeks.find((w) => w.week === '2026-W50')!.served;
    expect(assigned.cards[0]!.demand.find((d) => d.ref === line.ref)!.weeks.find((w) => w.week === '2026-W50')!.served).toBe(
      servedBefore + 2250,
    );
    flags = patch(flags, assigned);
    const over = flags.find((f) => f.kind === 'over_allocation' && f.specialistId === 'E4001');
    expect(over?.detail).toBe('Rosa Fischer: 44:00 of 40:00 h, 110%');
    expect(flags).toEqual((await b.call('flags-list', view)).flags);

    // Move 8 h of it to W51: the flag clears.
    const alloc = (await b.call('timeline-get', { ...view, query: 'Rosa' })).rows[0]!.cells.find((c) => c.week === '2026-W50')!.chips[0]!;
    const moved = await b.call('allocations-move', { ref: alloc.ref, toWeek: '2026-W51', minutes: 480, view });
    flags = patch(flags, moved);
    expect(flags.some((f) => f.kind === 'over_allocation' && f.specialistId === 'E4001')).toBe(false);
    expect(moved.timeline[0]!.cells.filter((c) => c.week === '2026-W50' || c.week === '2026-W51').map((c) => c.allocated)).toEqual([
      2160,
      480 + 440,
    ]);
    expect(flags).toEqual((await b.call('flags-list', view)).flags);

    // Undo brings the flag back, redo clears it again.
    const undone = await b.call('history-undo', { view });
    expect(undone.label).toBe('Undo: Move 8.00 h of Rosa Fischer from W50 to W51');
    flags = patch(flags, undone);
    expect(flags.some((f) => f.kind === 'over_allocation' && f.specialistId === 'E4001')).toBe(true);
    expect(undone.history).toMatchObject({ canUndo: true, canRedo: true, redoLabel: 'Move 8.00 h of Rosa Fischer from W50 to W51' });
    flags = patch(flags, await b.call('history-redo', { view }));
    expect(flags.some((f) => f.kind === 'over_allocation' && f.specialistId === 'E4001')).toBe(false);
    b.close();

    // After a restart the history is still there.
    const again = createBackend({ clock: testClock });
    await again.call('plan-open', { path });
    expect(await again.call('history-state', {})).toEqual({
      canUndo: true,
      canRedo: false,
      undoLabel: 'Move 8.00 h of Rosa Fischer from W50 to W51',
      redoLabel: null,
    });
    await again.call('history-undo', { view });
    await again.call('history-undo', { view });
    const rosaW50 = (await again.call('specialists-list', view)).specialists
      .find((s) => s.id === 'E4001')!
      .weeks.find((w) => w.week === '2026-W50')!;
    expect(rosaW50).toEqual(rosaW50Before);
    await expect(again.call('history-undo', { view })).rejects.toThrow('There is nothing to undo.');
    again.close();
  });

  it('refuses a bad write with a clear message and changes nothing', async () => {
    const { b } = await demo();
    const before = await b.call('flags-list', {});
    const ana = await refOf(b, 'E1001');
    await expect(b.call('allocations-move', { ref: 999_999, toWeek: W0, view })).rejects.toThrow(/Allocation 999999 no longer exists/);
    await expect(
      b.call('allocations-assign', { specialistRef: ana, requestRef: 424242, weeks: [W0], minutesPerWeek: 60, status: 'confirmed', view }),
    ).rejects.toThrow('There is no request with ref 424242.');
    await expect(
      b.call('allocations-assign', {
        specialistRef: ana,
        requestRef: 1,
        weeks: ['2026-W99'],
        minutesPerWeek: 60,
        status: 'confirmed',
        view,
      }),
    ).rejects.toThrow(/weeks\.0: must be an ISO week/);
    await expect(
      b.call('allocations-assign', { specialistRef: ana, requestRef: 1, weeks: [W0], minutesPerWeek: 1.5, status: 'confirmed', view }),
    ).rejects.toThrow(/minutesPerWeek: must be whole minutes/);
    const chip = (await b.call('timeline-get', { ...view, query: 'Ana' })).rows[0]!.cells[0]!.chips[0]!;
    await expect(
      b.call('allocations-move', { ref: chip.ref, toWeek: addIsoWeeks(W0, 1), minutes: chip.minutes + 1, view }),
    ).rejects.toThrow(/can be moved/);
    expect(await b.call('flags-list', {})).toEqual(before);
    expect((await b.call('history-state', {})).canUndo).toBe(false);
    b.close();
  });

  it('keeps patched flags equal to a full recomputation over a random sequence of changes', async () => {
    const { b, path } = await demo();
    const rnd = seededRandom(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const specialists = (await b.call('specialists-list', view)).specialists;
    const cards = (await b.call('board-get', view)).lanes.flatMap((l) => l.requests);
    const weeks = (await b.call('board-get', view)).weeks;
    let flags = (await b.call('flags-list', view)).flags;
    for (let i = 0; i < 60; i++) {
      const rows = (await b.call('timeline-get', { ...view, limit: 100 })).rows;
      const chips = rows.flatMap((r) => r.cells.flatMap((c) => c.chips));
      const op = Math.floor(rnd() * 7);
      let r: ChangeResult;
      if (op <= 1 || chips.length === 0) {
        const card = pick(cards);
        const line = card.demand.length > 0 && rnd() < 0.7 ? pick(card.demand).ref : undefined;
        r = await b.call('allocations-assign', {
          specialistRef: pick(specialists).ref,
          requestRef: card.ref,
          ...(line ? { demandLineRef: line } : {}),
          weeks: [pick(weeks), pick(weeks)],
          minutesPerWeek: 30 * (1 + Math.floor(rnd() * 40)),
          status: rnd() < 0.5 ? 'confirmed' : 'tentative',
          view,
        });
      } else if (op === 2) {
        const c = pick(chips);
        r = await b.call('allocations-move', {
          ref: c.ref,
          toWeek: pick(weeks),
          toRequestRef: pick(cards).ref,
          minutes: Math.max(1, Math.floor(c.minutes / 2)),
          view,
        });
      } else if (op === 3) {
        r = await b.call('allocations-delete', { refs: [pick(chips).ref], view });
      } else if (op === 4) {
        r = await b.call('allocations-set-status', { refs: [pick(chips).ref], status: 'tentative', view });
      } else if (op === 5) {
        r = await b.call('allocations-update', { ref: pick(chips).ref, minutes: 60 * (1 + Math.floor(rnd() * 30)), view });
      } else {
        const h = await b.call('history-state', {});
        if (!h.canUndo) continue;
        r = await b.call('history-undo', { view });
      }
      flags = patch(flags, r);
      expect(flags, `after step ${i}: ${r.label}`).toEqual((await b.call('flags-list', view)).flags);
    }
    // And the engine's patched index agrees with a plan read fresh from the file.
    const fresh = createBackend({ clock: testClock });
    await fresh.call('plan-open', { path });
    expect(computeFlags(fresh.context.session!.snapshot())).toEqual(computeFlags(b.context.session!.snapshot()));
    fresh.close();
    b.close();
  });
});
