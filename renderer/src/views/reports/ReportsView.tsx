import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ReportsViewData } from '../../../../shared/api';
import { AreaError } from '../../components/AreaError';
import { reportFormat, type ReportFormat } from '../../model/locale-format';
import { reloadReports, toggleHeatmapDepartment, useStore } from '../../store';
import { AllocationsTable } from './AllocationsTable';
import { RequestBudgetChart, SkillGapChart, StageCostChart, UtilizationHeatmap } from './charts';
import { ExportPanel } from './ExportPanel';
import { ReportFilters } from './ReportFilters';
import { KeyFigures } from './KeyFigures';
import './reports.css';

/** Requests the budget chart draws: the worst first, a screenful. */
const BUDGET_CHART_REQUESTS = 15;

/** Screens show numbers in the system locale; one formatter per currency's digits. */
export function useReportFormat(minorDigits: number): ReportFormat {
  return useMemo(() => reportFormat(undefined, minorDigits), [minorDigits]);
}

/**
 * The department head's Reports tab (#reports): utilization, costs, skills and the
 * allocations behind them, for the weeks, departments and stages chosen, and their export.
 */
export function ReportsView() {
  const plan = useStore((s) => s.plan);
  const changeSeq = useStore((s) => s.lastChange?.seq ?? 0);
  const filter = useStore((s) => s.reportsFilter);
  const data = useStore((s) => s.reportsData);
  const loading = useStore((s) => s.reportsLoading);
  const error = useStore((s) => s.reportsError);
  const fmt = useReportFormat(data?.minorDigits ?? plan?.minorDigits ?? 2);

  // Read afresh when the view opens or another plan is loaded; after a change (undo works here
  // too) the rows on screen stay until the fresh ones arrive.
  useEffect(() => {
    if (plan) void reloadReports();
  }, [plan]);
  const seenSeq = useRef(changeSeq);
  useEffect(() => {
    if (changeSeq === seenSeq.current) return;
    seenSeq.current = changeSeq;
    void reloadReports(true);
  }, [changeSeq]);

  const sections = data ? { state: 'ready' as const, data } : { state: error ? ('failed' as const) : ('loading' as const) };

  return (
    <main
      id="reports"
      className="rp-view"
      data-testid="reports-view"
      aria-busy={loading}
      // What is on screen, for tests and the bench: the range whose figures are shown.
      data-shown={data ? `${data.from}/${data.to}` : ''}
    >
      <div className="rp-top">
        <h2>Reports</h2>
        <ExportPanel />
      </div>
      <ReportFilters filter={filter} departments={data?.allDepartments ?? []} />
      {error && <AreaError title="The reports could not be loaded" error={error} onRetry={() => void reloadReports()} />}
      <KeyFigures data={data} fmt={fmt} />
      <Section
        id="rp-utilization"
        title="Utilization by department and specialist"
        {...sections}
        render={(d) => <Heatmap data={d} fmt={fmt} />}
      />
      <div className="rp-pair">
        <Section
          id="rp-stages"
          title="Cost by lifecycle stage"
          {...sections}
          render={(d) => (
            <>
              <p className="rp-note">
                Budget and variance over the requests that have a budget; planned = cost after {fmt.week(d.currentWeek)}.
              </p>
              <StageCostChart rows={d.stages} fmt={fmt} />
            </>
          )}
        />
        <Section
          id="rp-costs"
          title="Cost by request against budget"
          {...sections}
          render={(d) => (
            <>
              <p className="rp-note">
                {costSummary(d, fmt)} Still planned after {fmt.week(d.currentWeek)}:{' '}
                <strong data-testid="reports-planned-after" data-value={d.plannedAfterMinor}>
                  {fmt.money(d.plannedAfterMinor)} {d.currency}
                </strong>
                .
              </p>
              <RequestBudgetChart rows={d.costs} fmt={fmt} limit={BUDGET_CHART_REQUESTS} />
            </>
          )}
        />
      </div>
      <Section
        id="rp-skills"
        title="Skill demand against capacity"
        {...sections}
        render={(d) => (
          <>
            <p className="rp-note">
              Per skill and minimum level over the range. The gap is demand no qualified specialist has free hours for: where to hire, train
              or move work.
            </p>
            <SkillGapChart rows={d.skills} fmt={fmt} />
          </>
        )}
      />
      <AllocationsTable fmt={fmt} currency={data?.currency ?? plan?.currency ?? ''} />
    </main>
  );
}

function costSummary(d: ReportsViewData, fmt: ReportFormat): string {
  const over = d.costs.filter((c) => c.overrun).length;
  const risk = d.costs.filter((c) => c.atRisk && !c.overrun).length;
  const n = d.costs.length;
  return `${fmt.int(n)} ${n === 1 ? 'request' : 'requests'} in the range: ${fmt.int(over)} over budget, ${fmt.int(risk)} at risk.`;
}

function Heatmap({ data, fmt }: { data: ReportsViewData; fmt: ReportFormat }) {
  const expanded = useStore((s) => s.reportsExpanded);
  const { total } = data.heatmap;
  return (
    <>
      <p className="rp-note">
        Allocated hours against capacity per week, {fmt.pct(total.utilizationPct)} over the range; a department row opens into its
        specialists.
      </p>
      <UtilizationHeatmap data={data.heatmap} expanded={expanded} onToggle={toggleHeatmapDepartment} fmt={fmt} />
    </>
  );
}

/** One part of the view: its heading, and its figures once they are there (or why they are not). */
function Section({
  id,
  title,
  state,
  data,
  render,
}: {
  id: string;
  title: string;
  state: 'ready' | 'loading' | 'failed';
  data?: ReportsViewData;
  render: (data: ReportsViewData) => ReactNode;
}) {
  return (
    <section className="rp-section" aria-labelledby={`${id}-title`} data-testid={id} data-state={state}>
      <h3 id={`${id}-title`}>{title}</h3>
      {state === 'ready' && data ? (
        render(data)
      ) : state === 'loading' ? (
        <p className="empty-note rp-loading">Loading…</p>
      ) : (
        <p className="empty-note">Not shown: the reports could not be loaded (above).</p>
      )}
    </section>
  );
}
