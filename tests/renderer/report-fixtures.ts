// A Reports view's data built by hand: the charts are drawn from it without a backend, so
// their tests check what is drawn, not how the figures are worked out (that is the figures
// tests' job). Deterministic: a small generator, no dates from the clock.
import type { ReportsViewData } from '../../shared/api/reports';
import type { AllocationRow, CostRow, HeatCell, HeatRow, SkillTotal, StageRow } from '../../shared/domain';
import { budgetState, percent, weekRange } from '../../shared/domain';

function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const cell = (capacityMinutes: number, allocatedMinutes: number, overAllocated: number): HeatCell => ({
  capacityMinutes,
  allocatedMinutes,
  utilizationPct: percent(allocatedMinutes, capacityMinutes),
  overAllocated,
});

const sum = (cells: readonly HeatCell[]): HeatCell =>
  cell(
    cells.reduce((a, c) => a + c.capacityMinutes, 0),
    cells.reduce((a, c) => a + c.allocatedMinutes, 0),
    cells.reduce((a, c) => a + c.overAllocated, 0),
  );

const DEPARTMENTS: [string, string[]][] = [
  ['Platform', ['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds', 'Margaret Hamilton']],
  ['Data', ['Edgar Codd', 'Jim Gray', 'Barbara Liskov']],
  ['Support', ['Ken Thompson', 'Radia Perlman']],
];

export function heatmapFixture(from: string, to: string, seed = 7): ReportsViewData['heatmap'] {
  const weeks = weekRange(from, to);
  const rnd = generator(seed);
  let n = 0;
  const departments = DEPARTMENTS.map(([dept, names]) => {
    const specialists: HeatRow[] = names.map((name) => {
      n += 1;
      const id = `S-${String(n).padStart(3, '0')}`;
      const cells = weeks.map((_, j) => {
        // A week off now and then (no capacity), a few over-allocated weeks.
        const cap = (j + n) % 17 === 0 ? 0 : n === 4 ? 1920 : 2400;
        const r = rnd();
        const alloc = cap === 0 ? (n === 2 && j % 2 === 0 ? 240 : 0) : Math.round((r < 0.1 ? 1.15 : r * 1.02) * cap);
        return cell(cap, alloc, alloc > cap ? 1 : 0);
      });
      return { key: `s:${id}`, label: name, department: dept, specialistId: id, cells, total: sum(cells) };
    });
    const cells = weeks.map((_, j) => sum(specialists.map((s) => s.cells[j]!)));
    const row: HeatRow = { key: `d:${dept}`, label: dept, department: dept, specialistId: null, cells, total: sum(cells) };
    return { row, specialists, specialistCount: specialists.length };
  });
  const columns = weeks.map((_, j) => sum(departments.map((d) => d.row.cells[j]!)));
  return { weeks, departments, columns, total: sum(columns) };
}

export const STAGES_FIXTURE: StageRow[] = [
  {
    stage: 'design',
    requests: 6,
    withBudget: 5,
    budgetMinor: 4_500_000,
    costMinor: 3_912_350,
    varianceMinor: 812_650,
    overrunRequests: 1,
    atRiskRequests: 1,
    plannedAfterMinor: 1_228_400,
  },
  {
    stage: 'transition',
    requests: 4,
    withBudget: 4,
    budgetMinor: 2_000_000,
    costMinor: 2_365_075,
    varianceMinor: -365_075,
    overrunRequests: 2,
    atRiskRequests: 0,
    plannedAfterMinor: 410_000,
  },
  {
    stage: 'operation',
    requests: 3,
    withBudget: 0,
    budgetMinor: 0,
    costMinor: 987_600,
    varianceMinor: 0,
    overrunRequests: 0,
    atRiskRequests: 0,
    plannedAfterMinor: 0,
  },
];

