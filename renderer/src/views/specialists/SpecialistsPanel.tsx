import { useEffect, useId, useRef } from 'react';
import { weekLabel } from '../../../../shared/domain';
import { AreaError } from '../../components/AreaError';
import { useWindowedList } from '../../hooks/useWindowedList';
import { countText, weekTitle } from '../../model/format';
import { refresh, useStore } from '../../store';
import { findByData } from '../../components/findByData';
import { SpecialistRowView } from './SpecialistRow';

/** Fixed so the list can be windowed; styles.css sizes .specialist-row to match. */
export const SPECIALIST_ROW_HEIGHT = 68;

export function SpecialistsPanel() {
  const ids = useStore((s) => s.specialistIds);
  const weeks = useStore((s) => s.specialistWeeks);
  const loaded = useStore((s) => s.specialistsLoaded);
  const loading = useStore((s) => s.loading.specialists);
  const error = useStore((s) => s.errors.specialists);
  const headingId = useId();
  const list = useWindowedList<HTMLDivElement>({ count: ids.length, rowHeight: SPECIALIST_ROW_HEIGHT });
  useScrollToHighlightedSpecialist(ids, list.scrollToIndex);

  const rows = [];
  for (let i = list.start; i < list.end; i++) {
    const id = ids[i]!;
    rows.push(
      <li
        key={id}
        className="vrow"
        style={{ transform: `translateY(${i * SPECIALIST_ROW_HEIGHT}px)`, height: SPECIALIST_ROW_HEIGHT }}
        aria-setsize={ids.length}
        aria-posinset={i + 1}
      >
        <SpecialistRowView id={id} />
      </li>,
    );
  }

  return (
    <section className="panel specialists-panel" aria-labelledby={headingId} aria-busy={loading}>
      <div className="panel-head">
        <h2 id={headingId}>
          Specialists <span className="panel-count">{countText(ids.length)}</span>
        </h2>
        <p className="panel-hint">Free hours per week</p>
      </div>
      {error && <AreaError title="Specialists could not be loaded" error={error} onRetry={() => void refresh()} />}
      {weeks.length > 0 && (
        <div className="specialist-columns" aria-hidden="true">
          <span className="specialist-columns-who" />
          <span className="week-cells" style={{ gridTemplateColumns: `repeat(${weeks.length}, minmax(0, 1fr))` }}>
            {weeks.map((w) => (
              <span key={w} className="week-head" title={weekTitle(w)}>
                {weekLabel(w)}
              </span>
            ))}
          </span>
        </div>
      )}
      <div className="vlist" ref={list.containerRef} tabIndex={-1}>
        {loaded && ids.length === 0 ? (
          <p className="empty-note">No active specialists in this plan.</p>
        ) : !loaded && !error ? (
          <p className="empty-note">Loading specialists…</p>
        ) : (
          <ul className="vlist-inner" role="list" aria-labelledby={headingId} style={{ height: list.totalHeight }}>
            {rows}
          </ul>
        )}
      </div>
    </section>
  );
}

function useScrollToHighlightedSpecialist(ids: readonly string[], scrollToIndex: (i: number) => void) {
  const highlight = useStore((s) => s.highlight);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const id = highlight?.specialistId;
    if (!id) return;
    const index = ids.indexOf(id);
    if (index < 0) return;
    scrollToIndex(index);
    pendingFocus.current = id;
    // The row exists only once the new window has rendered.
    const frame = requestAnimationFrame(() => {
      if (pendingFocus.current !== id) return;
      pendingFocus.current = null;
      findByData('specialist-row', 'specialistId', id)?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
    // Only a new highlight scrolls; ids changing under it must not yank the list back.
  }, [highlight]);
}
