// The print page renders these under tsx too (web host, CLI), which reads no tsconfig for
// them: the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import type { CSSProperties } from 'react';
import { AxisTop } from '@visx/axis';
import { Group } from '@visx/group';
import { HeatmapRect } from '@visx/heatmap';
import { scaleBand } from '@visx/scale';
import type { HeatCell, HeatRow } from '../../../../../shared/domain';
import { ChartPatterns, ChartStyles, Swatch, TableAlternative, useChartIds } from './common';
import {
  BANDS,
  bandText,
  cellFigures,
  cellTitle,
  cellWidth,
  isLoadingLine,
  labelStep,
  labelled,
  loadingText,
  utilizationBand,
  visibleRows,
  type HeatLine,
} from './heatmap-model';
import type { UtilizationHeatmapProps } from './types';

const DEFAULT_ROW_H = 20;
const AXIS_H = 34;
const FOOT_GAP = 6;
const ALL_LABEL = 'All listed specialists';

interface Column {
  week: string;
  cells: { cell: HeatCell; row: HeatRow }[];
}

/**
 * Utilization by week: department rows (buttons that open their specialists) and a column
 * of averages per week. The labels and row figures are HTML beside the SVG, so they stay in
 * view while a long range scrolls sideways and the toggles are real buttons (an SVG with
 * role="img" hides what is inside it from assistive technology).
 */
