import type { ReportsViewData } from '../../../../shared/api';
import type { ReportFormat } from '../../model/locale-format';

interface Figure {
  key: string;
  label: string;
  /** The integer behind the text (minutes, minor units, a count), for tests and tooltips. */
  value: number | null;
  text: string;
  detail: string;
  tone?: 'danger' | 'warn';
}

/** Integer sums only: minutes and minor units add exactly. */
const sum = <T,>(rows: readonly T[], of: (row: T) => number): number => rows.reduce((n, r) => n + of(r), 0);

export function keyFigures(d: ReportsViewData, fmt: ReportFormat): Figure[] {
  const { total } = d.heatmap;
  const cost = sum(d.stages, (s) => s.costMinor);
  const gap = sum(d.skills, (s) => s.gapMinutes);
  const short = d.skills.filter((s) => s.gapMinutes > 0).length;
  return [
    {
      key: 'utilization',
      label: 'Utilization',
      value: total.utilizationPct,
      text: fmt.pct(total.utilizationPct),
      detail: `${fmt.hours(total.allocatedMinutes)} of ${fmt.hours(total.capacityMinutes)} h`,
    },
    {
      key: 'allocated',
      label: 'Allocated',
      value: total.allocatedMinutes,
      text: `${fmt.hours(total.allocatedMinutes)} h`,
      detail: `${fmt.int(d.allocationCount)} allocations`,
    },
    {
      key: 'over-allocated',
      label: 'Over-allocated',
      value: total.overAllocated,
      text: fmt.int(total.overAllocated),
      detail: total.overAllocated === 1 ? 'specialist-week' : 'specialist-weeks',
      ...(total.overAllocated > 0 ? { tone: 'danger' as const } : {}),
    },
    { key: 'cost', label: 'Cost', value: cost, text: fmt.money(cost), detail: `${d.currency} in these weeks` },
    {
      key: 'planned-after',
      label: 'Still planned',
      value: d.plannedAfterMinor,
      text: fmt.money(d.plannedAfterMinor),
      detail: `${d.currency} after ${fmt.weekShort(d.currentWeek)}`,
    },
    {
      key: 'skill-gap',
      label: 'Skill gap',
      value: gap,
      text: `${fmt.hours(gap)} h`,
      detail: short === 0 ? 'every skill covered' : `${fmt.int(short)} skill ${short === 1 ? 'level' : 'levels'} short`,
      ...(gap > 0 ? { tone: 'warn' as const } : {}),
    },
  ];
}

/** The range in six numbers, above the sections that explain them. */
export function KeyFigures({ data, fmt }: { data: ReportsViewData | null; fmt: ReportFormat }) {
  if (!data) return null;
  return (
    <dl className="rp-figures" aria-label="Key figures">
      {keyFigures(data, fmt).map((f) => (
        <div
          key={f.key}
          className={`rp-figure${f.tone ? ` rp-${f.tone}` : ''}`}
          data-testid={`reports-figure-${f.key}`}
          data-value={f.value ?? ''}
        >
          <dt>{f.label}</dt>
          <dd className="rp-figure-value">{f.text}</dd>
          <dd className="rp-figure-detail">{f.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
