import { useId, useMemo } from 'react';
import { PRIORITIES, REQUEST_STATUSES } from '../../../../shared/domain';
import { boardFiltersActive, distinct } from '../../model/filters';
import { clearBoardFilters, setBoardFilters, useStore } from '../../store';
import { countText } from '../../model/format';

/** Status, priority, service and text, over the cards already loaded. */
export function BoardFiltersBar({ shown }: { shown: number }) {
  const filters = useStore((s) => s.boardFilters);
  const byId = useStore((s) => s.requestsById);
  const total = useStore((s) => s.laneIds.design.length + s.laneIds.transition.length + s.laneIds.operation.length);
  const textId = useId();
  const statusId = useId();
  const priorityId = useId();
  const serviceId = useId();
  const services = useMemo(() => distinct(Object.values(byId).map((c) => c.service)), [byId]);
  const active = boardFiltersActive(filters);

  return (
    <form className="filters board-filters" role="search" aria-label="Filter requests" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={textId} className="visually-hidden">
        Search requests
      </label>
      <input
        id={textId}
        type="search"
        className="filter-text"
        placeholder="Search id, title, service, requester"
        value={filters.text}
        onChange={(e) => setBoardFilters({ text: e.target.value })}
      />
      <label htmlFor={statusId} className="visually-hidden">
        Status
      </label>
      <select
        id={statusId}
        value={filters.status}
        onChange={(e) => setBoardFilters({ status: e.target.value as (typeof filters)['status'] })}
      >
        <option value="">Any status</option>
        {REQUEST_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s[0]!.toUpperCase() + s.slice(1)}
          </option>
        ))}
      </select>
      <label htmlFor={priorityId} className="visually-hidden">
        Priority
      </label>
      <select
        id={priorityId}
        value={filters.priority}
        onChange={(e) => setBoardFilters({ priority: e.target.value as (typeof filters)['priority'] })}
      >
        <option value="">Any priority</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p[0]!.toUpperCase() + p.slice(1)}
          </option>
        ))}
      </select>
      <label htmlFor={serviceId} className="visually-hidden">
        Service
      </label>
      <select id={serviceId} value={filters.service} onChange={(e) => setBoardFilters({ service: e.target.value })}>
        <option value="">Any service</option>
        {services.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      {active && (
        <>
          <span className="filter-count" data-testid="board-filter-count">
            {countText(shown)} of {countText(total)} requests
          </span>
          <button type="button" className="link-button" onClick={clearBoardFilters}>
            Clear
          </button>
        </>
      )}
    </form>
  );
}