export function UtilizationHeatmapChart({ data, expanded, onToggle, fmt, maxCellsWidth, rowHeight }: UtilizationHeatmapProps) {
  const ROW_H = rowHeight ?? DEFAULT_ROW_H;
  const ids = useChartIds();
  const weeks = data.weeks;
  const lines = visibleRows(data, expanded);
  // Rows with cells, each at its line: a loading line takes a line of height but draws none.
  const rows = lines.flatMap((line, at) => (isLoadingLine(line) ? [] : [{ ...line, at }]));
  const cellW = cellWidth(weeks.length, maxCellsWidth);
  const gap = cellW >= 6 ? 1 : 0;
  const gridW = weeks.length * cellW;
  const gridTop = AXIS_H;
  const footTop = gridTop + lines.length * ROW_H + FOOT_GAP;
  const height = footTop + ROW_H;
  const first = weeks[0] ?? '';
  const last = weeks[weeks.length - 1] ?? '';
  const total = data.total;
  const caption = `Utilization by week, ${first} to ${last}: ${fmt.pct(total.utilizationPct)} on average, ${fmt.int(total.overAllocated)} over-allocated specialist-${total.overAllocated === 1 ? 'week' : 'weeks'}`;

  if (data.departments.length === 0 || weeks.length === 0) {
    return (
      <figure className="report-chart rc-heatmap-chart">
        <ChartStyles />
        <figcaption>Utilization by week</figcaption>
        <p className="rc-note">No active specialists in the chosen departments.</p>
      </figure>
    );
  }

  const x = scaleBand<string>({ domain: weeks, range: [0, gridW], padding: 0 });
  const step = labelStep(cellW);
  const columns: Column[] = weeks.map((week, j) => ({ week, cells: rows.map(({ row }) => ({ cell: row.cells[j]!, row })) }));
  const allRow = { label: ALL_LABEL, specialistId: null };
  const style = { '--rc-row-h': `${ROW_H}px`, '--rc-axis-h': `${AXIS_H}px`, '--rc-foot-gap': `${FOOT_GAP}px` } as CSSProperties;

  const drawCell = (key: string, title: string, c: HeatCell, cx: number, cy: number, w: number, h: number) => {
    const band = utilizationBand(c);
    return (
      <g key={key} data-band={band}>
        <title>{title}</title>
        <rect className={`rc-u-${band}`} x={cx} y={cy} width={w} height={h} />
        {band === 'over' && <rect x={cx} y={cy} width={w} height={h} fill={`url(#${ids.hatch})`} />}
        {band !== 'over' && c.overAllocated > 0 && <path className="rc-marker" d={`M${cx + w * 0.4} ${cy}H${cx + w}V${cy + h * 0.6}Z`} />}
      </g>
    );
  };

  const years: { x: number; year: string }[] = [];
  weeks.forEach((w, j) => {
    if (j !== 0 && !w.endsWith('-W01')) return;
    const at = j * cellW;
    const prev = years[years.length - 1];
    if (!prev || at - prev.x >= 34) years.push({ x: at, year: w.slice(0, 4) });
  });

  return (
    <figure className="report-chart rc-heatmap-chart" style={style}>
      <ChartStyles />
      <figcaption id={ids.caption}>{caption}</figcaption>
      <ul className="rc-legend">
        {BANDS.map((b) => (
          <li key={b}>
            <Swatch className={`rc-u-${b}`} pattern={b === 'over' ? ids.hatch : undefined} />
            {bandText(b, fmt)}
          </li>
        ))}
        <li>
          <Swatch className="rc-u-high" marker />
          holds over-allocated specialists
        </li>
      </ul>
      <div className="rc-heatmap">
        <div className="rc-heat-labels">
          <div className="rc-head">Department / specialist</div>
          <div className="rc-head rc-num">Avg</div>
          <div className="rc-head rc-num">Over</div>
          {lines.map((line) => {
            if (isLoadingLine(line)) {
              return (
                <div key={`${line.departmentKey}-loading`} className="rc-loading-line" role="status">
                  {loadingText(line.loading, fmt)}
                </div>
              );
            }
            const { row, isDepartment } = line;
            const open = expanded.has(row.key);
            const count = data.departments.find((d) => d.row.key === row.key)?.specialistCount ?? 0;
            return [
              <div key={`${row.key}-label`} className={isDepartment ? 'rc-department' : 'rc-specialist'} title={row.label}>
                {isDepartment && onToggle ? (
                  <button type="button" aria-expanded={open} onClick={() => onToggle(row.key)}>
                    <span className="rc-caret" aria-hidden="true">
                      {open ? '▾' : '▸'}
                    </span>
                    {row.label} <span className="rc-muted">({fmt.int(count)})</span>
                  </button>
                ) : (
                  row.label
                )}
              </div>,
              <div key={`${row.key}-avg`} className="rc-num">
                {fmt.pct(row.total.utilizationPct)}
              </div>,
              <div key={`${row.key}-over`} className={row.total.overAllocated > 0 ? 'rc-num rc-over' : 'rc-num'}>
                {row.total.overAllocated > 0 ? `▲ ${fmt.int(row.total.overAllocated)}` : '0'}
              </div>,
            ];
          })}
          <div className="rc-spacer" />
          <div className="rc-spacer" />
          <div className="rc-spacer" />
          <div className="rc-all">{ALL_LABEL}</div>
          <div className="rc-num rc-all">{fmt.pct(total.utilizationPct)}</div>
          <div className={total.overAllocated > 0 ? 'rc-num rc-over' : 'rc-num'}>
            {total.overAllocated > 0 ? `▲ ${fmt.int(total.overAllocated)}` : '0'}
          </div>
        </div>
        <div className="rc-heat-scroll">
          <svg role="img" aria-labelledby={ids.caption} width={gridW + 1} height={height} viewBox={`0 0 ${gridW + 1} ${height}`}>
            <ChartPatterns ids={ids} />
            {years.map((y) => (
              <text key={y.x} x={y.x} y={11} className="rc-muted rc-strong" aria-hidden="true">
                {y.year}
              </text>
            ))}
            <AxisTop
              top={gridTop - 1}
              scale={x}
              axisClassName="rc-axis"
              tickValues={weeks.filter((w) => labelled(w, step))}
              tickLength={3}
              tickComponent={({ x: tx, formattedValue }) => (
                <text x={tx - cellW / 2} y={-6} className="rc-muted">
                  {formattedValue}
                </text>
              )}
              tickFormat={(w) => fmt.weekShort(w)}
            />
            {weeks.map((w, j) =>
              j > 0 && w.endsWith('-W01') ? (
                <line key={w} className="rc-gridline" x1={j * cellW} x2={j * cellW} y1={gridTop} y2={height} />
              ) : null,
            )}
            <Group top={gridTop}>
              <HeatmapRect<Column, { cell: HeatCell; row: HeatRow }>
                data={columns}
                bins={(c) => c.cells}
                count={(b) => b.cell.utilizationPct ?? 0}
                xScale={(j) => j * cellW}
                yScale={(i) => rows[i]!.at * ROW_H}
                binWidth={cellW}
                binHeight={ROW_H}
                gap={gap}
              >
                {(grid) =>
                  grid.map((col) =>
                    col.map((bin) =>
                      drawCell(
                        `${bin.column}-${bin.row}`,
                        cellTitle(bin.bin.row, weeks[bin.column]!, bin.bin.cell, fmt),
                        bin.bin.cell,
                        bin.x,
                        bin.y,
                        bin.width,
                        bin.height,
                      ),
                    ),
                  )
                }
              </HeatmapRect>
            </Group>
            <Group top={footTop}>
              {data.columns.map((c, j) =>
                drawCell(`all-${j}`, cellTitle(allRow, weeks[j]!, c, fmt), c, j * cellW, gap, cellW - gap, ROW_H - gap),
              )}
            </Group>
          </svg>
        </div>
      </div>
      <TableAlternative>
        <table className="rc-table">
          <caption className="rc-visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Department / specialist</th>
              <th scope="col" className="rc-num">
                Average
              </th>
              <th scope="col" className="rc-num">
                Over-allocated weeks
              </th>
              {weeks.map((w) => (
                <th key={w} scope="col">
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) =>
              isLoadingLine(line) ? (
                <tr key={`${line.departmentKey}-loading`}>
                  <td colSpan={3 + weeks.length}>{loadingText(line.loading, fmt)}</td>
                </tr>
              ) : (
                <TableLine key={line.row.key} line={line} weeks={weeks} fmt={fmt} />
              ),
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{ALL_LABEL}</th>
              <td className="rc-num">{cellFigures(total, fmt, false)}</td>
              <td className="rc-num">{fmt.int(total.overAllocated)}</td>
              {data.columns.map((c, j) => (
                <td key={weeks[j]}>{cellFigures(c, fmt, false)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableAlternative>
    </figure>
  );
}

function TableLine({ line: { row }, weeks, fmt }: { line: HeatLine; weeks: readonly string[]; fmt: UtilizationHeatmapProps['fmt'] }) {
  return (
    <tr>
      <th scope="row">{row.specialistId === null ? row.label : `${row.label} (${row.department})`}</th>
      <td className="rc-num">{cellFigures(row.total, fmt, false)}</td>
      <td className="rc-num">{fmt.int(row.total.overAllocated)}</td>
      {row.cells.map((c, j) => (
        <td key={weeks[j]}>{cellFigures(c, fmt, row.specialistId !== null)}</td>
      ))}
    </tr>
  );
}
