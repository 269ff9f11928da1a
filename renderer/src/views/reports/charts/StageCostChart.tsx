// The print page renders these under tsx too (web host, CLI), which reads no tsconfig for
// them: the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { StageRow } from '../../../../../shared/domain';
import type { ReportFormat } from '../../../model/locale-format';
import { ChartPatterns, ChartStyles, STAGE_NAME, Swatch, TableAlternative, useChartIds } from './common';
import type { StageCostChartProps } from './types';

const WIDTH = 800;
const LABEL_W = 120;
const BAR_W = 320;
const BAR_H = 14;
const BLOCK_H = 70;
const TOP = 4;

/** Money with the currency code when the chart knows it. */
export const moneyWith = (fmt: ReportFormat, currency: string | undefined) => (minor: number) =>
  currency ? `${fmt.money(minor)} ${currency}` : fmt.money(minor);

/** What the requests with a budget have cost so far: Σ budget − Σ(budget − cost). */
const budgetedCost = (r: StageRow): number => r.budgetMinor - r.varianceMinor;

function countsText(r: StageRow, fmt: ReportFormat): string {
  const parts = [
    `${fmt.int(r.requests)} ${r.requests === 1 ? 'request' : 'requests'}`,
    `${fmt.int(r.withBudget)} with a budget`,
    `${fmt.int(r.overrunRequests)} over budget`,
    `${fmt.int(r.atRiskRequests)} at risk`,
  ];
  return parts.join(', ');
}

/**
 * Cost by lifecycle stage: what each stage costs (the part planned after the current week
 * dotted), and, over the requests that have one, the budget against their cost.
 */
