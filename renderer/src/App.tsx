import { useEffect } from 'react';
import { AreaError } from './components/AreaError';
import { ViewTabs } from './components/ViewTabs';
import { loadPlan, subscribeToMenu, subscribeToShell, useStore } from './store';
import { Board } from './views/board/Board';
import { FlagsPanel } from './views/flags/FlagsPanel';
import { ReportsView } from './views/reports/ReportsView';
import { RequestsView } from './views/requests/RequestsView';
import { Header } from './views/header/Header';
import { BoardDnd } from './views/planning/BoardDnd';
import { SpecialistsPanel } from './views/specialists/SpecialistsPanel';
import { Timeline } from './views/timeline/Timeline';

export function App() {
  useEffect(() => {
    const unsubscribe = subscribeToShell();
    const unsubscribeMenu = subscribeToMenu();
    void loadPlan();
    return () => {
      unsubscribe();
      unsubscribeMenu();
    };
  }, []);

  const planError = useStore((s) => s.errors.plan);
  const hasPlan = useStore((s) => s.plan !== null);
  const view = useStore((s) => s.mainView);

  return (
    <div className="app">
      <a className="skip-link" href={!hasPlan || view === 'board' ? '#board' : view === 'timeline' ? '#timeline-view' : `#${view}`}>
        Skip to the {!hasPlan || view === 'board' ? 'board' : view}
      </a>
      <Header />
      {planError ? (
        <main className="plan-error" id="board">
          <AreaError
            title={planError.code === 'no-plan-open' ? 'No plan is open' : 'The plan could not be opened'}
            error={planError}
            onRetry={() => void loadPlan()}
          />
        </main>
      ) : !hasPlan ? (
        <main className="plan-loading" id="board" aria-busy="true">
          <p className="empty-note">Opening the plan…</p>
        </main>
      ) : (
        <div className={`workspace${view === 'board' ? '' : ` workspace-${view}`}`}>
          <div className="main-view">
            <ViewTabs />
            {view === 'timeline' ? <Timeline /> : view === 'requests' ? <RequestsView /> : view === 'reports' ? <ReportsView /> : <Board />}
          </div>
          {/* The requests table and the reports need the width; their rows carry their own cost and staffing. */}
          {view !== 'requests' && view !== 'reports' && (
            <aside className="side" aria-label={view === 'timeline' ? 'Flags' : 'Specialists and flags'}>
              {/* Specialists drag from here onto the board's cards, which need no drag context (BoardDnd says why). */}
              {view === 'board' && (
                <BoardDnd>
                  <SpecialistsPanel />
                </BoardDnd>
              )}
              <FlagsPanel />
            </aside>
          )}
        </div>
      )}
    </div>
  );
}
