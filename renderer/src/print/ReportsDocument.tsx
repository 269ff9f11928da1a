// The print pages also run under tsx (web host, bench), which reads no tsconfig for them:
// the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import type { ReportName, ReportsViewData } from '../../../shared/api/reports';
import { addIsoWeeks, weekMonday, type AllocationRow, type HeatRow, type Stage } from '../../../shared/domain';
import { reportFormat, type ReportFormat } from '../model/locale-format';
import { RequestBudgetChart, SkillGapChart, StageCostChart, UtilizationHeatmap } from '../views/reports/charts';
import { STAGE_NAME } from '../views/reports/charts/common';
import { budgetStateText } from '../views/reports/charts/RequestBudgetChart';
import { skillLabel } from '../views/reports/charts/SkillGapChart';

export interface ReportsPrintInput {
  view: ReportsViewData;
  /** The reports to print, drawn in the order of REPORT_NAMES. */
  reports: readonly ReportName[];
  /** The allocations table's rows; only the first PRINT_ALLOCATION_LIMIT are printed. */
  allocations: AllocationRow[];
  /** How many allocations the range holds in all (for the "2,000 of N rows" line). */
  allocationTotal: number;
  /** ISO date-time the file is written at. */
  generatedAt: string;
  /** The departments chosen; empty = all. */
  departments: readonly string[];
  /** The lifecycle stages chosen; empty or absent = all. */
  stages?: readonly Stage[] | undefined;
}

/** A PDF holds at most this many allocation rows: beyond it a spreadsheet is the tool. */
export const PRINT_ALLOCATION_LIMIT = 2000;

/**
 * In print every department shows its specialists while the plan lists at most this many
 * (a heat map is one picture and cannot break across pages); beyond it the heat map shows
 * departments only and the table below it lists every specialist.
 */
export const PRINT_HEATMAP_SPECIALISTS = 40;

/** The width the week cells of the printed heat map fit in: A4 less margins and the label columns. */
const PRINT_CELLS_WIDTH = 400;

/** Heat-map rows in print: 40 specialists and their departments fit below the header. */
const PRINT_ROW_HEIGHT = 13;

/** Printed files read the same wherever they are written: one locale, en-GB. */
export const PRINT_LOCALE = 'en-GB';

const ORDER: readonly ReportName[] = ['utilization', 'costs', 'stages', 'skills', 'allocations'];

