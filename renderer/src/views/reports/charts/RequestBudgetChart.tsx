// The print page renders these under tsx too (web host, CLI), which reads no tsconfig for
// them: the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { cmpText, percent, type CostRow } from '../../../../../shared/domain';
import type { ReportFormat } from '../../../model/locale-format';
import { ChartPatterns, ChartStyles, STAGE_NAME, Swatch, TableAlternative, clip, useChartIds } from './common';
import { moneyWith } from './StageCostChart';
import type { RequestBudgetChartProps } from './types';

const WIDTH = 800;
const LABEL_W = 204;
const BAR_W = 260;
const ROW_H = 24;
const BAR_H = 13;
export const DEFAULT_REQUEST_LIMIT = 15;

const overrunBy = (r: CostRow): number => (r.overrun && r.budgetMinor !== null ? r.costMinor - r.budgetMinor : 0);

/** The requests drawn: the largest overruns first, then the largest cost. */
export function requestsToChart(rows: readonly CostRow[], limit: number): CostRow[] {
  return [...rows]
    .sort((a, b) => overrunBy(b) - overrunBy(a) || b.costMinor - a.costMinor || cmpText(a.requestId, b.requestId))
    .slice(0, Math.max(0, limit));
}

/** "over budget by 2.284,00", "at risk: 95 % of the budget", "within budget: 40 %", "no budget". */
export function budgetStateText(r: CostRow, fmt: ReportFormat, money: (minor: number) => string): string {
  if (r.budgetMinor === null) return 'no budget';
  if (r.overrun) return `▲ over budget by ${money(r.costMinor - r.budgetMinor)}`;
  const share = fmt.pct(percent(r.costMinor, r.budgetMinor));
  return r.atRisk ? `◆ at risk: ${share} of the budget` : `within budget: ${share}`;
}

export function RequestBudgetChart({ rows, fmt, limit = DEFAULT_REQUEST_LIMIT, currency, currentWeek }: RequestBudgetChartProps) {
  const ids = useChartIds();
  const money = moneyWith(fmt, currency);
  const shown = requestsToChart(rows, limit);
  const after = currentWeek ? `after ${currentWeek}` : 'after the current week';
  const which =
    shown.length === rows.length
      ? `all ${fmt.int(rows.length)} ${rows.length === 1 ? 'request' : 'requests'}, the largest overrun first, then the largest cost`
      : `the ${fmt.int(shown.length)} of ${fmt.int(rows.length)} requests with the largest overrun, then the largest cost`;
  const caption = `Cost against budget by request${currency ? ` (${currency})` : ''}: ${which}`;
  const max = Math.max(1, ...shown.flatMap((r) => [r.costMinor, r.budgetMinor ?? 0]));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, BAR_W] });
  const height = shown.length * ROW_H + 2;

  return (
    <figure className="report-chart rc-request-chart">
      <ChartStyles />
      <figcaption id={ids.caption}>{caption}</figcaption>
      <ul className="rc-legend">
        <li>
          <Swatch className="rc-cost" />
          within budget
        </li>
        <li>
          <Swatch className="rc-risk" />◆ at risk ({fmt.pct(90)} of the budget or more)
        </li>
        <li>
          <Swatch className="rc-overrun" pattern={ids.hatch} />▲ over budget (striped beyond it)
        </li>
        <li>
          <Swatch className="rc-cost" pattern={ids.after} />
          planned {after}
        </li>
        <li>┃ budget</li>
      </ul>
      {shown.length === 0 ? (
        <p className="rc-note">No requests in these weeks.</p>
      ) : (
        <svg role="img" aria-labelledby={ids.caption} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }}>
          <ChartPatterns ids={ids} />
          {shown.map((r, i) => {
            const tone = r.overrun ? 'rc-overrun' : r.atRisk ? 'rc-risk' : 'rc-cost';
            const done = r.costMinor - r.plannedAfterMinor;
            const budgetX = r.budgetMinor === null ? null : x(r.budgetMinor);
            const state = budgetStateText(r, fmt, money);
            const shortState = budgetStateText(r, fmt, fmt.money);
            const title = `${r.requestId} ${r.title}: cost ${money(r.costMinor)}${r.budgetMinor === null ? '' : ` of ${money(r.budgetMinor)}`}, ${state.replace(/^[▲◆] /, '')}; ${money(r.plannedAfterMinor)} planned ${after}`;
            return (
              <Group key={r.requestId} top={i * ROW_H + 2}>
                <text x={0} y={BAR_H - 2}>
                  <tspan className="rc-strong">{r.requestId}</tspan>
                  <tspan className="rc-muted">{` ${clip(r.title, 22)}`}</tspan>
                </text>
                <g>
                  <title>{title}</title>
                  <Bar className={tone} x={LABEL_W} y={0} width={x(done)} height={BAR_H} />
                  <Bar className={tone} x={LABEL_W + x(done)} y={0} width={x(r.plannedAfterMinor)} height={BAR_H} />
                  <Bar x={LABEL_W + x(done)} y={0} width={x(r.plannedAfterMinor)} height={BAR_H} fill={`url(#${ids.after})`} />
                  {r.overrun && budgetX !== null && (
                    <Bar x={LABEL_W + budgetX} y={0} width={x(r.costMinor) - budgetX} height={BAR_H} fill={`url(#${ids.hatch})`} />
                  )}
                  {budgetX !== null && (
                    <line className="rc-budget-line" x1={LABEL_W + budgetX} x2={LABEL_W + budgetX} y1={-3} y2={BAR_H + 3} />
                  )}
                  <text
                    x={LABEL_W + Math.max(x(r.costMinor), budgetX ?? 0) + 6}
                    y={BAR_H - 2}
                    className={r.overrun ? 'rc-danger' : r.atRisk ? 'rc-warn' : r.budgetMinor === null ? 'rc-muted' : undefined}
                  >
                    {`${fmt.money(r.costMinor)}${r.budgetMinor === null ? '' : ` of ${fmt.money(r.budgetMinor)}`} · ${shortState}`}
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
              <th scope="col">Request</th>
              <th scope="col">Stage</th>
              <th scope="col" className="rc-num">
                Cost{currency ? ` (${currency})` : ''}
              </th>
              <th scope="col" className="rc-num">
                Budget
              </th>
              <th scope="col" className="rc-num">
                Planned {after}
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.requestId}>
                <th scope="row">
                  {r.requestId} {r.title}
                </th>
                <td>{STAGE_NAME[r.stage]}</td>
                <td className="rc-num">{fmt.money(r.costMinor)}</td>
                <td className="rc-num">{r.budgetMinor === null ? 'none' : fmt.money(r.budgetMinor)}</td>
                <td className="rc-num">{fmt.money(r.plannedAfterMinor)}</td>
                <td>{budgetStateText(r, fmt, fmt.money).replace(/^[▲◆] /, '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableAlternative>
    </figure>
  );
}
