import { showView, useStore } from '../store';
import type { MainView } from '../store/types';
import './view-tabs.css';

const VIEWS: { view: MainView; label: string }[] = [
  { view: 'board', label: 'Board' },
  { view: 'timeline', label: 'Timeline' },
  { view: 'requests', label: 'Requests' },
  { view: 'reports', label: 'Reports' },
];

/** Board | Timeline | Requests | Reports. Plain buttons marking the current one. */
export function ViewTabs() {
  const current = useStore((s) => s.mainView);
  return (
    <nav className="view-tabs" aria-label="Views">
      {VIEWS.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          data-testid={`view-${view}`}
          aria-current={current === view ? 'page' : undefined}
          // Requests goes to the list, also from a request open in it.
          onClick={() => void showView(view)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
