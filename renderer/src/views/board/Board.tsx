import { useEffect } from 'react';
import { STAGES } from '../../../../shared/domain';
import { clearBoardFilters, openNewRequest, refresh, useStore } from '../../store';
import { AreaError } from '../../components/AreaError';
import { findByData } from '../../components/findByData';
import { boardFiltersActive, filterCardIds } from '../../model/filters';
import { BoardFiltersBar } from './BoardFilters';
import { Lane } from './Lane';
import { RequestEditor } from '../requests/RequestEditor';

export function Board() {
  const error = useStore((s) => s.errors.board);
  const loaded = useStore((s) => s.boardLoaded);
  const loading = useStore((s) => s.loading.board);
  const shown = useStore((s) => STAGES.reduce((n, stage) => n + filterCardIds(s.laneIds[stage], s.requestsById, s.boardFilters).length, 0));
  const editing = useStore((s) => s.editor?.place === 'dialog');
  useScrollToHighlightedRequest();

  return (
    <main id="board" className="board" aria-labelledby="board-heading" aria-busy={loading}>
      <h2 id="board-heading" className="visually-hidden">
        Board
      </h2>
      {error && <AreaError title="The board could not be loaded" error={error} onRetry={() => void refresh()} />}
      <div className="rq-board-head">
        {loaded && <BoardFiltersBar shown={shown} />}
        <button type="button" className="primary" data-testid="board-new-request" onClick={() => void openNewRequest('dialog')}>
          New request
        </button>
      </div>
      {!loaded && !error ? (
        <p className="empty-note">Loading the board…</p>
      ) : (
        <div className="lanes">
          {STAGES.map((stage) => (
            <Lane key={stage} stage={stage} />
          ))}
        </div>
      )}
      {editing && <RequestEditor />}
    </main>
  );
}

/**
 * Cards stay in the DOM (lanes use content-visibility, not windowing), so a flag's request
 * can be found by its id and scrolled to directly.
 */
function useScrollToHighlightedRequest() {
  const highlight = useStore((s) => s.highlight);
  const filtering = useStore((s) => boardFiltersActive(s.boardFilters));
  useEffect(() => {
    if (!highlight?.requestId) return;
    const card = findByData('request-card', 'requestId', highlight.requestId);
    if (!card) {
      // The flag's request is filtered out: show every card, and this effect runs again.
      if (filtering) clearBoardFilters();
      return;
    }
    card.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    // A request-only flag moves focus to the card; with a specialist too, the row takes it.
    if (!highlight.specialistId) card.focus({ preventScroll: true });
  }, [highlight, filtering]);
}
