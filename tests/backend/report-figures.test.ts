import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllocationRow, SkillRow } from '../../shared/domain';
import { createBackend, type Backend } from '../../electron/backend/handlers';
import { BENCH_PLAN, SETUP_KINDS, generatePlan, type GenerateOptions } from '../bench/generate-plan';
import { TEST_WEEK, testClock } from '../helpers/clock';
import { refCapacity, refRoundDiv, refWeekRange } from '../shared/reference-model';

/**
 * The Reports view's figures against sums worked out here from the plan file's tables:
 * SQL over allocations, demand lines, specialists and requests, and capacity from the
 * independent reference model. The plan is the bench generator's at a small scale,
 * starting before TEST_WEEK so that "planned after this week" and the year end (2026-W53)
 * are inside it, with a few specialists archived.
 */
const SMALL: GenerateOptions = {
  ...BENCH_PLAN,
  seed: 9_090_909,
  specialists: 60,
  requests: 160,
  weeks: 16,
  allocations: 2_400,
  startWeek: '2026-W44',
};

let dir: string;
let path: string;
let b: Backend;
let db: Database.Database;
let weeks: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tm-planner-figures-'));
  path = join(dir, 'figures.tmplan');
  const plan = generatePlan(SMALL);
  weeks = plan.weeks;
  const setup = createBackend({ clock: testClock });
  await setup.call('plan-create', { path });
  for (const kind of SETUP_KINDS) await setup.call('import-csv', { kind, fileName: `${kind}.csv`, text: plan.csv[kind] });
  await setup.call('import-csv', { kind: 'allocations', fileName: 'allocations.csv', text: plan.csv.allocations });
  setup.close();
  // Archived people keep their allocations (cost, served) but give no capacity or supply.
  const w = new Database(path);
  w.exec('UPDATE specialists SET active = 0 WHERE id IN (SELECT id FROM specialists ORDER BY id LIMIT 5 OFFSET 7)');
  // Every minimum level is asked somewhere: supply counts holders at that level and above.
  w.exec('UPDATE demand_lines SET min_level = 1 WHERE id % 5 = 0');
  w.exec('UPDATE demand_lines SET min_level = 5 WHERE id % 7 = 0');
  w.close();
  db = new Database(path, { readonly: true });
  b = createBackend({ clock: testClock });
  await b.call('plan-open', { path });
}, 60_000);

