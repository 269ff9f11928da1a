// The print page renders these under tsx too (web host, CLI), which reads no tsconfig for
// them: the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { cmpText, type SkillTotal } from '../../../../../shared/domain';
import type { ReportFormat } from '../../../model/locale-format';
import { ChartPatterns, ChartStyles, Swatch, TableAlternative, useChartIds } from './common';
import type { SkillGapChartProps } from './types';

const WIDTH = 800;
const LABEL_W = 150;
const BAR_W = 360;
const BAR_H = 8;
const BAR_GAP = 3;
const ROW_H = 3 * BAR_H + 2 * BAR_GAP + 14;
const TEXT_X = LABEL_W + BAR_W + 12;
export const DEFAULT_SKILL_LIMIT = 20;

/** The skill-levels drawn: where the gap is largest first, then the most unfilled demand. */
export function skillsToChart(rows: readonly SkillTotal[], limit: number): SkillTotal[] {
  return [...rows]
    .sort(
      (a, b) =>
        b.gapMinutes - a.gapMinutes ||
        b.unfilledMinutes - a.unfilledMinutes ||
        b.demandMinutes - a.demandMinutes ||
        cmpText(a.skill, b.skill) ||
        a.level - b.level,
    )
    .slice(0, Math.max(0, limit));
}

export const skillLabel = (r: SkillTotal): string => `${r.skill} L${r.level}`;

export function skillTitles(r: SkillTotal, fmt: ReportFormat): { demand: string; free: string; gap: string } {
  const name = skillLabel(r);
  const h = (m: number) => `${fmt.hours(m)} h`;
  return {
    demand: `${name}: demand ${h(r.demandMinutes)}, served ${h(r.servedMinutes)}, unfilled ${h(r.unfilledMinutes)}`,
    free: `${name}: ${h(r.freeMinutes)} free with qualified specialists (capacity ${h(r.supplyMinutes)})`,
    gap:
      r.gapMinutes > 0 ? `${name}: gap ${h(r.gapMinutes)} no qualified specialist has free: hire, train or move work` : `${name}: no gap`,
  };
}

/**
 * Skill demand against capacity (domain.md): per skill and minimum level, the demand and
 * its unfilled part, the free hours of the specialists qualified for it, and the gap no one
 * qualified has free, the signal to hire or train.
 */
export function SkillGapChart({ rows, fmt, limit = DEFAULT_SKILL_LIMIT }: SkillGapChartProps) {
  const ids = useChartIds();
  const shown = skillsToChart(rows, limit);
  const gaps = rows.filter((r) => r.gapMinutes > 0).length;
  const which =
    shown.length === rows.length
      ? `all ${fmt.int(rows.length)} skill-levels with demand, the largest gap first`
      : `the ${fmt.int(shown.length)} of ${fmt.int(rows.length)} skill-levels with the largest gap, then the most unfilled demand`;
  const caption = `Skill demand against free capacity: ${which}; ${fmt.int(gaps)} with a gap (hire or train)`;
  const max = Math.max(1, ...shown.flatMap((r) => [r.demandMinutes, r.freeMinutes]));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, BAR_W] });
  const height = shown.length * ROW_H + 2;
  const h = (m: number) => `${fmt.hours(m)} h`;

  return (
    <figure className="report-chart rc-skill-chart">
      <ChartStyles />
      <figcaption id={ids.caption}>{caption}</figcaption>
      <ul className="rc-legend">
        <li>
          <Swatch className="rc-demand" />
          demand served
        </li>
        <li>
          <Swatch className="rc-unfilled" />
          demand unfilled
        </li>
        <li>
          <Swatch className="rc-free" />
          free with qualified specialists
        </li>
        <li>
          <Swatch className="rc-gap" pattern={ids.hatch} />▲ gap: no one qualified is free
        </li>
      </ul>
      {shown.length === 0 ? (
        <p className="rc-note">No skill demand in these weeks.</p>
      ) : (
        <svg role="img" aria-labelledby={ids.caption} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }}>
          <ChartPatterns ids={ids} />
          {shown.map((r, i) => {
            const t = skillTitles(r, fmt);
            const y2 = BAR_H + BAR_GAP;
            const y3 = 2 * (BAR_H + BAR_GAP);
            return (
              <Group key={`${r.skill}|${r.level}`} top={i * ROW_H + 2}>
                <text x={0} y={9} className="rc-strong">
                  {skillLabel(r)}
                </text>
                <text x={0} y={23} className="rc-muted">
                  {fmt.int(r.weeks)} {r.weeks === 1 ? 'week' : 'weeks'} with demand
                </text>
                <g>
                  <title>{t.demand}</title>
                  <Bar className="rc-demand" x={LABEL_W} y={0} width={x(r.servedMinutes)} height={BAR_H} />
                  <Bar className="rc-unfilled" x={LABEL_W + x(r.servedMinutes)} y={0} width={x(r.unfilledMinutes)} height={BAR_H} />
                  <text x={TEXT_X} y={BAR_H}>
                    {`demand ${h(r.demandMinutes)}, ${h(r.unfilledMinutes)} unfilled`}
                  </text>
                </g>
                <g>
                  <title>{t.free}</title>
                  <Bar className="rc-free" x={LABEL_W} y={y2} width={x(r.freeMinutes)} height={BAR_H} />
                  <text x={TEXT_X} y={y2 + BAR_H + 2}>{`free ${h(r.freeMinutes)}`}</text>
                </g>
                <g>
                  <title>{t.gap}</title>
                  {r.gapMinutes > 0 && (
                    <>
                      <Bar className="rc-gap" x={LABEL_W} y={y3} width={x(r.gapMinutes)} height={BAR_H} />
                      <Bar x={LABEL_W} y={y3} width={x(r.gapMinutes)} height={BAR_H} fill={`url(#${ids.hatch})`} />
                    </>
                  )}
                  <text x={TEXT_X} y={y3 + BAR_H + 4} className={r.gapMinutes > 0 ? 'rc-danger' : 'rc-muted'}>
                    {r.gapMinutes > 0 ? `▲ gap ${h(r.gapMinutes)}: hire or train` : 'no gap'}
                  </text>
                </g>
              </Group>
            );
          })}
        </svg>
      )}
      <TableAlternative>
        <table className="rc-table">
          <caption className="rc-visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Skill and level</th>
              <th scope="col" className="rc-num">
                Weeks
              </th>
              <th scope="col" className="rc-num">
                Demand h
              </th>
              <th scope="col" className="rc-num">
                Served h
              </th>
              <th scope="col" className="rc-num">
                Unfilled h
              </th>
              <th scope="col" className="rc-num">
                Capacity h
              </th>
              <th scope="col" className="rc-num">
                Free h
              </th>
              <th scope="col" className="rc-num">
                Gap h
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.skill}|${r.level}`}>
                <th scope="row">{skillLabel(r)}</th>
                <td className="rc-num">{fmt.int(r.weeks)}</td>
                <td className="rc-num">{fmt.hours(r.demandMinutes)}</td>
                <td className="rc-num">{fmt.hours(r.servedMinutes)}</td>
                <td className="rc-num">{fmt.hours(r.unfilledMinutes)}</td>
                <td className="rc-num">{fmt.hours(r.supplyMinutes)}</td>
                <td className="rc-num">{fmt.hours(r.freeMinutes)}</td>
                <td className="rc-num">{fmt.hours(r.gapMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableAlternative>
    </figure>
  );
}