/** "2026-11-26 12:00 UTC": the same on every machine, whatever its locale or zone. */
const writtenAt = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const dateText = new Intl.DateTimeFormat(PRINT_LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
function rangeDates(from: string, to: string): string {
  const end = new Date(weekMonday(addIsoWeeks(to, 1)).getTime() - 12 * 3600 * 1000);
  return `${dateText.format(weekMonday(from))} to ${dateText.format(end)}`;
}

/**
 * The Reports view as a printable document: the same chart components as the screen, with
 * full tables under them. Pure props, no state and no effects: rendered once to static HTML
 * and printed (Electron's printToPDF, or Chromium for the web host and the CLI).
 */
export function ReportsDocument({ input }: { input: ReportsPrintInput }) {
  const { view } = input;
  const fmt = reportFormat(PRINT_LOCALE, view.minorDigits);
  const wanted = new Set(input.reports);
  const departments =
    input.departments.length === 0 ? `All departments (${fmt.int(view.allDepartments.length)})` : input.departments.join(', ');
  return (
    <main className="reports">
      <header>
        <p className="kicker">TM Planner reports · {view.planName}</p>
        <h1>
          {view.planName}: {view.from} to {view.to}
        </h1>
        <dl className="meta">
          <div>
            <dt>Range</dt>
            <dd>
              {view.from} to {view.to} ({rangeDates(view.from, view.to)})
            </dd>
          </div>
          <div>
            <dt>Departments</dt>
            <dd>{departments}</dd>
          </div>
          <div>
            <dt>Stages</dt>
            <dd>{input.stages && input.stages.length > 0 ? input.stages.map((st) => STAGE_NAME[st]).join(', ') : 'All stages'}</dd>
          </div>
          <div>
            <dt>Generated</dt>
            <dd>
              {writtenAt(input.generatedAt)}, current week {view.currentWeek}
            </dd>
          </div>
          <div>
            <dt>Money</dt>
            <dd>{view.currency}</dd>
          </div>
        </dl>
      </header>
      {ORDER.filter((r) => wanted.has(r)).map((r) => {
        switch (r) {
          case 'utilization':
            return <UtilizationSection key={r} view={view} fmt={fmt} />;
          case 'costs':
            return <CostsSection key={r} view={view} fmt={fmt} />;
          case 'stages':
            return <StagesSection key={r} view={view} fmt={fmt} />;
          case 'skills':
            return <SkillsSection key={r} view={view} fmt={fmt} />;
          case 'allocations':
            return <AllocationsSection key={r} rows={input.allocations} total={input.allocationTotal} view={view} fmt={fmt} />;
        }
      })}
    </main>
  );
}

interface SectionProps {
  view: ReportsViewData;
  fmt: ReportFormat;
}

function UtilizationSection({ view, fmt }: SectionProps) {
  const data = view.heatmap;
  const specialists = data.departments.reduce((n, d) => n + d.specialists.length, 0);
  const expanded = new Set(specialists <= PRINT_HEATMAP_SPECIALISTS ? data.departments.map((d) => d.row.key) : []);
  const line = (row: HeatRow, className?: string) => (
    <tr key={row.key} className={className}>
      <td className={row.specialistId === null ? undefined : 'indent'}>
        {row.label}
        {row.specialistId !== null && <span className="secondary"> {row.specialistId}</span>}
      </td>
      <td className="num">{fmt.hours(row.total.capacityMinutes)}</td>
      <td className="num">{fmt.hours(row.total.allocatedMinutes)}</td>
      <td className="num">{fmt.pct(row.total.utilizationPct)}</td>
      <td className="num">{fmt.int(row.total.overAllocated)}</td>
    </tr>
  );
  return (
    <section className="report-section">
      <h2>Utilization</h2>
      {specialists > PRINT_HEATMAP_SPECIALISTS && (
        <p className="note">
          The heat map shows departments ({fmt.int(specialists)} specialists are too many for one page); the table lists every specialist.
        </p>
      )}
      <UtilizationHeatmap data={data} expanded={expanded} fmt={fmt} maxCellsWidth={PRINT_CELLS_WIDTH} rowHeight={PRINT_ROW_HEIGHT} />
      <table>
        <thead>
          <tr>
            <th>Department / specialist</th>
            <th className="num">Capacity h</th>
            <th className="num">Allocated h</th>
            <th className="num">Utilization</th>
            <th className="num">Over-allocated weeks</th>
          </tr>
        </thead>
        <tbody>{data.departments.flatMap((d) => [line(d.row, 'group'), ...d.specialists.map((s) => line(s))])}</tbody>
        <tfoot>
          <tr>
            <td>All listed specialists</td>
            <td className="num">{fmt.hours(data.total.capacityMinutes)}</td>
            <td className="num">{fmt.hours(data.total.allocatedMinutes)}</td>
            <td className="num">{fmt.pct(data.total.utilizationPct)}</td>
            <td className="num">{fmt.int(data.total.overAllocated)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function CostsSection({ view, fmt }: SectionProps) {
  const cost = view.costs.reduce((a, r) => a + r.costMinor, 0);
  return (
    <section className="report-section">
      <h2>Cost by request against budget</h2>
      <RequestBudgetChart rows={view.costs} fmt={fmt} currency={view.currency} currentWeek={view.currentWeek} />
      <table>
        <thead>
          <tr>
            <th>Request</th>
            <th>Stage</th>
            <th className="num">Budget ({view.currency})</th>
            <th className="num">Cost ({view.currency})</th>
            <th className="num">Variance</th>
            <th className="num">After {view.currentWeek}</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {view.costs.map((r) => (
            <tr key={r.requestId} className={r.overrun ? 'overrun' : r.atRisk ? 'at-risk' : undefined}>
              <td>
                {r.requestId} <span className="secondary">{r.title}</span>
              </td>
              <td>{STAGE_NAME[r.stage]}</td>
              <td className="num">{r.budgetMinor === null ? '–' : fmt.money(r.budgetMinor)}</td>
              <td className="num">{fmt.money(r.costMinor)}</td>
              <td className="num">{r.varianceMinor === null ? '–' : fmt.money(r.varianceMinor)}</td>
              <td className="num">{fmt.money(r.plannedAfterMinor)}</td>
              <td>{budgetStateText(r, fmt, fmt.money)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>
              {fmt.int(view.costs.length)} {view.costs.length === 1 ? 'request' : 'requests'}
            </td>
            <td className="num">{fmt.money(cost)}</td>
            <td />
            <td className="num">{fmt.money(view.plannedAfterMinor)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function StagesSection({ view, fmt }: SectionProps) {
  return (
    <section className="report-section">
      <h2>Cost by lifecycle stage</h2>
      <StageCostChart rows={view.stages} fmt={fmt} currency={view.currency} currentWeek={view.currentWeek} />
      <table>
        <thead>
          <tr>
            <th>Stage</th>
            <th className="num">Requests</th>
            <th className="num">With budget</th>
            <th className="num">Budget ({view.currency})</th>
            <th className="num">Cost ({view.currency})</th>
            <th className="num">Variance</th>
            <th className="num">Over budget</th>
            <th className="num">At risk</th>
            <th className="num">After {view.currentWeek}</th>
          </tr>
        </thead>
        <tbody>
          {view.stages.map((r) => (
            <tr key={r.stage}>
              <td>{STAGE_NAME[r.stage]}</td>
              <td className="num">{fmt.int(r.requests)}</td>
              <td className="num">{fmt.int(r.withBudget)}</td>
              <td className="num">{r.withBudget === 0 ? '–' : fmt.money(r.budgetMinor)}</td>
              <td className="num">{fmt.money(r.costMinor)}</td>
              <td className="num">{r.withBudget === 0 ? '–' : fmt.money(r.varianceMinor)}</td>
              <td className="num">{fmt.int(r.overrunRequests)}</td>
              <td className="num">{fmt.int(r.atRiskRequests)}</td>
              <td className="num">{fmt.money(r.plannedAfterMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SkillsSection({ view, fmt }: SectionProps) {
  return (
    <section className="report-section">
      <h2>Skill demand against capacity</h2>
      <SkillGapChart rows={view.skills} fmt={fmt} />
      <table>
        <thead>
          <tr>
            <th>Skill and level</th>
            <th className="num">Weeks</th>
            <th className="num">Demand h</th>
            <th className="num">Served h</th>
            <th className="num">Unfilled h</th>
            <th className="num">Capacity h</th>
            <th className="num">Free h</th>
            <th className="num">Gap h</th>
          </tr>
        </thead>
        <tbody>
          {view.skills.map((r) => (
            <tr key={`${r.skill}|${r.level}`} className={r.gapMinutes > 0 ? 'gap' : undefined}>
              <td>{skillLabel(r)}</td>
              <td className="num">{fmt.int(r.weeks)}</td>
              <td className="num">{fmt.hours(r.demandMinutes)}</td>
              <td className="num">{fmt.hours(r.servedMinutes)}</td>
              <td className="num">{fmt.hours(r.unfilledMinutes)}</td>
              <td className="num">{fmt.hours(r.supplyMinutes)}</td>
              <td className="num">{fmt.hours(r.freeMinutes)}</td>
              <td className="num">{fmt.hours(r.gapMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AllocationsSection({ rows, total, view, fmt }: SectionProps & { rows: AllocationRow[]; total: number }) {
  const shown = rows.slice(0, PRINT_ALLOCATION_LIMIT);
  return (
    <section className="report-section">
      <h2>Allocations</h2>
      {total > shown.length && (
        <p className="note cap">
          {fmt.int(shown.length)} of {fmt.int(total)} rows: export XLSX or CSV for all.
        </p>
      )}
      {shown.length === 0 ? (
        <p className="empty">No allocations in these weeks.</p>
      ) : (
        <table className="dense">
          <thead>
            <tr>
              <th>Week</th>
              <th>Specialist</th>
              <th>Department</th>
              <th>Request</th>
              <th>Stage</th>
              <th className="num">Hours</th>
              <th>Status</th>
              <th className="num">Cost ({view.currency})</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a, i) => (
              <tr key={i} className={a.status === 'tentative' ? 'tentative' : undefined}>
                <td>{a.week}</td>
                <td>{a.specialist}</td>
                <td>{a.department}</td>
                <td>
                  {a.requestId} <span className="secondary">{a.request}</span>
                </td>
                <td>{STAGE_NAME[a.stage]}</td>
                <td className="num">{fmt.hours(a.minutes)}</td>
                <td>{a.status}</td>
                <td className="num">{fmt.money(a.costMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
