// The print pages also run under tsx (web host, bench), which reads no tsconfig for them:
// the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import type { StaffingSummaryFile } from '../../../shared/exchange/request-file';
import { fileHoursShort, moneyTextGrouped } from '../../../shared/format/request-diff';
import { STATUS_LABELS } from '../../../shared/format/requests';
import { weekSpanText, weeksSpanText } from '../../../shared/format/weeks';

export interface StaffingSummaryDocumentProps {
  summary: StaffingSummaryFile;
  planName: string;
  minorDigits: number;
}

const BUDGET_NOTES: Record<StaffingSummaryFile['budget_state'], string> = {
  none: 'no budget set',
  ok: 'within budget',
  at_risk: 'at risk: 90% or more of the budget',
  overrun: 'over budget',
};

/** "2026-11-26 12:00 UTC": the same on every machine, whatever its locale or zone. */
const writtenAt = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * The printable staffing summary of one request: the same page on every host (the desktop
 * shell prints it with printToPDF, the web host and the CLI with Chromium). Pure props, no
 * state and no effects: it is rendered once to static HTML and printed.
 */
export function StaffingSummaryDocument({ summary: s, planName, minorDigits }: StaffingSummaryDocumentProps) {
  const money = (decimal: string) => moneyTextGrouped(decimal, minorDigits);
  const cur = s.plan_currency;
  const weekRows = s.people
    .flatMap((p) => p.weeks.map((w) => ({ ...w, name: p.name, id: p.specialist_id })))
    .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  return (
    <main className="summary">
      <header>
        <p className="kicker">Staffing summary · {planName}</p>
        <h1>
          {s.request.id} {s.request.title}
        </h1>
        <p className="meta">
          {STATUS_LABELS[s.request.status]} · {weekSpanText(s.request.start_week, s.request.end_week)} ({s.request.start_week} to{' '}
          {s.request.end_week}) · written {writtenAt(s.exported_at)}
        </p>
      </header>

      <section className="figures" aria-label="Key figures">
        <div className="figure">
          <span className="label">Staffing</span>
          <span className="value">{s.staffing}</span>
          <span className="note">
            {s.people.length} {s.people.length === 1 ? 'person' : 'people'}
          </span>
        </div>
        <div className="figure">
          <span className="label">Hours allocated</span>
          <span className="value">{fileHoursShort(s.hours)} h</span>
          <span className="note">{weekRows.length} person-weeks</span>
        </div>
        <div className="figure">
          <span className="label">Cost</span>
          <span className={`value state-${s.budget_state}`}>
            {money(s.cost)} {cur}
          </span>
          <span className="note">
            {s.request.budget === null ? BUDGET_NOTES.none : `of ${money(s.request.budget)} ${cur}, ${BUDGET_NOTES[s.budget_state]}`}
          </span>
        </div>
        <div className="figure">
          <span className="label">Open demand</span>
          <span className="value">{fileHoursShort(s.open_hours)} h</span>
          <span className="note">{s.open_demand.length === 0 ? 'none' : `in ${s.open_demand.length} line-weeks`}</span>
        </div>
      </section>

      <section>
        <h2>Who</h2>
        {s.people.length === 0 ? (
          <p className="empty">Nobody is allocated to this request yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Specialist</th>
                <th>Department</th>
                <th>Weeks</th>
                <th className="num">Hours</th>
                <th className="num">Cost ({cur})</th>
              </tr>
            </thead>
            <tbody>
              {s.people.map((p) => (
                <tr key={p.specialist_id}>
                  <td>
                    {p.name} <span className="secondary">{p.specialist_id}</span>
                  </td>
                  <td>{p.department}</td>
                  <td>
                    {weeksSpanText(p.weeks.map((w) => w.week))} ({p.weeks.length} {p.weeks.length === 1 ? 'week' : 'weeks'})
                  </td>
                  <td className="num">{fileHoursShort(p.hours)}</td>
                  <td className="num">{money(p.cost)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>Total</td>
                <td className="num">{fileHoursShort(s.hours)}</td>
                <td className="num">{money(s.cost)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>

      {weekRows.length > 0 && (
        <section>
          <h2>Week by week</h2>
          <table>
            <thead>
              <tr>
                <th>Week</th>
                <th>Specialist</th>
                <th className="num">Hours</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {weekRows.map((w) => (
                <tr key={`${w.week}|${w.id}`} className={w.status === 'tentative' ? 'tentative' : undefined}>
                  <td>{w.week}</td>
                  <td>{w.name}</td>
                  <td className="num">{fileHoursShort(w.hours)}</td>
                  <td>{w.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section>
        <h2>Open demand</h2>
        {s.open_demand.length === 0 ? (
          <p className="empty">
            {s.staffing === 'no demand' ? 'The request has no demand lines.' : 'None: every demanded week is served in full.'}
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Week</th>
                <th>Skill</th>
                <th className="num">Min. level</th>
                <th className="num">Demanded h</th>
                <th className="num">Served h</th>
                <th className="num">Open h</th>
              </tr>
            </thead>
            <tbody>
              {/* Two lines of one skill may overlap in a week: rows are keyed by place, never rearranged. */}
              {s.open_demand.map((d, i) => (
                <tr key={i}>
                  <td>{d.week}</td>
                  <td>{d.skill}</td>
                  <td className="num">L{d.min_level}</td>
                  <td className="num">{fileHoursShort(d.demanded_hours)}</td>
                  <td className="num">{fileHoursShort(d.served_hours)}</td>
                  <td className="num">{fileHoursShort(d.open_hours)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={5}>Total open</td>
                <td className="num">{fileHoursShort(s.open_hours)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>
    </main>
  );
}
