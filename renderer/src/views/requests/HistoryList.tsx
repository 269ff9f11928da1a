import { useId } from 'react';
import type { RequestHistoryEntry } from '../../../../shared/api';
import { REQUEST_STATUSES, type RequestStatus } from '../../../../shared/domain';
import { STATUS_LABELS } from '../../../../shared/format';
import { FIELD_LABELS } from '../../model/request-form';
import { utcDateTimeText } from '../../model/request-list';

const isStatus = (v: string | null): v is RequestStatus => v !== null && (REQUEST_STATUSES as readonly string[]).includes(v);

function valueText(what: string, value: string | null): string {
  if (value === null || value === '') return '—';
  return (what === 'status' || what === 'created') && isStatus(value) ? STATUS_LABELS[value] : value;
}

/** Every change of the request, newest first: when (UTC), what, before -> after, and the reason given. */
export function HistoryList({ history }: { history: readonly RequestHistoryEntry[] }) {
  const headingId = useId();
  const entries = [...history].reverse();
  return (
    <section className="rq-side-section" aria-labelledby={headingId}>
      <h3 id={headingId}>History</h3>
      {entries.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <ol className="rq-history" reversed data-testid="request-history">
          {entries.map((e, i) => (
            <li key={`${e.at}:${i}`}>
              <time dateTime={e.at}>{utcDateTimeText(e.at)}</time>
              <span className="rq-history-what">{FIELD_LABELS[e.what] ?? e.what}</span>
              <span className="rq-history-change">
                {valueText(e.what, e.before)} <span aria-label="changed to">→</span> {valueText(e.what, e.after)}
              </span>
              {e.reason && <span className="rq-history-reason">Reason: {e.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
