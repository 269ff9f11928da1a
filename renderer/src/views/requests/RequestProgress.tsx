import { useId } from 'react';
import type { RequestDetail } from '../../../../shared/api';
import { hoursShort, weekSpanText } from '../../../../shared/format';
import { staffingText } from '../../model/request-list';
import { BudgetBar } from '../board/BudgetBar';

/** Staffing progress (derived by the backend), cost against budget, and each line's coverage. */
export function RequestProgress({ detail }: { detail: RequestDetail }) {
  const headingId = useId();
  return (
    <section className="rq-side-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Progress</h3>
      <p className={`staffing staffing-${detail.staffing.replace(/ /g, '-')}`} data-testid="request-staffing">
        {staffingText(detail)}
      </p>
      <BudgetBar
        costMinor={detail.costMinor}
        budgetMinor={detail.budgetMinor}
        state={detail.budgetState}
        currency={detail.currency}
        minorDigits={detail.minorDigits}
      />
      {detail.lines.length > 0 && (
        <ul className="rq-coverage" role="list">
          {detail.lines.map((l) => (
            <li key={l.ref}>
              <span>
                {l.skill} L{l.minLevel}+ {hoursShort(l.minutesPerWeek)} h/wk, {weekSpanText(l.startWeek, l.endWeek)}
              </span>
              <span className={l.servedMinutes >= l.demandedMinutes ? 'rq-covered' : 'muted'}>
                {hoursShort(l.servedMinutes)} of {hoursShort(l.demandedMinutes)} h served
              </span>
            </li>
          ))}
        </ul>
      )}
      {detail.rejectionReason && (
        <p className="rq-reason" data-testid="rejection-reason">
          Rejected: {detail.rejectionReason}
        </p>
      )}
      {detail.closedWeek && <p className="muted">Closed in {detail.closedWeek}.</p>}
    </section>
  );
}
