// Fake answers of the reports API for the Reports view's jsdom tests.
import type { AllocationsPage, ExportJobStatus, ReportsViewData } from '../../shared/api';
import type { AllocationRow, HeatCell, HeatRow, Stage } from '../../shared/domain';
import { STAGES, weekRange } from '../../shared/domain';
import { TEST_WEEK } from '../helpers/clock';
import * as rf from './request-fixtures';
import type { Handler } from './fixtures';

export const DEPARTMENTS = ['Database Services', 'Network Engineering', 'Storage & Backup'];

const cell = (capacityMinutes: number, allocatedMinutes: number): HeatCell => ({
  capacityMinutes,
  allocatedMinutes,
  utilizationPct: capacityMinutes === 0 ? null : Math.round((100 * allocatedMinutes) / capacityMinutes),
  overAllocated: allocatedMinutes > capacityMinutes ? 1 : 0,
});

const add = (cells: readonly HeatCell[]): HeatCell =>
  cells.reduce(
    (t, c) => {
      const capacityMinutes = t.capacityMinutes + c.capacityMinutes;
      const allocatedMinutes = t.allocatedMinutes + c.allocatedMinutes;
      return {
        capacityMinutes,
        allocatedMinutes,
        utilizationPct: capacityMinutes === 0 ? null : Math.round((100 * allocatedMinutes) / capacityMinutes),
        overAllocated: t.overAllocated + c.overAllocated,
      };
    },
    { capacityMinutes: 0, allocatedMinutes: 0, utilizationPct: null, overAllocated: 0 } as HeatCell,
  );

/** Figures that depend on the filter, so a test sees them change: two specialists per department, 40 h weeks. */
export function reportsView(input: Record<string, unknown>): ReportsViewData {
  const from = String(input.from);
  const to = String(input.to);
  const weeks = weekRange(from, to);
  const chosen = (input.departments as string[] | undefined) ?? DEPARTMENTS;
  const departments = chosen.map((department, d) => {
    const specialists: HeatRow[] = [0, 1].map((k) => {
      const cells = weeks.map((_, w) => cell(2400, 1200 + 600 * ((d + k + w) % 4)));
      return { key: `s:E${d}${k}`, label: `Person ${d}${k}`, department, specialistId: `E${d}${k}`, cells, total: add(cells) };
    });
    const cells = weeks.map((_, w) => add(specialists.map((s) => s.cells[w]!)));
    const row = { key: `d:${department}`, label: department, department, specialistId: null, cells, total: add(cells) };
    // As the backend answers: specialist rows only for the departments the screen opened.
    const open = (input.expanded as string[] | undefined)?.includes(department) ?? true;
    return { row, specialists: open ? specialists : [], specialistCount: specialists.length };
  });
  const columns = weeks.map((_, w) => add(departments.map((d) => d.row.cells[w]!)));
  const stages = (input.stages as Stage[] | undefined) ?? [...STAGES];
  return {
    from,
    to,
    currentWeek: TEST_WEEK,
    currency: 'EUR',
    minorDigits: 2,
    planName: 'Test plan',
    allDepartments: DEPARTMENTS,
    heatmap: { weeks, departments, columns, total: add(columns) },
    stages: stages.map((stage, i) => ({
      stage,
      requests: 2 + i,
      withBudget: 1 + i,
      budgetMinor: 1_000_000 * (i + 1),
      costMinor: 900_000 * (i + 1) * weeks.length,
      varianceMinor: 1_000_000 * (i + 1) - 900_000 * (i + 1) * weeks.length,
      overrunRequests: i,
      atRiskRequests: 1,
      plannedAfterMinor: 100_000 * (i + 1),
    })),
    costs: [
      {
        requestId: 'REQ-1',
        title: 'Payments capacity',
        stage: 'design',
        status: 'approved',
        budgetMinor: 1_000_000,
        costMinor: 1_200_000,
        varianceMinor: -200_000,
        overrun: true,
        atRisk: false,
        plannedAfterMinor: 300_000,
      },
    ],
    plannedAfterMinor: 300_000 * chosen.length,
    skills: [
      {
        skill: 'PostgreSQL',
        level: 3,
        weeks: weeks.length,
        demandMinutes: 9600,
        servedMinutes: 4800,
        unfilledMinutes: 4800,
        supplyMinutes: 24000,
        freeMinutes: 2400,
        gapMinutes: 2400,
      },
    ],
    allocationCount: 1234 * chosen.length,
  };
}

export function allocationRow(i: number): AllocationRow {
  return {
    week: TEST_WEEK,
    specialistId: `E${i}`,
    specialist: `Specialist ${i}`,
    department: DEPARTMENTS[i % DEPARTMENTS.length]!,
    requestId: `REQ-${i}`,
    request: `Request ${i}`,
    stage: STAGES[i % STAGES.length]!,
    minutes: 480,
    status: i % 5 === 0 ? 'tentative' : 'confirmed',
    costMinor: 40_000,
  };
}

/** `total` allocations; every page answers with its slice. */
export function allocationsPage(total: number): Handler {
  return (input) => {
    const offset = Number(input.offset);
    const limit = Number(input.limit);
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => allocationRow(offset + k));
    const page: AllocationsPage = { total, offset, rows, totalMinutes: total * 480, totalCostMinor: total * 40_000 };
    return page;
  };
}

export function job(over: Partial<ExportJobStatus> = {}): ExportJobStatus {
  return { jobId: 'job-1', state: 'running', done: 0, total: 100, phase: 'Writing Utilization sheet', fileName: 'report.xlsx', ...over };
}

/** The app's start-up answers (board, specialists, flags) plus the reports API's; `overrides` replace any. */
export function reportsBridge(overrides: Record<string, Handler> = {}, total = 5000) {
  return rf.requestsBridge({
    'reports-view': reportsView,
    'reports-allocations-page': allocationsPage(total),
    ...overrides,
  });
}
