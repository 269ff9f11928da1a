// @vitest-environment jsdom
// The Reports charts as a screen reader and a reader of the numbers meet them: every mark
// has a title with its figures, the table beside each chart holds the same numbers, the
// heat map's department rows are toggle buttons, and the figures are exact in a locale.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CostRow, HeatCell, HeatRow, UtilizationHeatmap as HeatmapData } from '../../shared/domain';
import { reportFormat, scaledDecimal } from '../../renderer/src/model/locale-format';
import { RequestBudgetChart, SkillGapChart, StageCostChart, UtilizationHeatmap } from '../../renderer/src/views/reports/charts';
import { costsFixture, SKILLS_FIXTURE, STAGES_FIXTURE } from './report-fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NBSP = '\u00a0';
const en = reportFormat('en-GB', 2);
const de = reportFormat('de-DE', 2);

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});
const render = (node: React.ReactNode) => act(() => root.render(node));
const titles = () => [...container.querySelectorAll('svg[role="img"] title')].map((t) => t.textContent);
const tableCells = () => [...container.querySelectorAll('table td, table th')].map((c) => c.textContent);
const tableRow = (head: string) => {
  const th = [...container.querySelectorAll('table tbody th, table tfoot th')].find((h) => h.textContent === head);
  if (!th) throw new Error(`no table row ${head}`);
  return [...th.parentElement!.children].map((c) => c.textContent);
};

describe('locale numbers', () => {
  it('writes money from minor units exactly, grouped as the locale groups', () => {
    expect(de.money(1_228_400)).toBe('12.284,00');
    expect(en.money(1_228_400)).toBe('12,284.00');
    expect(de.money(-5)).toBe('-0,05');
    expect(de.money(0)).toBe('0,00');
    // The largest safe integer: a float division by 100 would be 90071992547409.906…
    expect(de.money(Number.MAX_SAFE_INTEGER)).toBe('90.071.992.547.409,91');
    expect(en.money(1_234_567_890_123_457)).toBe('12,345,678,901,234.57');
    expect(reportFormat('de-DE', 0).money(1_228_400)).toBe('1.228.400');
    expect(reportFormat('en-GB', 3).money(1_228_401)).toBe('1,228.401');
    expect(() => de.money(0.5)).toThrow(/safe integer/);
  });

  it('writes hours from minutes exactly, two places only when not whole', () => {
    expect(de.hours(737_040)).toBe('12.284');
    expect(de.hours(440)).toBe('7,33');
    expect(de.hours(30)).toBe('0,50');
    expect(en.hours(1)).toBe('0.02');
    expect(en.hours(-90)).toBe('-1.50');
    // 10^12 hours and 20 minutes: beyond what a float keeps to the hundredth after a division.
    expect(en.hours(60_000_000_000_020)).toBe('1,000,000,000,000.33');
  });

  it('writes percents, counts and weeks in the locale', () => {
    expect(de.pct(78)).toBe(`78${NBSP}%`);
    expect(en.pct(110)).toBe('110%');
    expect(en.pct(null)).toBe('–');
    expect(en.int(2000)).toBe('2,000');
    expect(de.int(2000)).toBe('2.000');
    expect(en.week('2026-W50')).toBe('2026-W50 (7 Dec 2026)');
    expect(en.weekShort('2026-W50')).toBe('W50');
    expect(scaledDecimal(-5, 3)).toBe('-0.005');
    expect(scaledDecimal(1_228_400, 2)).toBe('12284.00');
  });
});

// A heat map worked out by hand: Ada and Bob in Platform, Cy in Data, two weeks.
const c = (capacityMinutes: number, allocatedMinutes: number, utilizationPct: number | null, overAllocated: number): HeatCell => ({
  capacityMinutes,
  allocatedMinutes,
  utilizationPct,
  overAllocated,
});
const row = (key: string, label: string, department: string, cells: HeatCell[], total: HeatCell): HeatRow => ({
  key,
  label,
  department,
  specialistId: key.startsWith('s:') ? key.slice(2) : null,
  cells,
  total,
});
const HEATMAP: HeatmapData = {
  weeks: ['2026-W49', '2026-W50'],
  departments: [
    {
      row: row('d:Platform', 'Platform', 'Platform', [c(2400, 2640, 110, 1), c(4800, 2460, 51, 0)], c(7200, 5100, 71, 1)),
      specialists: [
        row('s:S1', 'Ada Lovelace', 'Platform', [c(2400, 2640, 110, 1), c(2400, 1860, 78, 0)], c(4800, 4500, 94, 1)),
        row('s:S2', 'Bob Kahn', 'Platform', [c(0, 0, null, 0), c(2400, 600, 25, 0)], c(2400, 600, 25, 0)),
      ],
      specialistCount: 2,
    },
    {
      row: row('d:Data', 'Data', 'Data', [c(2400, 2400, 100, 0), c(2400, 2000, 83, 0)], c(4800, 4400, 92, 0)),
      specialists: [row('s:S3', 'Cy Young', 'Data', [c(2400, 2400, 100, 0), c(2400, 2000, 83, 0)], c(4800, 4400, 92, 0))],
      specialistCount: 1,
    },
  ],
  columns: [c(4800, 5040, 105, 1), c(7200, 4460, 62, 0)],
  total: c(12000, 9500, 79, 1),
};

