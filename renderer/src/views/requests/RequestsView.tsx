import { useEffect, useId, useMemo } from 'react';
import { AreaError } from '../../components/AreaError';
import { shownRequests } from '../../model/request-list';
import { loadRequests, openNewRequest, openRequest, useStore } from '../../store';
import { ImportButton } from './ImportDialog';
import { RequestEditor } from './RequestEditor';
import { RequestFilters } from './RequestFilters';
import { RequestsTable } from './RequestsTable';
import './requests.css';

/** The Requests tab: every request of the plan, or the one request its address names (#requests/R12). */
export function RequestsView() {
  const plan = useStore((s) => s.plan);
  const editing = useStore((s) => s.editor?.place === 'view');
  // Read afresh whenever the view opens or another plan (or a changed plan file) is loaded.
  useEffect(() => {
    if (plan) void loadRequests();
  }, [plan]);

  return (
    <main id="requests" className="rq-view" data-testid="requests-view">
      {editing ? <RequestEditor /> : <RequestList />}
    </main>
  );
}

function RequestList() {
  const list = useStore((s) => s.requestList);
  const error = useStore((s) => s.requestListError);
  const loading = useStore((s) => s.requestListLoading);
  const filters = useStore((s) => s.requestFilters);
  const sort = useStore((s) => s.requestSort);
  const headingId = useId();
  const rows = useMemo(() => (list ? shownRequests(list.requests, filters, sort) : []), [list, filters, sort]);

  return (
    <section className="rq-list" aria-labelledby={headingId} aria-busy={loading}>
      <div className="rq-toolbar">
        <h2 id={headingId}>Requests</h2>
        <div className="rq-toolbar-actions">
          <ImportButton />
          <button type="button" className="primary" data-testid="new-request" onClick={() => void openNewRequest('view')}>
            New request
          </button>
        </div>
      </div>
      {error && <AreaError title="The requests could not be loaded" error={error} onRetry={() => void loadRequests()} />}
      {list && <RequestFilters rows={list.requests} shown={rows.length} />}
      {!list ? (
        !error && <p className="empty-note">Loading the requests…</p>
      ) : list.requests.length === 0 ? (
        <p className="empty-note">No requests in this plan yet. Create one with New request, or import a request file.</p>
      ) : rows.length === 0 ? (
        <p className="empty-note">No request matches the filters.</p>
      ) : (
        <RequestsTable
          rows={rows}
          currency={list.currency}
          minorDigits={list.minorDigits}
          labelledBy={headingId}
          onOpen={(r) => void openRequest({ ref: r.ref, id: r.id }, 'view')}
        />
      )}
    </section>
  );
}
