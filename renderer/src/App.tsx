import { useEffect } from 'react';
import { AreaError } from './components/AreaError';
import { loadPlan, subscribeToShell, useStore } from './store';
import { Board } from './views/board/Board';
import { FlagsPanel } from './views/flags/FlagsPanel';
import { Header } from './views/header/Header';
import { SpecialistsPanel } from './views/specialists/SpecialistsPanel';

export function App() {
  useEffect(() => {
    const unsubscribe = subscribeToShell();
    void loadPlan();
    return unsubscribe;
  }, []);

  const planError = useStore((s) => s.errors.plan);
  const hasPlan = useStore((s) => s.plan !== null);

  return (
    <div className="app">
      <a className="skip-link" href="#board">
        Skip to the board
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
        <div className="workspace">
          <Board />
          <aside className="side" aria-label="Specialists and flags">
            <SpecialistsPanel />
            <FlagsPanel />
          </aside>
        </div>
      )}
    </div>
  );
}