export function costsFixture(count = 22): CostRow[] {
  const rnd = generator(11);
  const stages = ['design', 'transition', 'operation'] as const;
  return Array.from({ length: count }, (_, i): CostRow => {
    const budget = i % 5 === 4 ? null : 200_000 + Math.round(rnd() * 40) * 50_000;
    const cost = budget === null ? Math.round(rnd() * 1_500_000) : Math.round(budget * (0.3 + rnd() * 0.9));
    const state = budgetState(cost, budget);
    return {
      requestId: `R-${String(i + 1).padStart(4, '0')}`,
      title: ['Payments gateway migration', 'Data lake ingestion', 'Kubernetes upgrade', 'Identity provider rollout', 'Backup service'][
        i % 5
      ]!,
      stage: stages[i % 3]!,
      status: 'approved',
      budgetMinor: budget,
      costMinor: cost,
      varianceMinor: budget === null ? null : budget - cost,
      overrun: state === 'overrun',
      atRisk: state === 'at_risk',
      plannedAfterMinor: Math.round(cost * 0.25),
    };
  });
}

export const SKILLS_FIXTURE: SkillTotal[] = [
  {
    skill: 'PostgreSQL',
    level: 3,
    weeks: 12,
    demandMinutes: 28_800,
    servedMinutes: 19_200,
    unfilledMinutes: 9_600,
    supplyMinutes: 57_600,
    freeMinutes: 2_400,
    gapMinutes: 7_200,
  },
  {
    skill: 'PostgreSQL',
    level: 1,
    weeks: 8,
    demandMinutes: 9_600,
    servedMinutes: 9_600,
    unfilledMinutes: 0,
    supplyMinutes: 96_000,
    freeMinutes: 14_400,
    gapMinutes: 0,
  },
  {
    skill: 'Kubernetes',
    level: 4,
    weeks: 10,
    demandMinutes: 24_000,
    servedMinutes: 4_800,
    unfilledMinutes: 19_200,
    supplyMinutes: 24_000,
    freeMinutes: 4_400,
    gapMinutes: 14_800,
  },
  {
    skill: 'Kubernetes',
    level: 2,
    weeks: 6,
    demandMinutes: 7_200,
    servedMinutes: 3_600,
    unfilledMinutes: 3_600,
    supplyMinutes: 48_000,
    freeMinutes: 9_000,
    gapMinutes: 0,
  },
  {
    skill: 'Java',
    level: 3,
    weeks: 12,
    demandMinutes: 43_200,
    servedMinutes: 40_000,
    unfilledMinutes: 3_200,
    supplyMinutes: 86_400,
    freeMinutes: 1_000,
    gapMinutes: 2_200,
  },
  {
    skill: 'Networking',
    level: 2,
    weeks: 4,
    demandMinutes: 4_800,
    servedMinutes: 4_800,
    unfilledMinutes: 0,
    supplyMinutes: 19_200,
    freeMinutes: 6_000,
    gapMinutes: 0,
  },
  {
    skill: 'Terraform',
    level: 5,
    weeks: 3,
    demandMinutes: 3_620,
    servedMinutes: 0,
    unfilledMinutes: 3_620,
    supplyMinutes: 0,
    freeMinutes: 0,
    gapMinutes: 3_620,
  },
];

export function allocationsFixture(count: number): AllocationRow[] {
  const weeks = weekRange('2026-W40', '2027-W13');
  return Array.from({ length: count }, (_, i): AllocationRow => {
    const minutes = 240 + (i % 9) * 60;
    return {
      week: weeks[i % weeks.length]!,
      specialistId: `S-${String((i % 9) + 1).padStart(3, '0')}`,
      specialist: DEPARTMENTS.flatMap(([, names]) => names)[i % 9]!,
      department: DEPARTMENTS[i % 3]![0],
      requestId: `R-${String((i % 22) + 1).padStart(4, '0')}`,
      request: 'Payments gateway migration',
      stage: 'design',
      minutes,
      status: i % 7 === 0 ? 'tentative' : 'confirmed',
      costMinor: minutes * 150,
    };
  });
}

export function viewFixture(from = '2026-W40', to = '2027-W13'): ReportsViewData {
  const costs = costsFixture();
  return {
    from,
    to,
    currentWeek: '2026-W48',
    currency: 'EUR',
    minorDigits: 2,
    planName: 'Northwind IT plan 2027',
    allDepartments: DEPARTMENTS.map(([d]) => d),
    heatmap: heatmapFixture(from, to),
    stages: STAGES_FIXTURE,
    costs,
    plannedAfterMinor: costs.reduce((a, c) => a + c.plannedAfterMinor, 0),
    skills: SKILLS_FIXTURE,
    allocationCount: 2_345,
  };
}