afterAll(() => {
  b?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

// ---- The reference: straight from the tables ----------------------------------------

interface Filter {
  from: string;
  to: string;
  departments?: string[];
  stages?: ('design' | 'transition' | 'operation')[];
}

const DAY_NUMBERS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

interface RefSpecialist {
  ref: number;
  code: string;
  name: string;
  department: string;
  active: boolean;
  capacity: (week: string) => number;
}

function refSpecialists(): RefSpecialist[] {
  const timeOff = db.prepare('SELECT start_date, end_date, minutes_per_day FROM time_off WHERE specialist_id = ?');
  const holidays = db.prepare('SELECT date FROM holidays WHERE calendar = ?');
  const rows = db
    .prepare(
      `SELECT s.id, s.code, s.name, d.name AS department, s.active, s.weekly_minutes, s.working_days, s.calendar, s.start_date, s.end_date
         FROM specialists s JOIN departments d ON d.id = s.department_id`,
    )
    .all() as {
    id: number;
    code: string;
    name: string;
    department: string;
    active: number;
    weekly_minutes: number;
    working_days: string;
    calendar: string | null;
    start_date: string | null;
    end_date: string | null;
  }[];
  return rows.map((r) => {
    const profile = {
      weeklyMinutes: r.weekly_minutes,
      workingDays: r.working_days.split(',').map((d) => DAY_NUMBERS[d.trim()]!),
      startDate: r.start_date,
      endDate: r.end_date,
    };
    const off = (timeOff.all(r.id) as { start_date: string; end_date: string; minutes_per_day: number | null }[]).map((t) => ({
      startDate: t.start_date,
      endDate: t.end_date,
      minutesPerDay: t.minutes_per_day,
    }));
    const hol = r.calendar === null ? undefined : new Set(holidays.pluck().all(r.calendar) as string[]);
    const memo = new Map<string, number>();
    return {
      ref: r.id,
      code: r.code,
      name: r.name,
      department: r.department,
      active: r.active === 1,
      capacity: (week) => {
        if (!memo.has(week)) memo.set(week, refCapacity(profile, week, off, hol));
        return memo.get(week)!;
      },
    };
  });
}

function refLoad(): Map<string, number> {
  const rows = db.prepare('SELECT specialist_id, week, SUM(minutes) FROM allocations GROUP BY 1, 2').raw().all() as [
    number,
    string,
    number,
  ][];
  return new Map(rows.map(([s, w, m]) => [`${s}|${w}`, m]));
}

const inDepartments = (f: Filter, department: string): boolean =>
  !f.departments || f.departments.length === 0 || f.departments.some((d) => d.toLowerCase() === department.toLowerCase());

/** SQL for "this request is in the filter": range, stages, worked on by the departments. */
function requestWhere(f: Filter): { sql: string; params: unknown[] } {
  const parts = ['r.start_week <= ?', 'r.end_week >= ?'];
  const params: unknown[] = [f.to, f.from];
  if (f.stages && f.stages.length > 0) {
    parts.push(`r.stage IN (${f.stages.map(() => '?').join(', ')})`);
    params.push(...f.stages);
  }
  if (f.departments && f.departments.length > 0) {
    parts.push(`EXISTS (SELECT 1 FROM allocations x JOIN specialists xs ON xs.id = x.specialist_id JOIN departments xd ON xd.id = xs.department_id
                 WHERE x.request_id = r.id AND lower(xd.name) IN (${f.departments.map(() => '?').join(', ')}))`);
    params.push(...f.departments.map((d) => d.toLowerCase()));
  }
  return { sql: parts.join(' AND '), params };
}

// Allocation cost round(minutes × rate / 60), half away from zero, in SQLite's integer arithmetic.
const COST_SQL = '((a.minutes * s.hourly_rate_minor * 2 + 60) / 120)';

interface RefCost {
  code: string;
  stage: string;
  budget: number | null;
  cost: number;
  after: number;
}

function refCosts(f: Filter): RefCost[] {
  const w = requestWhere(f);
  return db
    .prepare(
      `SELECT r.code, r.stage, r.budget_minor AS budget,
              COALESCE((SELECT SUM(${COST_SQL}) FROM allocations a JOIN specialists s ON s.id = a.specialist_id WHERE a.request_id = r.id), 0) AS cost,
              COALESCE((SELECT SUM(${COST_SQL}) FROM allocations a JOIN specialists s ON s.id = a.specialist_id
                         WHERE a.request_id = r.id AND a.week > ?), 0) AS after
         FROM requests r WHERE ${w.sql} ORDER BY r.code`,
    )
    .all(TEST_WEEK, ...w.params) as RefCost[];
}

function refStages(f: Filter) {
  const w = requestWhere(f);
  return db
    .prepare(
      `WITH c AS (
         SELECT r.stage, r.budget_minor AS budget,
                COALESCE((SELECT SUM(${COST_SQL}) FROM allocations a JOIN specialists s ON s.id = a.specialist_id WHERE a.request_id = r.id), 0) AS cost,
                COALESCE((SELECT SUM(${COST_SQL}) FROM allocations a JOIN specialists s ON s.id = a.specialist_id
                           WHERE a.request_id = r.id AND a.week > ?), 0) AS after
           FROM requests r WHERE ${w.sql})
       SELECT stage, COUNT(*) AS requests, COUNT(budget) AS withBudget, COALESCE(SUM(budget), 0) AS budgetMinor, SUM(cost) AS costMinor,
              COALESCE(SUM(budget - cost), 0) AS varianceMinor,
              SUM(budget IS NOT NULL AND cost > budget) AS overrunRequests,
              SUM(budget IS NOT NULL AND cost <= budget AND cost * 10 >= budget * 9) AS atRiskRequests,
              SUM(after) AS plannedAfterMinor
         FROM c GROUP BY stage`,
    )
    .all(TEST_WEEK, ...w.params) as Record<string, number | string>[];
}

/** domain.md "Skill demand versus capacity", written out from the tables. */
function refSkills(f: Filter): SkillRow[] {
  const specialists = refSpecialists();
  const load = refLoad();
  const stageSql = f.stages && f.stages.length > 0 ? `AND r.stage IN (${f.stages.map(() => '?').join(', ')})` : '';
  const lines = db
    .prepare(
      `SELECT l.id, k.id AS skill_id, k.name AS skill, l.min_level, l.minutes_per_week, l.start_week, l.end_week
         FROM demand_lines l JOIN requests r ON r.id = l.request_id JOIN skills k ON k.id = l.skill_id
        WHERE r.status IN ('submitted', 'approved') ${stageSql}`,
    )
    .all(...(f.stages ?? [])) as {
    id: number;
    skill_id: number;
    skill: string;
    min_level: number;
    minutes_per_week: number;
    start_week: string;
    end_week: string;
  }[];
  const served = new Map(
    (
      db
        .prepare('SELECT demand_line_id, week, SUM(minutes) FROM allocations WHERE demand_line_id IS NOT NULL GROUP BY 1, 2')
        .raw()
        .all() as [number, string, number][]
    ).map(([l, w, m]) => [`${l}|${w}`, m]),
  );
  const held = db.prepare('SELECT specialist_id, skill_id, level FROM specialist_skills').raw().all() as [number, number, number][];
  const range = new Set(refWeekRange(f.from, f.to));
  const cells = new Map<string, { skill: string; skillId: number; level: number; week: string; demand: number; served: number }>();
  for (const l of lines) {
    for (const week of refWeekRange(l.start_week, l.end_week)) {
      if (!range.has(week)) continue;
      const key = `${l.skill_id}|${l.min_level}|${week}`;
      const c = cells.get(key) ?? { skill: l.skill, skillId: l.skill_id, level: l.min_level, week, demand: 0, served: 0 };
      c.demand += l.minutes_per_week;
      c.served += served.get(`${l.id}|${week}`) ?? 0;
      cells.set(key, c);
    }
  }
  return [...cells.values()].map((c) => {
    let supply = 0;
    let free = 0;
    for (const s of specialists) {
      if (!s.active || !inDepartments(f, s.department)) continue;
      if (!held.some(([sid, kid, level]) => sid === s.ref && kid === c.skillId && level >= c.level)) continue;
      const cap = s.capacity(c.week);
      supply += cap;
      free += Math.max(0, cap - (load.get(`${s.ref}|${c.week}`) ?? 0));
    }
    const unfilled = Math.max(0, c.demand - c.served);
    return {
      skill: c.skill,
      level: c.level,
      week: c.week,
      demandMinutes: c.demand,
      servedMinutes: c.served,
      unfilledMinutes: unfilled,
      supplyMinutes: supply,
      freeMinutes: free,
      gapMinutes: Math.max(0, unfilled - free),
    };
  });
}

const bySkillWeek = (a: SkillRow, b: SkillRow): number =>
  a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : a.level - b.level || (a.week < b.week ? -1 : a.week > b.week ? 1 : 0);

// ---- The figures ----------------------------------------------------------------------

function filters(): Filter[] {
  const departments = db.prepare('SELECT name FROM departments ORDER BY id').pluck().all() as string[];
  return [
    { from: weeks[0]!, to: weeks[weeks.length - 1]! },
    // Departments match ignoring case, as the plan file does.
    { from: weeks[3]!, to: weeks[9]!, departments: [departments[0]!.toUpperCase(), departments[2]!] },
    { from: weeks[5]!, to: weeks[12]!, stages: ['design', 'operation'] },
    { from: weeks[1]!, to: weeks[7]!, departments: [departments[1]!], stages: ['transition'] },
  ];
}

describe('report figures agree with the plan file', () => {
  it('the plan exercises what the figures depend on', () => {
    const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
    expect(count('SELECT COUNT(DISTINCT stage) FROM requests')).toBe(3);
    expect(count("SELECT COUNT(*) FROM requests WHERE status IN ('submitted', 'approved')")).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) FROM requests WHERE status NOT IN ('submitted', 'approved')")).toBeGreaterThan(0);
    expect(count('SELECT COUNT(*) FROM requests WHERE budget_minor IS NULL')).toBeGreaterThan(0);
    expect(count('SELECT COUNT(*) FROM time_off')).toBeGreaterThan(0);
    expect(count('SELECT COUNT(*) FROM specialists WHERE active = 0')).toBe(5);
    expect(count(`SELECT COUNT(*) FROM allocations WHERE week > '${TEST_WEEK}'`)).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM allocations WHERE week <= '${TEST_WEEK}'`)).toBeGreaterThan(0);
    expect(count('SELECT COUNT(*) FROM allocations WHERE demand_line_id IS NOT NULL')).toBeGreaterThan(0);
    expect(count('SELECT COUNT(DISTINCT min_level) FROM demand_lines')).toBe(5);
  });

  it('utilization: the heat map and the report sum what the tables hold', async () => {
    const specialists = refSpecialists();
    const load = refLoad();
    for (const f of filters()) {
      const range = refWeekRange(f.from, f.to);
      const people = specialists.filter((s) => s.active && inDepartments(f, s.department));
      const view = await b.call('reports-view', f);
      const report = await b.call('reports-utilization', { from: f.from, to: f.to, departments: f.departments });
      expect(view.heatmap.weeks).toEqual(range);

      let capacity = 0;
      let allocated = 0;
      let over = 0;
      for (const s of people) {
        for (const week of range) {
          const c = s.capacity(week);
          const a = load.get(`${s.ref}|${week}`) ?? 0;
          capacity += c;
          allocated += a;
          if (a > c) over++;
        }
      }
      expect(report.rows).toHaveLength(people.length * range.length);
      expect(report.rows.reduce((n, r) => n + r.capacityMinutes, 0)).toBe(capacity);
      expect(report.rows.reduce((n, r) => n + r.allocatedMinutes, 0)).toBe(allocated);
      expect(report.rows.filter((r) => r.overAllocated).length).toBe(over);
      expect(view.heatmap.total).toEqual({
        capacityMinutes: capacity,
        allocatedMinutes: allocated,
        utilizationPct: capacity === 0 ? null : refRoundDiv(allocated * 100, capacity),
        overAllocated: over,
      });

      // Every department-week and every specialist's row total.
      const departments = [...new Set(people.map((s) => s.department))].sort();
      expect(view.heatmap.departments.map((d) => d.row.label).sort()).toEqual(departments);
      for (const d of view.heatmap.departments) {
        const members = people.filter((s) => s.department === d.row.department);
        expect(d.specialists.map((r) => r.specialistId).sort()).toEqual(members.map((s) => s.code).sort());
        range.forEach((week, i) => {
          const cap = members.reduce((n, s) => n + s.capacity(week), 0);
          const alloc = members.reduce((n, s) => n + (load.get(`${s.ref}|${week}`) ?? 0), 0);
          const overs = members.filter((s) => (load.get(`${s.ref}|${week}`) ?? 0) > s.capacity(week)).length;
          expect(d.row.cells[i]).toEqual({
            capacityMinutes: cap,
            allocatedMinutes: alloc,
            utilizationPct: cap === 0 ? null : refRoundDiv(alloc * 100, cap),
            overAllocated: overs,
          });
        });
        for (const r of d.specialists) {
          const s = members.find((m) => m.code === r.specialistId)!;
          expect(r.total.capacityMinutes).toBe(range.reduce((n, w) => n + s.capacity(w), 0));
          expect(r.total.allocatedMinutes).toBe(range.reduce((n, w) => n + (load.get(`${s.ref}|${w}`) ?? 0), 0));
        }
      }
      range.forEach((week, i) => {
        expect(view.heatmap.columns[i]!.capacityMinutes).toBe(people.reduce((n, s) => n + s.capacity(week), 0));
        expect(view.heatmap.columns[i]!.allocatedMinutes).toBe(people.reduce((n, s) => n + (load.get(`${s.ref}|${week}`) ?? 0), 0));
      });
    }
  });

  it('costs: each listed request, its cost and the cost planned after this week', async () => {
    let anyAfter = false;
    for (const f of filters()) {
      const expected = refCosts(f);
      const view = await b.call('reports-view', f);
      expect(view.currentWeek).toBe(TEST_WEEK);
      expect(view.costs.map((c) => c.requestId)).toEqual(expected.map((r) => r.code));
      view.costs.forEach((c, i) => {
        expect(c.costMinor).toBe(expected[i]!.cost);
        expect(c.plannedAfterMinor).toBe(expected[i]!.after);
        expect(c.varianceMinor).toBe(expected[i]!.budget === null ? null : expected[i]!.budget! - expected[i]!.cost);
      });
      expect(view.plannedAfterMinor).toBe(expected.reduce((n, r) => n + r.after, 0));
      anyAfter ||= view.plannedAfterMinor > 0;
      if (!f.stages) {
        const report = await b.call('reports-costs', { from: f.from, to: f.to, departments: f.departments });
        expect(report.rows).toEqual(view.costs);
      }
    }
    expect(anyAfter).toBe(true);
  });

  it('stages: counts, budget and variance over budgeted requests, cost and planned after', async () => {
    for (const f of filters()) {
      const expected = refStages(f);
      const shown = f.stages ?? ['design', 'transition', 'operation'];
      const view = await b.call('reports-view', f);
      expect(view.stages.map((s) => s.stage)).toEqual(shown);
      for (const row of view.stages) {
        const e = expected.find((x) => x.stage === row.stage);
        expect(row).toEqual(
          e
            ? { ...e, stage: row.stage }
            : {
                stage: row.stage,
                requests: 0,
                withBudget: 0,
                budgetMinor: 0,
                costMinor: 0,
                varianceMinor: 0,
                overrunRequests: 0,
                atRiskRequests: 0,
                plannedAfterMinor: 0,
              },
        );
      }
      if (!f.stages) {
        const report = await b.call('reports-stages', { from: f.from, to: f.to, departments: f.departments });
        expect(report.rows).toEqual(view.stages);
      }
    }
    const whole = refStages(filters()[0]!);
    expect(whole.some((s) => Number(s.withBudget) < Number(s.requests))).toBe(true);
  });

  it('skills: every skill, level and week with demand, with supply and free from the reference capacity', async () => {
    let anyGap = false;
    let anyFree = false;
    for (const f of filters()) {
      const expected = refSkills(f).sort(bySkillWeek);
      expect(expected.length).toBeGreaterThan(0);
      if (!f.stages) {
        const report = await b.call('reports-skills', { from: f.from, to: f.to, departments: f.departments });
        expect([...report.rows].sort(bySkillWeek)).toEqual(expected);
      }
      const view = await b.call('reports-view', f);
      const totals = new Map<string, Record<string, number>>();
      for (const r of expected) {
        const key = `${r.skill}|${r.level}`;
        const t = totals.get(key) ?? { weeks: 0, demand: 0, served: 0, unfilled: 0, supply: 0, free: 0, gap: 0 };
        t.weeks! += 1;
        t.demand! += r.demandMinutes;
        t.served! += r.servedMinutes;
        t.unfilled! += r.unfilledMinutes;
        t.supply! += r.supplyMinutes;
        t.free! += r.freeMinutes;
        t.gap! += r.gapMinutes;
        totals.set(key, t);
      }
      expect(view.skills).toHaveLength(totals.size);
      for (const s of view.skills) {
        const t = totals.get(`${s.skill}|${s.level}`)!;
        expect(s).toEqual({
          skill: s.skill,
          level: s.level,
          weeks: t.weeks,
          demandMinutes: t.demand,
          servedMinutes: t.served,
          unfilledMinutes: t.unfilled,
          supplyMinutes: t.supply,
          freeMinutes: t.free,
          gapMinutes: t.gap,
        });
      }
      anyGap ||= expected.some((r) => r.gapMinutes > 0);
      anyFree ||= expected.some((r) => r.freeMinutes > 0 && r.unfilledMinutes > 0);
    }
    expect(anyGap).toBe(true);
    expect(anyFree).toBe(true);
  });
});

// ---- The allocations table ------------------------------------------------------------

interface RefAllocation {
  id: number;
  week: string;
  code: string;
  name: string;
  department: string;
  request: string;
  stage: string;
  minutes: number;
  status: string;
  cost: number;
}

function refAllocations(f: Filter): RefAllocation[] {
  const params: unknown[] = [f.from, f.to];
  let where = 'a.week BETWEEN ? AND ?';
  if (f.departments) {
    where += ` AND lower(d.name) IN (${f.departments.map(() => '?').join(', ')})`;
    params.push(...f.departments.map((d) => d.toLowerCase()));
  }
  if (f.stages) {
    where += ` AND r.stage IN (${f.stages.map(() => '?').join(', ')})`;
    params.push(...f.stages);
  }
  return db
    .prepare(
      `SELECT a.id, a.week, s.code, s.name, d.name AS department, r.code AS request, r.stage, a.minutes, a.status, ${COST_SQL} AS cost
         FROM allocations a JOIN specialists s ON s.id = a.specialist_id JOIN departments d ON d.id = s.department_id
         JOIN requests r ON r.id = a.request_id WHERE ${where}`,
    )
    .all(...params) as RefAllocation[];
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
const defaultOrder = (a: RefAllocation | AllocationRow, b: RefAllocation | AllocationRow): number => {
  const ca = 'code' in a ? a.code : a.specialistId;
  const cb = 'code' in b ? b.code : b.specialistId;
  const ra = 'code' in a ? a.request : a.requestId;
  const rb = 'code' in b ? b.request : b.requestId;
  return text(a.week, b.week) || text(ca, cb) || text(ra, rb);
};

async function allPages(
  filter: Filter & { from: string; to: string },
  key: 'week' | 'cost' | 'hours' | 'specialist' | 'stage',
  dir: 'asc' | 'desc',
  limit: number,
) {
  const rows: AllocationRow[] = [];
  let first: Awaited<ReturnType<typeof page>> | null = null;
  async function page(offset: number) {
    return b.call('reports-allocations-page', { filter, sort: { key, dir }, offset, limit });
  }
  for (let offset = 0; ; offset += limit) {
    const p = await page(offset);
    first ??= p;
    expect(p.offset).toBe(offset);
    expect(p.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...p.rows);
    if (offset + limit >= p.total) break;
  }
  return { rows, total: first!.total, totalMinutes: first!.totalMinutes, totalCostMinor: first!.totalCostMinor };
}

describe('reports-allocations-page', () => {
  it('pages through every allocation of the filter, sorted, with the totals of the tables', async () => {
    const departments = db.prepare('SELECT name FROM departments ORDER BY id').pluck().all() as string[];
    const f: Filter = {
      from: weeks[2]!,
      to: weeks[11]!,
      departments: [departments[1]!.toLowerCase(), departments[3]!],
      stages: ['transition', 'operation'],
    };
    const expected = refAllocations(f);
    expect(expected.length).toBeGreaterThan(150);
    expect((await b.call('reports-view', f)).allocationCount).toBe(expected.length);

    const byWeek = await allPages(f, 'week', 'asc', 97);
    expect(byWeek.total).toBe(expected.length);
    expect(byWeek.totalMinutes).toBe(expected.reduce((n, a) => n + a.minutes, 0));
    expect(byWeek.totalCostMinor).toBe(expected.reduce((n, a) => n + a.cost, 0));
    expect(byWeek.rows.map((r) => [r.week, r.specialistId, r.requestId, r.minutes, r.costMinor, r.status, r.stage, r.department])).toEqual(
      [...expected].sort(defaultOrder).map((a) => [a.week, a.code, a.request, a.minutes, a.cost, a.status, a.stage, a.department]),
    );

    // Cost, highest first; equal costs in the default order.
    const byCost = await allPages(f, 'cost', 'desc', 250);
    expect(byCost.rows.map((r) => [r.costMinor, r.week, r.specialistId, r.requestId])).toEqual(
      [...expected].sort((a, b) => b.cost - a.cost || defaultOrder(a, b)).map((a) => [a.cost, a.week, a.code, a.request]),
    );

    // Names as people sort them: case and accents aside.
    const bySpecialist = await allPages(f, 'specialist', 'asc', 1000);
    expect(bySpecialist.rows).toHaveLength(expected.length);
    for (let i = 1; i < bySpecialist.rows.length; i++) {
      const [p, q] = [bySpecialist.rows[i - 1]!, bySpecialist.rows[i]!];
      const c = text(fold(p.specialist), fold(q.specialist)) || text(p.specialist, q.specialist) || text(p.specialistId, q.specialistId);
      expect(c < 0 || (c === 0 && defaultOrder(p, q) < 0)).toBe(true);
    }

    // Stages in lifecycle order, reversed.
    const byStage = await allPages(f, 'stage', 'desc', 1000);
    const order = ['design', 'transition', 'operation'];
    expect(byStage.rows.map((r) => r.stage)).toEqual([...expected].map((a) => a.stage).sort((a, b) => order.indexOf(b) - order.indexOf(a)));

    const beyond = await b.call('reports-allocations-page', {
      filter: f as never,
      sort: { key: 'week', dir: 'asc' },
      offset: expected.length + 5,
      limit: 10,
    });
    expect(beyond).toMatchObject({ total: expected.length, rows: [] });
  });

  it('answers for the plan as it is after a change, not from its kept order', async () => {
    const f = { from: weeks[0]!, to: weeks[weeks.length - 1]! };
    const sort = { key: 'hours' as const, dir: 'desc' as const };
    const before = await b.call('reports-allocations-page', { filter: f, sort, offset: 0, limit: 5 });
    const top = refAllocations(f).sort((a, b) => b.minutes - a.minutes || defaultOrder(a, b))[0]!;
    expect(before.rows[0]).toMatchObject({ specialistId: top.code, requestId: top.request, week: top.week, minutes: top.minutes });

    const viewBefore = await b.call('reports-view', f);
    const view = { from: weeks[0]!, to: weeks[7]! };
    await b.call('allocations-delete', { refs: [top.id], view });
    const viewAfter = await b.call('reports-view', f);
    expect(viewAfter.allocationCount).toBe(viewBefore.allocationCount - 1);
    // The heat map shows active people only.
    const active = db.prepare('SELECT active FROM specialists WHERE code = ?').pluck().get(top.code) === 1;
    expect(viewAfter.heatmap.total.allocatedMinutes).toBe(viewBefore.heatmap.total.allocatedMinutes - (active ? top.minutes : 0));
    expect(viewAfter.costs.reduce((n, c) => n + c.costMinor, 0)).toBe(viewBefore.costs.reduce((n, c) => n + c.costMinor, 0) - top.cost);
    const after = await b.call('reports-allocations-page', { filter: f, sort, offset: 0, limit: 5 });
    expect(after.total).toBe(before.total - 1);
    expect(after.totalMinutes).toBe(before.totalMinutes - top.minutes);
    expect(after.rows[0]).not.toMatchObject({ specialistId: top.code, requestId: top.request, week: top.week });
    expect(after.totalCostMinor).toBe(refAllocations(f).reduce((n, a) => n + a.cost, 0));

    await b.call('history-undo', { view });
    const undone = await b.call('reports-allocations-page', { filter: f, sort, offset: 0, limit: 5 });
    expect(undone).toEqual({ ...before, rows: undone.rows });
    expect(undone.rows[0]).toMatchObject({ specialistId: top.code, requestId: top.request, week: top.week, minutes: top.minutes });
  });
});
