import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { countText } from '../../model/format';
import { HistoryControls } from './HistoryControls';
import { WeekRangePicker } from './WeekRangePicker';

export function Header() {
  const { name, currency, counts } = useStore(
    useShallow((s) => ({ name: s.plan?.name ?? null, currency: s.plan?.currency ?? null, counts: s.plan?.counts ?? null })),
  );
  // The Reports view has its own weeks in its filters: two ranges on one screen would confuse.
  const ownWeeks = useStore((s) => s.mainView === 'reports');
  const busy = useStore((s) => s.loading.plan || s.loading.board || s.loading.specialists || s.loading.flags);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-app">TM Planner</span>
        <h1 className="plan-name" title={name ?? undefined}>
          {name ?? 'No plan open'}
        </h1>
        {currency && (
          <span className="badge badge-currency" title="Plan currency">
            {currency}
          </span>
        )}
        {counts && (
          <span className="plan-counts">
            {countText(counts.specialists)} specialists · {countText(counts.requests)} requests
          </span>
        )}
      </div>
      {name !== null && !ownWeeks && <WeekRangePicker />}
      {name !== null && <HistoryControls />}
      <p className="loading-note" role="status" aria-live="polite">
        {busy ? 'Loading…' : ''}
      </p>
    </header>
  );
}