export function StageCostChart({ rows, fmt, currency, currentWeek }: StageCostChartProps) {
  const ids = useChartIds();
  const money = moneyWith(fmt, currency);
  const after = currentWeek ? `after ${currentWeek}` : 'after the current week';
  const caption = `Cost by lifecycle stage against budget (budgets of the requests that have one); dotted: planned ${after}`;
  const max = Math.max(1, ...rows.flatMap((r) => [r.costMinor, r.budgetMinor, budgetedCost(r)]));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, BAR_W] });
  const height = TOP + rows.length * BLOCK_H;

  return (
    <figure className="report-chart rc-stage-chart">
      <ChartStyles />
      <figcaption id={ids.caption}>{caption}</figcaption>
      <ul className="rc-legend">
        <li>
          <Swatch className="rc-cost" />
          cost to date
        </li>
        <li>
          <Swatch className="rc-cost" pattern={ids.after} />
          planned {after}
        </li>
        <li>
          <Swatch className="rc-within" />
          cost of budgeted requests
        </li>
        <li>
          <Swatch className="rc-overrun" pattern={ids.hatch} />
          beyond the budget
        </li>
        <li>┆ budget</li>
      </ul>
      {rows.length === 0 ? (
        <p className="rc-note">No requests in these weeks.</p>
      ) : (
        <svg role="img" aria-labelledby={ids.caption} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }}>
          <ChartPatterns ids={ids} />
          {rows.map((r, i) => {
            const name = STAGE_NAME[r.stage];
            const done = r.costMinor - r.plannedAfterMinor;
            const costB = budgetedCost(r);
            const within = Math.min(costB, r.budgetMinor);
            const beyond = costB - within;
            const over = r.varianceMinor < 0;
            return (
              <Group key={r.stage} top={TOP + i * BLOCK_H}>
                <text x={0} y={11} className="rc-strong">
                  {name}
                </text>
                <text x={0} y={26} className="rc-muted">
                  {fmt.int(r.requests)} {r.requests === 1 ? 'request' : 'requests'}
                </text>
                <Group left={LABEL_W}>
                  <g>
                    <title>{`${name}: cost ${money(r.costMinor)}, of which ${money(r.plannedAfterMinor)} planned ${after}`}</title>
                    <Bar className="rc-cost" x={0} y={0} width={x(done)} height={BAR_H} />
                    <Bar className="rc-cost" x={x(done)} y={0} width={x(r.plannedAfterMinor)} height={BAR_H} />
                    <Bar x={x(done)} y={0} width={x(r.plannedAfterMinor)} height={BAR_H} fill={`url(#${ids.after})`} />
                    <text x={x(r.costMinor) + 6} y={11}>
                      {`${money(r.costMinor)} cost (${money(r.plannedAfterMinor)} ${after})`}
                    </text>
                  </g>
                  {r.withBudget === 0 ? (
                    <text x={0} y={BAR_H + 15} className="rc-muted">
                      no request of this stage has a budget
                    </text>
                  ) : (
                    <g>
                      <title>
                        {`${name}: budget ${money(r.budgetMinor)} over ${fmt.int(r.withBudget)} ${r.withBudget === 1 ? 'request' : 'requests'}, cost ${money(costB)}, ${over ? `${money(-r.varianceMinor)} over budget` : `${money(r.varianceMinor)} left`}`}
                      </title>
                      <Bar className="rc-within" x={0} y={BAR_H + 4} width={x(within)} height={BAR_H} />
                      {beyond > 0 && (
                        <>
                          <Bar className="rc-overrun" x={x(within)} y={BAR_H + 4} width={x(beyond)} height={BAR_H} />
                          <Bar x={x(within)} y={BAR_H + 4} width={x(beyond)} height={BAR_H} fill={`url(#${ids.hatch})`} />
                        </>
                      )}
                      <rect
                        className="rc-budget-box"
                        x={0.5}
                        y={BAR_H + 3.5}
                        width={Math.max(0, x(r.budgetMinor) - 1)}
                        height={BAR_H + 1}
                      />
                      <line className="rc-budget-line" x1={x(r.budgetMinor)} x2={x(r.budgetMinor)} y1={BAR_H + 1} y2={2 * BAR_H + 7} />
                      <text x={Math.max(x(r.budgetMinor), x(costB)) + 6} y={BAR_H + 15} className={over ? 'rc-danger' : undefined}>
                        {`${money(costB)} of ${money(r.budgetMinor)} budget: ${over ? `▲ ${money(-r.varianceMinor)} over` : `${money(r.varianceMinor)} left`}`}
                      </text>
                    </g>
                  )}
                  <text x={0} y={2 * BAR_H + 22} className="rc-muted">
                    <tspan>{`${fmt.int(r.withBudget)} with a budget · `}</tspan>
                    <tspan
                      className={r.overrunRequests > 0 ? 'rc-danger' : undefined}
                    >{`▲ ${fmt.int(r.overrunRequests)} over budget`}</tspan>
                    <tspan>{' · '}</tspan>
                    <tspan className={r.atRiskRequests > 0 ? 'rc-warn' : undefined}>{`◆ ${fmt.int(r.atRiskRequests)} at risk`}</tspan>
                  </text>
                </Group>
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
              <th scope="col">Stage</th>
              <th scope="col">Requests</th>
              <th scope="col" className="rc-num">
                Cost{currency ? ` (${currency})` : ''}
              </th>
              <th scope="col" className="rc-num">
                Planned {after}
              </th>
              <th scope="col" className="rc-num">
                Budget
              </th>
              <th scope="col" className="rc-num">
                Variance
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.stage}>
                <th scope="row">{STAGE_NAME[r.stage]}</th>
                <td>{countsText(r, fmt)}</td>
                <td className="rc-num">{fmt.money(r.costMinor)}</td>
                <td className="rc-num">{fmt.money(r.plannedAfterMinor)}</td>
                <td className="rc-num">{r.withBudget === 0 ? 'none' : fmt.money(r.budgetMinor)}</td>
                <td className="rc-num">{r.withBudget === 0 ? 'none' : fmt.money(r.varianceMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableAlternative>
    </figure>
  );
}
