import { useId } from 'react';
import type { StaffingReceived as Received } from '../../../../shared/api';
import { formatMoneyGrouped, parseMoney, parseScaledDecimal } from '../../../../shared/domain';
import { weeksSpanText } from '../../../../shared/format';
import { utcDateText } from '../../model/request-list';

/** "16.00" as the screens write hours elsewhere: "16" (and "7.33" as it is). */
const hoursText = (decimal: string): string => decimal.replace(/\.0+$/, '');

function moneyText(decimal: string, minorDigits: number, currency: string): string {
  const parsed = parseMoney(decimal, minorDigits);
  return `${parsed.ok ? formatMoneyGrouped(parsed.value, minorDigits) : decimal} ${currency}`;
}

/** What the resource manager sent back last: who, which weeks, hours, cost, and the demand still open. */
export function StaffingReceived({ received, minorDigits }: { received: Received; minorDigits: number }) {
  const headingId = useId();
  const s = received.summary;
  const weeks = [...new Set(s.people.flatMap((p) => p.weeks.map((w) => w.week)))].sort();
  const open = s.open_demand.filter((d) => {
    const hours = parseScaledDecimal(d.open_hours, 2);
    return !hours.ok || hours.value > 0;
  });
  return (
    <section className="rq-side-section rq-received" aria-labelledby={headingId} data-testid="staffing-received">
      <h3 id={headingId}>Latest staffing received, {utcDateText(received.exportedAt)}</h3>
      <dl className="rq-facts">
        <div>
          <dt>People</dt>
          <dd>{s.people.length === 0 ? 'nobody yet' : s.people.map((p) => p.name).join(', ')}</dd>
        </div>
        <div>
          <dt>Weeks</dt>
          <dd>
            {weeksSpanText(weeks)}
            {weeks.length > 0 && ` (${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'})`}
          </dd>
        </div>
        <div>
          <dt>Hours</dt>
          <dd>{hoursText(s.hours)} h</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>
            {moneyText(s.cost, minorDigits, s.plan_currency)}
            {s.request.budget !== null && ` of ${moneyText(s.request.budget, minorDigits, s.plan_currency)}`}
          </dd>
        </div>
        <div>
          <dt>Open demand</dt>
          <dd>{open.length === 0 ? 'none' : `${hoursText(s.open_hours)} h`}</dd>
        </div>
      </dl>
      {open.length > 0 && (
        <details>
          <summary>Open demand by week</summary>
          <ul className="rq-open-demand">
            {open.map((d, i) => (
              <li key={i}>
                {d.skill} L{d.min_level}+ {d.week}: {hoursText(d.open_hours)} of {hoursText(d.demanded_hours)} h open
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
