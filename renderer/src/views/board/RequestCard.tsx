import { memo, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CardPerson, DemandCoverage } from '../../../../shared/api';
import { weekLabel } from '../../../../shared/domain';
import { useStore } from '../../store';
import { coverageView, hoursText, weekSpanText, weekTitle } from '../../model/format';
import { BudgetBar } from './BudgetBar';

/** One card; it reads only its own request, so a change elsewhere does not re-render it. */
export const RequestCardView = memo(function RequestCardView({ id }: { id: string }) {
  const card = useStore((s) => s.requestsById[id]);
  const highlighted = useStore((s) => s.highlight?.requestId === id);
  const flagCount = useStore((s) => s.flagCountByRequest[id] ?? 0);
  const money = useStore(useShallow((s) => ({ currency: s.plan?.currency ?? '', minorDigits: s.plan?.minorDigits ?? 2 })));
  const titleId = useId();
  if (!card) return null;

  return (
    <article
      className={`card${highlighted ? ' is-highlighted' : ''}`}
      data-testid="request-card"
      data-request-id={card.id}
      data-highlighted={highlighted || undefined}
      aria-labelledby={titleId}
      // Focusable so the keyboard can reach it now, and pick a drop target later.
      tabIndex={0}
    >
      <div className="card-top">
        <span className="card-id">{card.id}</span>
        <span className={`badge priority priority-${card.priority}`} title="Priority">
          {card.priority}
        </span>
        <span className={`badge status status-${card.status}`} title="Status">
          {card.status}
        </span>
        {flagCount > 0 && (
          <span className="badge badge-flags" title="Open flags on this request in the visible weeks">
            {flagCount} {flagCount === 1 ? 'flag' : 'flags'}
          </span>
        )}
      </div>
      <h4 id={titleId} className="card-title">
        {card.title}
      </h4>
      <dl className="card-meta">
        <div>
          <dt>Service</dt>
          <dd>{card.service ?? '—'}</dd>
        </div>
        <div>
          <dt>Requester</dt>
          <dd>{card.requester ?? '—'}</dd>
        </div>
        <div>
          <dt>Weeks</dt>
          <dd title={`${weekTitle(card.startWeek)} to ${weekTitle(card.endWeek)}`}>{weekSpanText(card.startWeek, card.endWeek)}</dd>
        </div>
      </dl>
      <section className="card-demand" aria-label="Demand">
        <p className={`staffing staffing-${card.staffing.replace(/ /g, '-')}`}>{card.staffing}</p>
        {card.demand.length > 0 && (
          <ul role="list">
            {card.demand.map((line) => (
              <DemandLineView key={line.ref} line={line} />
            ))}
          </ul>
        )}
      </section>
      <BudgetBar costMinor={card.costMinor} budgetMinor={card.budgetMinor} state={card.budgetState} {...money} />
      {card.people.length > 0 && (
        <ul className="card-people" role="list" aria-label="Specialists on this request (hours in the visible weeks)">
          {card.people.map((p) => (
            <PersonChip key={p.specialistRef} person={p} />
          ))}
        </ul>
      )}
    </article>
  );
});

function DemandLineView({ line }: { line: DemandCoverage }) {
  const view = coverageView(line);
  const explain = view.week
    ? view.uniform
      ? 'Same in every visible week of the line.'
      : `Lowest visible week: ${view.week}.`
    : 'The line has no weeks in the visible range.';
  return (
    <li className={`demand demand-${view.state}`} data-demand-ref={line.ref}>
      <span className="demand-text" title={explain}>
        {view.text}
      </span>
      {view.weeks.length > 0 && (
        <span className="demand-weeks" aria-hidden="true">
          {view.weeks.map((w) => (
            <span key={w.week} className={`demand-week demand-week-${w.state}`} title={`${w.week}: ${hoursText(w.served)} of ${hoursText(w.demanded)} h`} />
          ))}
        </span>
      )}
      {view.showWeek && view.week && <span className="demand-note">lowest in {weekLabel(view.week)}</span>}
    </li>
  );
}

function PersonChip({ person }: { person: CardPerson }) {
  const tentative = person.tentativeMinutes > 0;
  return (
    <li
      className={`person${tentative ? ' person-tentative' : ''}`}
      data-specialist-id={person.specialistId}
      title={tentative ? `${hoursText(person.tentativeMinutes)} h of it tentative` : undefined}
    >
      <span className="person-name">{person.name}</span> <span className="person-hours">{hoursText(person.minutes)} h</span>
      {tentative && <span className="visually-hidden"> ({hoursText(person.tentativeMinutes)} h tentative)</span>}
    </li>
  );
}
