import { memo, useId, useMemo, useState } from 'react';
import { FLAG_KINDS, weekLabel, type Flag, type FlagKind } from '../../../../shared/domain';
import { AreaError } from '../../components/AreaError';
import { WindowedRows } from '../../components/WindowedRows';
import { useWindowedList } from '../../hooks/useWindowedList';
import { refresh, showFlagSubject, useStore } from '../../store';

export const FLAG_ROW_HEIGHT = 56;

export const FLAG_KIND_TEXT: Record<FlagKind, string> = {
  over_allocation: 'Over-allocation',
  cost_overrun: 'Cost overrun',
  cost_at_risk: 'Cost at risk',
  skill_mismatch: 'Skill mismatch',
  outside_window: 'Outside window',
  unfilled_demand: 'Unfilled demand',
  leave_conflict: 'Leave conflict',
  inactive_request: 'Inactive request',
};

// Counts here are plain digits, not locale-grouped: the total is a test hook read as a number,
// and the kind counts beside it must read the same way.
export function FlagsPanel() {
  const flags = useStore((s) => s.flags);
  const counts = useStore((s) => s.flagCounts);
  const loaded = useStore((s) => s.flagsLoaded);
  const loading = useStore((s) => s.loading.flags);
  const error = useStore((s) => s.errors.flags);
  const missing = useStore((s) => s.highlight?.missing ?? null);
  const [only, setOnly] = useState<FlagKind | null>(null);
  const headingId = useId();

  const shown = useMemo(() => (only ? flags.filter((f) => f.kind === only) : flags), [flags, only]);
  const list = useWindowedList<HTMLDivElement>({ count: shown.length, rowHeight: FLAG_ROW_HEIGHT });

  return (
    <section className="panel flags-panel" aria-labelledby={headingId} aria-busy={loading}>
      <div className="panel-head">
        <h2 id={headingId}>
          Flags{' '}
          <span className="panel-count" data-testid="flag-count">
            {flags.length}
          </span>
        </h2>
        {only && (
          <button type="button" className="link-button" onClick={() => setOnly(null)}>
            Show all
          </button>
        )}
      </div>
      {error && <AreaError title="Flags could not be loaded" error={error} onRetry={() => void refresh()} />}
      <div className="flag-kinds" role="group" aria-label="Flags by kind (choose one to list only those)">
        {FLAG_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`kind-chip kind-${kind}`}
            data-flag-kind-count={kind}
            aria-pressed={only === kind}
            disabled={counts[kind] === 0 && only !== kind}
            onClick={() => setOnly(only === kind ? null : kind)}
          >
            <span className="kind-dot" aria-hidden="true" />
            {FLAG_KIND_TEXT[kind]} <span className="kind-count">{counts[kind] ?? 0}</span>
          </button>
        ))}
      </div>
      {missing && (
        <p className="flag-missing" role="status">
          {missing}.
        </p>
      )}
      <WindowedRows
        list={list}
        labelledBy={headingId}
        rowKey={(i) => `${only ?? 'all'}:${i}`}
        renderRow={(i) => <FlagItem flag={shown[i]!} />}
        placeholder={
          loaded && shown.length === 0 ? (
            <p className="empty-note">{only ? `No ${FLAG_KIND_TEXT[only].toLowerCase()} flags.` : 'No flags in these weeks.'}</p>
          ) : !loaded && !error ? (
            <p className="empty-note">Loading flags…</p>
          ) : undefined
        }
      />
    </section>
  );
}

const FlagItem = memo(function FlagItem({ flag }: { flag: Flag }) {
  return (
    <button
      type="button"
      className={`flag-item kind-${flag.kind}`}
      data-testid="flag-item"
      data-flag-kind={flag.kind}
      data-request-id={flag.requestId ?? undefined}
      data-specialist-id={flag.specialistId ?? undefined}
      title={flag.detail}
      onClick={() => showFlagSubject(flag)}
    >
      <span className="flag-line">
        <span className="kind-dot" aria-hidden="true" />
        <span className="flag-kind">{FLAG_KIND_TEXT[flag.kind]}</span>
        {flag.week && (
          <span className="flag-week" title={flag.week}>
            {weekLabel(flag.week)}
          </span>
        )}
      </span>
      <span className="flag-detail">{flag.detail}</span>
    </button>
  );
});
