import { describe, expect, it } from 'vitest';
import {
  costRows,
  skillRows,
  skillTotals,
  stageRows,
  utilizationHeatmap,
  type EngineAllocation,
  type EngineDemandLine,
  type EngineRequest,
  type EngineSpecialist,
  type PlanSnapshot,
  type UtilizationRow,
} from '../../shared/domain';
import { skillsTable, stagesTable } from '../../electron/backend/export/report-tables';

const W1 = '2026-W52';
const W2 = '2026-W53';
const W3 = '2027-W01';

function specialist(ref: number, over: Partial<EngineSpecialist> = {}): EngineSpecialist {
  return {
    ref,
    id: `S${ref}`,
    name: `Specialist ${ref}`,
    department: 'Database Services',
    calendar: null,
    hourlyRateMinor: 6000,
    active: true,
    skills: new Map(),
    weeklyMinutes: 2400,
    workingDays: [1, 2, 3, 4, 5],
    startDate: null,
    endDate: null,
    ...over,
  };
}

function request(ref: number, over: Partial<EngineRequest> = {}): EngineRequest {
  return {
    ref,
    id: `R${ref}`,
    title: `Request ${ref}`,
    stage: 'design',
    status: 'approved',
    startWeek: W1,
    endWeek: W3,
    budgetMinor: null,
    ...over,
  };
}

let nextRef = 1;
const alloc = (
  specialistRef: number,
  requestRef: number,
  week: string,
  minutes: number,
  demandLineRef: number | null = null,
): EngineAllocation => ({
  ref: nextRef++,
  specialistRef,
  requestRef,
  week,
  minutes,
  status: 'confirmed',
  demandLineRef,
});

const line = (
  ref: number,
  requestRef: number,
  minLevel: number,
  minutesPerWeek: number,
  over: Partial<EngineDemandLine> = {},
): EngineDemandLine => ({
  ref,
  requestRef,
  skillRef: 1,
  skillName: 'PostgreSQL',
  minLevel,
  minutesPerWeek,
  startWeek: W1,
  endWeek: W1,
  ...over,
});

const plan = (over: Partial<PlanSnapshot>): PlanSnapshot => ({
  specialists: [],
  requests: [],
  demandLines: [],
  allocations: [],
  timeOff: new Map(),
  holidays: new Map(),
  minorDigits: 2,
  ...over,
});

