import { memo, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CardPerson, DemandCoverage } from '../../../../shared/api';
import { weekLabel } from '../../../../shared/domain';
import { openRequest, toggleSelectedLine, useStore } from '../../store';
import { coverageView, hoursText, weekSpanText, weekTitle } from '../../model/format';
import { CardDropZone, LineDropZone } from '../planning/DropZones';
import { BudgetBar } from './BudgetBar';

/**
 * One card; it reads only its own request, so a change elsewhere does not re-render it.
 * The drop zones around it re-render while a drag moves between targets, its content does not.
 */
export const RequestCardView = memo(function RequestCardView({ id }: { id: string }) {
  const card = useStore((s) => s.requestsById[id]);
  const highlighted = useStore((s) => s.highlight?.requestId === id);
  const flagCount = useStore((s) => s.flagCountByRequest[id] ?? 0);
  const money = useStore(useShallow((s) => ({ currency: s.plan?.currency ?? '', minorDigits: s.plan?.minorDigits ?? 2 })));
  const titleId = useId();
  if (!card) return null;

  return (
    <CardDropZone requestId={card.id} stage={card.stage} highlighted={highlighted} labelledBy={titleId}>
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
              <DemandLineView key={line.ref} requestId={card.id} stage={card.stage} line={line} />
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
      {/* At the foot of the card, not in its top row: the flags badge arrives after the card,
          and a button beside it would wrap the row and move the card's lines under the pointer. */}
      <div className="card-actions">
        <button
          type="button"
          className="link-button card-edit"
          data-testid="edit-request"
          aria-label={`Edit ${card.id}`}
          onClick={() => void openRequest({ ref: card.ref, id: card.id }, 'dialog')}
        >
          Edit
        </button>
      </div>
    </CardDropZone>
  );
});

/** A demand line: a drop target, and a button that ranks the specialists by fit for it. */
const DemandLineView = memo(function DemandLineView({
  requestId,
  stage,
  line,
}: {
  requestId: string;
  stage: string;
  line: DemandCoverage;
}) {
  const selected = useStore((s) => s.selectedLine?.requestId === requestId && s.selectedLine.lineRef === line.ref);
  const view = coverageView(line);
  const explain = view.week
    ? view.uniform
      ? 'Same in every visible week of the line.'
      : `Lowest visible week: ${view.week}.`
    : 'The line has no weeks in the visible range.';
  return (
    <LineDropZone
      requestId={requestId}
      lineRef={line.ref}
      stage={stage}
      className={`demand demand-${view.state}${selected ? ' is-selected' : ''}`}
    >
      <button
        type="button"
        className="demand-text"
        title={`${explain} ${selected ? 'Click again to stop ranking.' : 'Click to rank specialists by fit for this line.'}`}
        aria-pressed={selected}
        onClick={() => toggleSelectedLine({ requestId, lineRef: line.ref })}
      >
        {view.text}
      </button>
      {view.weeks.length > 0 && (
        <span className="demand-weeks" aria-hidden="true">
          {view.weeks.map((w) => (
            <span
              key={w.week}
              className={`demand-week demand-week-${w.state}`}
              title={`${w.week}: ${hoursText(w.served)} of ${hoursText(w.demanded)} h`}
            />
          ))}
        </span>
      )}
      {view.showWeek && view.week && <span className="demand-note">lowest in {weekLabel(view.week)}</span>}
    </LineDropZone>
  );
});

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