describe('utilization heat map', () => {
  it('gives every cell a title with its hours and utilization, and the table the same figures', () => {
    render(<UtilizationHeatmap data={HEATMAP} expanded={new Set(['d:Platform'])} onToggle={() => {}} fmt={en} />);
    // Platform, Ada, Bob, Data and the column averages, two weeks each.
    expect(titles()).toEqual([
      'Platform, 2026-W49: 44 of 40 h, 110%, 1 over-allocated specialist-week',
      'Ada Lovelace, 2026-W49: 44 of 40 h, 110%, over-allocated',
      'Bob Kahn, 2026-W49: 0 h, no capacity',
      'Data, 2026-W49: 40 of 40 h, 100%',
      'Platform, 2026-W50: 41 of 80 h, 51%',
      'Ada Lovelace, 2026-W50: 31 of 40 h, 78%',
      'Bob Kahn, 2026-W50: 10 of 40 h, 25%',
      'Data, 2026-W50: 33.33 of 40 h, 83%',
      'All listed specialists, 2026-W49: 84 of 80 h, 105%, 1 over-allocated specialist-week',
      'All listed specialists, 2026-W50: 74.33 of 120 h, 62%',
    ]);
    const svg = container.querySelector('svg[role="img"]')!;
    expect(document.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'Utilization by week, 2026-W49 to 2026-W50: 79% on average, 1 over-allocated specialist-week',
    );
    // Over-allocation is drawn as stripes too, not by colour alone.
    const over = [...svg.querySelectorAll('g[data-band="over"]')];
    expect(over).toHaveLength(3);
    for (const g of over) {
      const fill = g.querySelectorAll('rect')[1]!.getAttribute('fill')!;
      expect(svg.querySelector(`pattern${fill.slice(4, -1)}`)).not.toBeNull();
    }
    expect(tableRow('Ada Lovelace (Platform)')).toEqual([
      'Ada Lovelace (Platform)',
      '75 of 80 h, 94%, 1 over-allocated specialist-week',
      '1',
      '44 of 40 h, 110%, over-allocated',
      '31 of 40 h, 78%',
    ]);
    expect(tableRow('All listed specialists')).toEqual([
      'All listed specialists',
      '158.33 of 200 h, 79%, 1 over-allocated specialist-week',
      '1',
      '84 of 80 h, 105%, 1 over-allocated specialist-week',
      '74.33 of 120 h, 62%',
    ]);
    // Row averages and over-allocated counts stay beside the labels.
    const labels = [...container.querySelectorAll('.rc-heat-labels > div')].map((d) => d.textContent);
    expect(labels.slice(3, 6)).toEqual(['▾Platform (2)', '71%', '▲ 1']);
    expect(labels.slice(-3)).toEqual(['All listed specialists', '79%', '▲ 1']);
  });

  it('opens a department with its toggle button: onToggle gets its key, aria-expanded follows', () => {
    const onToggle = vi.fn();
    const view = (expanded: string[]) => <UtilizationHeatmap data={HEATMAP} expanded={new Set(expanded)} onToggle={onToggle} fmt={en} />;
    render(view(['d:Platform']));
    const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent!.includes(name))!;
    expect(container.querySelectorAll('button')).toHaveLength(2);
    expect(button('Platform').getAttribute('aria-expanded')).toBe('true');
    expect(button('Data').getAttribute('aria-expanded')).toBe('false');
    expect(titles().some((t) => t!.startsWith('Cy Young'))).toBe(false);

    act(() => button('Data').click());
    expect(onToggle).toHaveBeenCalledWith('d:Data');
    render(view(['d:Platform', 'd:Data']));
    expect(button('Data').getAttribute('aria-expanded')).toBe('true');
    expect(titles()).toContain('Cy Young, 2026-W50: 33.33 of 40 h, 83%');
    expect(tableCells()).toContain('Cy Young (Data)');
  });

  it('shows an opened department whose rows are on their way as one loading line, counted from specialistCount', () => {
    const [platform, data] = HEATMAP.departments;
    const waiting: HeatmapData = { ...HEATMAP, departments: [{ ...platform!, specialists: [] }, data!] };
    render(<UtilizationHeatmap data={waiting} expanded={new Set(['d:Platform', 'd:Data'])} onToggle={() => {}} fmt={en} />);
    const labels = [...container.querySelectorAll('.rc-heat-labels > div')].map((d) => d.textContent);
    expect(labels.slice(3, 10)).toEqual(['▾Platform (2)', '71%', '▲ 1', 'Loading 2 specialists…', '▾Data (1)', '92%', '0']);
    expect(container.querySelector('.rc-loading-line')!.getAttribute('role')).toBe('status');
    expect(titles().some((t) => t!.startsWith('Ada Lovelace'))).toBe(false);
    // The loading line takes a row of height: Data and Cy are drawn one row further down.
    const svg = container.querySelector('svg[role="img"]')!;
    const yOf = (title: string) =>
      Number(
        [...svg.querySelectorAll('g[data-band]')]
          .find((g) => g.querySelector('title')!.textContent === title)!
          .querySelector('rect')!
          .getAttribute('y'),
      );
    expect(yOf('Data, 2026-W49: 40 of 40 h, 100%')).toBe(2 * 20 + 1);
    expect(yOf('Cy Young, 2026-W49: 40 of 40 h, 100%')).toBe(3 * 20 + 1);
    expect(Number(svg.getAttribute('height'))).toBe(34 + 4 * 20 + 6 + 20);
    expect(tableCells()).toContain('Loading 2 specialists…');
  });

  it('draws plain labels without a toggle (print) and thins week labels on a long range', () => {
    render(<UtilizationHeatmap data={HEATMAP} expanded={new Set()} fmt={de} />);
    expect(container.querySelectorAll('button')).toHaveLength(0);
    expect(titles()[0]).toBe(`Platform, 2026-W49: 44 of 40 h, 110${NBSP}%, 1 over-allocated specialist-week`);

    const weeks = Array.from({ length: 53 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
    const cells = weeks.map(() => c(2400, 1200, 50, 0));
    const year: HeatmapData = {
      weeks,
      departments: [{ row: row('d:Ops', 'Ops', 'Ops', cells, c(127200, 63600, 50, 0)), specialists: [], specialistCount: 0 }],
      columns: cells,
      total: c(127200, 63600, 50, 0),
    };
    render(<UtilizationHeatmap data={year} expanded={new Set()} fmt={en} />);
    const svg = container.querySelector('svg[role="img"]')!;
    expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(53 * 13 + 1);
    const ticks = [...svg.querySelectorAll('.visx-axis-tick text')].map((t) => t.textContent);
    expect(ticks).toEqual([
      'W01',
      'W03',
      'W05',
      'W07',
      'W09',
      'W11',
      'W13',
      'W15',
      'W17',
      'W19',
      'W21',
      'W23',
      'W25',
      'W27',
      'W29',
      'W31',
      'W33',
      'W35',
      'W37',
      'W39',
      'W41',
      'W43',
      'W45',
      'W47',
      'W49',
      'W51',
    ]);
    expect(titles()).toHaveLength(2 * 53);
  });
});

describe('cost by stage', () => {
  it('titles the cost and budget bars with their figures, as the table has them', () => {
    render(<StageCostChart rows={STAGES_FIXTURE} fmt={en} currency="EUR" currentWeek="2026-W48" />);
    expect(titles()).toEqual([
      'Design: cost 39,123.50 EUR, of which 12,284.00 EUR planned after 2026-W48',
      'Design: budget 45,000.00 EUR over 5 requests, cost 36,873.50 EUR, 8,126.50 EUR left',
      'Transition: cost 23,650.75 EUR, of which 4,100.00 EUR planned after 2026-W48',
      'Transition: budget 20,000.00 EUR over 4 requests, cost 23,650.75 EUR, 3,650.75 EUR over budget',
      'Operation: cost 9,876.00 EUR, of which 0.00 EUR planned after 2026-W48',
    ]);
    expect(tableRow('Design')).toEqual([
      'Design',
      '6 requests, 5 with a budget, 1 over budget, 1 at risk',
      '39,123.50',
      '12,284.00',
      '45,000.00',
      '8,126.50',
    ]);
    expect(tableRow('Operation')).toEqual([
      'Operation',
      '3 requests, 0 with a budget, 0 over budget, 0 at risk',
      '9,876.00',
      '0.00',
      'none',
      'none',
    ]);
    expect(container.querySelector('svg[role="img"]')!.textContent).toContain('▲ 2 over budget');
  });
});

describe('cost against budget by request', () => {
  const rows = costsFixture();
  const overBy = (r: CostRow) => (r.overrun ? r.costMinor - r.budgetMinor! : 0);

  it('draws the largest overruns, then the largest costs, and says so', () => {
    render(<RequestBudgetChart rows={rows} fmt={en} limit={6} currency="EUR" currentWeek="2026-W48" />);
    const overruns = rows.filter((r) => r.overrun).sort((a, b) => overBy(b) - overBy(a));
    const rest = rows.filter((r) => !r.overrun).sort((a, b) => b.costMinor - a.costMinor);
    const expected = [...overruns, ...rest].slice(0, 6);
    expect(overruns.length).toBeGreaterThan(1);
    expect(container.querySelector('figcaption')!.textContent).toBe(
      'Cost against budget by request (EUR): the 6 of 22 requests with the largest overrun, then the largest cost',
    );
    const t = titles();
    expect(t.map((x) => x!.split(' ')[0])).toEqual(expected.map((r) => r.requestId));
    const first = expected[0]!;
    expect(t[0]).toBe(
      `${first.requestId} ${first.title}: cost ${en.money(first.costMinor)} EUR of ${en.money(first.budgetMinor!)} EUR, over budget by ${en.money(overBy(first))} EUR; ${en.money(first.plannedAfterMinor)} EUR planned after 2026-W48`,
    );
    // Overruns carry a marker and words besides the colour; the table says the same.
    const svgText = container.querySelector('svg[role="img"]')!.textContent!;
    expect(svgText).toContain(`▲ over budget by ${en.money(overBy(first))}`);
    expect(tableRow(`${first.requestId} ${first.title}`)).toEqual([
      `${first.requestId} ${first.title}`,
      { design: 'Design', transition: 'Transition', operation: 'Operation' }[first.stage],
      en.money(first.costMinor),
      en.money(first.budgetMinor!),
      en.money(first.plannedAfterMinor),
      `over budget by ${en.money(overBy(first))}`,
    ]);
  });

  it('marks a request at risk with a marker and its share of the budget', () => {
    const atRisk = rows.filter((r) => r.atRisk).sort((a, b) => b.costMinor - a.costMinor);
    expect(atRisk.length).toBeGreaterThan(0);
    render(<RequestBudgetChart rows={atRisk} fmt={de} />);
    const r = atRisk[0]!;
    const share = Math.round((r.costMinor * 100) / r.budgetMinor!);
    expect(container.querySelector('svg[role="img"]')!.textContent).toContain(`◆ at risk: ${share}${NBSP}% of the budget`);
    expect(titles()[0]).toContain(`cost ${de.money(r.costMinor)} of ${de.money(r.budgetMinor!)}, at risk`);
    expect(container.querySelector('figcaption')!.textContent).toContain(`all ${atRisk.length}`);
  });
});

describe('skill demand against capacity', () => {
  it('titles demand, free and gap per skill and level, the largest gap first, as the table has them', () => {
    render(<SkillGapChart rows={SKILLS_FIXTURE} fmt={de} limit={3} />);
    expect(titles()).toEqual([
      'Kubernetes L4: demand 400 h, served 80 h, unfilled 320 h',
      'Kubernetes L4: 73,33 h free with qualified specialists (capacity 400 h)',
      'Kubernetes L4: gap 246,67 h no qualified specialist has free: hire, train or move work',
      'PostgreSQL L3: demand 480 h, served 320 h, unfilled 160 h',
      'PostgreSQL L3: 40 h free with qualified specialists (capacity 960 h)',
      'PostgreSQL L3: gap 120 h no qualified specialist has free: hire, train or move work',
      'Terraform L5: demand 60,33 h, served 0 h, unfilled 60,33 h',
      'Terraform L5: 0 h free with qualified specialists (capacity 0 h)',
      'Terraform L5: gap 60,33 h no qualified specialist has free: hire, train or move work',
    ]);
    expect(container.querySelector('figcaption')!.textContent).toBe(
      'Skill demand against free capacity: the 3 of 7 skill-levels with the largest gap, then the most unfilled demand; 4 with a gap (hire or train)',
    );
    expect(tableRow('Kubernetes L4')).toEqual(['Kubernetes L4', '10', '400', '80', '320', '400', '73,33', '246,67']);
    expect(container.querySelector('svg[role="img"]')!.textContent).toContain('▲ gap 246,67 h: hire or train');
  });
});