describe('skill demand versus capacity (domain.md), worked by hand', () => {
  // PostgreSQL at minimum level 3 in 2026-W52: two lines of 20 h and 10 h (30 h), 12 h of
  // them served. Ana (L4, 40 h, 30 h booked: 10 h free) and Ben (L3, 40 h, 44 h booked: 0
  // free) qualify; Cy (L2) does not; Dee (L5) is archived; Eve (L3) holds it but is in
  // another department. Supply 80 h, free 10 h, unfilled 18 h, gap 8 h.
  const snapshot = plan({
    specialists: [
      specialist(1, { name: 'Ana', skills: new Map([[1, 4]]) }),
      specialist(2, { name: 'Ben', skills: new Map([[1, 3]]) }),
      specialist(3, { name: 'Cy', skills: new Map([[1, 2]]) }),
      specialist(4, { name: 'Dee', active: false, skills: new Map([[1, 5]]) }),
      specialist(5, { name: 'Eve', department: 'Cloud Platform', skills: new Map([[1, 3]]) }),
    ],
    requests: [
      request(1),
      request(2, { stage: 'transition' }),
      request(3, { status: 'draft' }),
      request(4, { status: 'closed' }),
      request(9, { title: 'Other work', stage: 'operation' }),
    ],
    demandLines: [
      line(1, 1, 3, 1200),
      line(2, 2, 3, 600),
      line(3, 1, 4, 300, { startWeek: W2, endWeek: W2 }),
      // Drafts and closed requests do not ask.
      line(4, 3, 3, 6000),
      line(5, 4, 3, 6000),
    ],
    allocations: [
      alloc(1, 1, W1, 12 * 60, 1),
      alloc(1, 9, W1, 18 * 60),
      alloc(2, 9, W1, 44 * 60),
      alloc(4, 2, W1, 10 * 60),
      alloc(5, 9, W1, 40 * 60),
    ],
  });
  const all = { from: W1, to: W3 };
  const dbs = { ...all, departments: ['database services'] };

  it('demand at the exact level, served, supply and free of the qualified active people, gap', () => {
    const rows = skillRows(snapshot, dbs);
    expect(rows).toEqual([
      {
        skill: 'PostgreSQL',
        level: 3,
        week: W1,
        demandMinutes: 1800,
        servedMinutes: 720,
        unfilledMinutes: 1080,
        supplyMinutes: 4800,
        freeMinutes: 600,
        gapMinutes: 480,
      },
      // Level 4 in W53 (2026 has one): only Ana, entirely free that week.
      {
        skill: 'PostgreSQL',
        level: 4,
        week: W2,
        demandMinutes: 300,
        servedMinutes: 0,
        unfilledMinutes: 300,
        supplyMinutes: 2400,
        freeMinutes: 2400,
        gapMinutes: 0,
      },
    ]);
  });

  it('without a department filter Eve counts in supply (fully booked: no free time); stages narrow the demand', () => {
    const [l3] = skillRows(snapshot, all);
    expect(l3).toMatchObject({ supplyMinutes: 7200, freeMinutes: 600, gapMinutes: 480 });
    expect(skillRows(snapshot, { ...all, stages: ['transition'] })).toEqual([
      expect.objectContaining({ level: 3, week: W1, demandMinutes: 600, servedMinutes: 0, unfilledMinutes: 600, gapMinutes: 0 }),
    ]);
  });

  it('totals per skill and level sum the weeks, and the table writes interchange.md columns', () => {
    const rows = skillRows(snapshot, {
      ...dbs,
      stages: ['design'],
    });
    expect(skillTotals([...rows, { ...rows[0]!, week: W3, gapMinutes: 20 }])).toEqual([
      {
        skill: 'PostgreSQL',
        level: 3,
        weeks: 2,
        demandMinutes: 2400,
        servedMinutes: 1440,
        unfilledMinutes: 960,
        supplyMinutes: 9600,
        freeMinutes: 1200,
        gapMinutes: 20,
      },
      expect.objectContaining({ level: 4, weeks: 1, demandMinutes: 300 }),
    ]);
    const table = skillsTable(rows, 2);
    expect(table.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'skill:text',
      'level:integer',
      'week:week',
      'demand_hours:hours',
      'served_hours:hours',
      'unfilled_hours:hours',
      'supply_hours:hours',
      'free_hours:hours',
      'gap_hours:hours',
    ]);
    expect(table.rows).toEqual([
      ['PostgreSQL', 3, W1, 1200, 720, 480, 4800, 600, 0],
      ['PostgreSQL', 4, W2, 300, 0, 300, 2400, 2400, 0],
    ]);
  });
});

describe('cost by stage', () => {
  const rate = 6000; // 100.00 per hour: 1 h costs 6000 minor units
  const snapshot = plan({
    specialists: [specialist(1, { hourlyRateMinor: rate })],
    requests: [
      request(1, { budgetMinor: 100_000 }), // cost 30 h = 180,000: overrun
      request(2, { budgetMinor: 200_000 }), // 30 h = 180,000 of 200,000: at risk (90%)
      request(3), // no budget: cost counts, budget and variance do not
      request(4, { stage: 'operation', startWeek: '2027-W10', endWeek: '2027-W12', budgetMinor: 50_000 }), // outside the range
    ],
    allocations: [1, 2, 3].flatMap((r) => [alloc(1, r, W1, 600), alloc(1, r, W2, 600), alloc(1, r, W3, 600)]),
  });

  it('counts, budget and variance over the budgeted requests, cost and cost after the current week', () => {
    expect(stageRows(snapshot, { from: W1, to: W3 }, W2)).toEqual([
      {
        stage: 'design',
        requests: 3,
        withBudget: 2,
        budgetMinor: 300_000,
        costMinor: 540_000,
        varianceMinor: 300_000 - 360_000,
        overrunRequests: 1,
        atRiskRequests: 1,
        plannedAfterMinor: 180_000,
      },
      {
        stage: 'transition',
        requests: 0,
        withBudget: 0,
        budgetMinor: 0,
        costMinor: 0,
        varianceMinor: 0,
        overrunRequests: 0,
        atRiskRequests: 0,
        plannedAfterMinor: 0,
      },
      expect.objectContaining({ stage: 'operation', requests: 0 }),
    ]);
    expect(costRows(snapshot, { from: W1, to: W3 }, W1).map((c) => c.plannedAfterMinor)).toEqual([120_000, 120_000, 120_000]);
    expect(costRows(snapshot, { from: W1, to: W3 }, W3).map((c) => c.plannedAfterMinor)).toEqual([0, 0, 0]);
  });

  it('the stages table leaves budget and variance empty where no request has a budget', () => {
    const rows = stageRows(snapshot, { from: W1, to: W3, stages: ['transition', 'design'] }, W2);
    expect(rows.map((r) => r.stage)).toEqual(['design', 'transition']);
    const table = stagesTable(rows, 2);
    expect(table.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'stage:text',
      'requests:integer',
      'with_budget:integer',
      'budget:money',
      'cost:money',
      'variance:money',
      'overrun_requests:integer',
      'at_risk_requests:integer',
    ]);
    expect(table.rows).toEqual([
      ['design', 3, 2, 300_000, 540_000, -60_000, 1, 1],
      ['transition', 0, 0, null, 0, null, 0, 0],
    ]);
  });
});

