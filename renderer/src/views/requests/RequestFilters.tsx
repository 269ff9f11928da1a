import { useId, useMemo } from 'react';
import type { RequestRow } from '../../../../shared/api';
import { REQUEST_STATUSES, STAGES } from '../../../../shared/domain';
import { STATUS_LABELS } from '../../../../shared/format';
import { distinct } from '../../model/filters';
import { requestFiltersActive } from '../../model/request-list';
import { NO_REQUEST_FILTERS, setRequestFilters, useStore } from '../../store';
import type { RequestFilters as Filters } from '../../store/types';
import { STAGE_TITLE } from '../board/Lane';
import { requestCountText } from './RequestsTable';

/** Stage, status, requester and text, over every request of the plan (the list holds them all). */
export function RequestFilters({ rows, shown }: { rows: readonly RequestRow[]; shown: number }) {
  const filters = useStore((s) => s.requestFilters);
  const requesters = useMemo(() => distinct(rows.map((r) => r.requester)), [rows]);
  const ids = { text: useId(), stage: useId(), status: useId(), requester: useId() };
  const active = requestFiltersActive(filters);

  return (
    <form className="rq-filters" role="search" aria-label="Filter requests" onSubmit={(e) => e.preventDefault()}>
      <div className="rq-filter rq-filter-text">
        <label htmlFor={ids.text}>Search</label>
        <input
          id={ids.text}
          type="search"
          data-testid="request-filter-text"
          placeholder="Id, title, service, requester"
          value={filters.text}
          onChange={(e) => setRequestFilters({ text: e.target.value })}
        />
      </div>
      <div className="rq-filter">
        <label htmlFor={ids.stage}>Stage</label>
        <select
          id={ids.stage}
          data-testid="request-filter-stage"
          value={filters.stage}
          onChange={(e) => setRequestFilters({ stage: e.target.value as Filters['stage'] })}
        >
          <option value="">Any stage</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_TITLE[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="rq-filter">
        <label htmlFor={ids.status}>Status</label>
        <select
          id={ids.status}
          data-testid="request-filter-status"
          value={filters.status}
          onChange={(e) => setRequestFilters({ status: e.target.value as Filters['status'] })}
        >
          <option value="">Any status</option>
          {REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="rq-filter">
        <label htmlFor={ids.requester}>Requester</label>
        <select
          id={ids.requester}
          data-testid="request-filter-requester"
          value={filters.requester}
          onChange={(e) => setRequestFilters({ requester: e.target.value })}
        >
          <option value="">Anyone</option>
          {requesters.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <p className="rq-filter-count" data-testid="request-count" role="status">
        {requestCountText(shown, rows.length)}
      </p>
      {active && (
        <button type="button" className="link-button" onClick={() => setRequestFilters(NO_REQUEST_FILTERS)}>
          Clear filters
        </button>
      )}
    </form>
  );
}