describe('utilization heat map', () => {
  const row = (
    specialistId: string,
    specialist: string,
    department: string,
    week: string,
    capacityMinutes: number,
    allocatedMinutes: number,
  ): UtilizationRow => ({
    specialistId,
    specialist,
    department,
    week,
    capacityMinutes,
    allocatedMinutes,
    utilizationPct: null,
    overAllocated: allocatedMinutes > capacityMinutes,
  });
  const weeks = [W1, W2];
  const rows = [
    row('S9', 'zoe', 'Network', W1, 2400, 800),
    row('S9', 'zoe', 'Network', W2, 0, 60), // no capacity, load: over-allocated
    row('S2', 'Émile', 'Network', W1, 2400, 2401),
    row('S2', 'Émile', 'Network', W2, 1200, 600),
    row('S1', 'Ana', 'database', W1, 300, 1),
    row('S1', 'Ana', 'database', W2, 0, 0),
  ];
  const map = utilizationHeatmap(rows, weeks);

  it('departments and their people in name order, case and accents aside', () => {
    expect(map.weeks).toEqual(weeks);
    expect(map.departments.map((d) => d.row.key)).toEqual(['d:database', 'd:Network']);
    expect(map.departments[1]!.specialists.map((s) => [s.key, s.label])).toEqual([
      ['s:S2', 'Émile'],
      ['s:S9', 'zoe'],
    ]);
  });

  it('sums capacity, load and over-allocated specialist-weeks per cell, row, column and overall', () => {
    const net = map.departments[1]!;
    expect(net.row).toMatchObject({ label: 'Network', department: 'Network', specialistId: null });
    expect(net.row.cells).toEqual([
      // 3201 of 4800 = 66.6875%: rounds to 67
      { capacityMinutes: 4800, allocatedMinutes: 3201, utilizationPct: 67, overAllocated: 1 },
      { capacityMinutes: 1200, allocatedMinutes: 660, utilizationPct: 55, overAllocated: 1 },
    ]);
    expect(net.row.total).toEqual({ capacityMinutes: 6000, allocatedMinutes: 3861, utilizationPct: 64, overAllocated: 2 });
    const zoe = net.specialists[1]!;
    expect(zoe.cells[1]).toEqual({ capacityMinutes: 0, allocatedMinutes: 60, utilizationPct: null, overAllocated: 1 });
    expect(zoe.total).toEqual({ capacityMinutes: 2400, allocatedMinutes: 860, utilizationPct: 36, overAllocated: 1 });
    // 1 of 300 = 0.333%: 0; and an empty week of capacity 0 is "no capacity", not 0%.
    expect(map.departments[0]!.row.cells).toEqual([
      { capacityMinutes: 300, allocatedMinutes: 1, utilizationPct: 0, overAllocated: 0 },
      { capacityMinutes: 0, allocatedMinutes: 0, utilizationPct: null, overAllocated: 0 },
    ]);
    expect(map.columns).toEqual([
      { capacityMinutes: 5100, allocatedMinutes: 3202, utilizationPct: 63, overAllocated: 1 },
      { capacityMinutes: 1200, allocatedMinutes: 660, utilizationPct: 55, overAllocated: 1 },
    ]);
    expect(map.total).toEqual({ capacityMinutes: 6300, allocatedMinutes: 3862, utilizationPct: 61, overAllocated: 2 });
  });

  it('rounds half away from zero: 1 of 200 minutes is 1%', () => {
    const m = utilizationHeatmap([row('S1', 'A', 'D', W1, 200, 1)], [W1]);
    expect(m.total.utilizationPct).toBe(1);
    expect(utilizationHeatmap([], weeks)).toEqual({
      weeks,
      departments: [],
      columns: [
        { capacityMinutes: 0, allocatedMinutes: 0, utilizationPct: null, overAllocated: 0 },
        { capacityMinutes: 0, allocatedMinutes: 0, utilizationPct: null, overAllocated: 0 },
      ],
      total: { capacityMinutes: 0, allocatedMinutes: 0, utilizationPct: null, overAllocated: 0 },
    });
  });
});
