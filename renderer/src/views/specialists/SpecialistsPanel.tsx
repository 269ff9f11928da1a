import { useEffect, useId, useMemo, useRef } from 'react';
import type { DemandCoverage, SpecialistRow } from '../../../../shared/api';
import { weekLabel } from '../../../../shared/domain';
import { weeksSpanText } from '../../../../shared/format';
import { explainedFits, type ExplainedFit } from '../../model/planning-text';
import { AreaError } from '../../components/AreaError';
import { WindowedRows } from '../../components/WindowedRows';
import { useWindowedList } from '../../hooks/useWindowedList';
import { countText, hoursText, weekTitle } from '../../model/format';
import { specialistFiltersActive, specialistMatches } from '../../model/filters';
import { clearSelectedLine, clearSpecialistFilters, refresh, useStore, type SelectedLine } from '../../store';
import { findByData } from '../../components/findByData';
import { SpecialistFiltersBar } from './SpecialistFilters';
import { SpecialistRowView } from './SpecialistRow';

/** Fixed so the list can be windowed; styles.css sizes .specialist-row to match. */
export const SPECIALIST_ROW_HEIGHT = 68;
/** A ranked row adds a line saying why it ranks where it does. */
export const RANKED_ROW_HEIGHT = 86;

export function SpecialistsPanel() {
  const total = useStore((s) => s.specialistIds.length);
  const weeks = useStore((s) => s.specialistWeeks);
  const loaded = useStore((s) => s.specialistsLoaded);
  const loading = useStore((s) => s.loading.specialists);
  const error = useStore((s) => s.errors.specialists);
  const headingId = useId();
  const { ids, fits, line } = useShownSpecialists();
  const rowHeight = fits ? RANKED_ROW_HEIGHT : SPECIALIST_ROW_HEIGHT;
  const list = useWindowedList<HTMLDivElement>({ count: ids.length, rowHeight });
  useScrollToHighlightedSpecialist(ids, list.scrollToIndex);

  return (
    <section className="panel specialists-panel" aria-labelledby={headingId} aria-busy={loading}>
      <div className="panel-head">
        <h2 id={headingId}>
          Specialists{' '}
          <span className="panel-count" data-testid="specialist-count">
            {ids.length === total ? countText(total) : `${countText(ids.length)} of ${countText(total)}`}
          </span>
        </h2>
        <p className="panel-hint">Free hours per week · drag onto a request</p>
      </div>
      <SpecialistFiltersBar />
      {line && <RankingNote line={line} />}
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
      <WindowedRows
        list={list}
        labelledBy={headingId}
        rowKey={(i) => ids[i]!}
        renderRow={(i) => {
          const fit = fits?.get(ids[i]!);
          return <SpecialistRowView id={ids[i]!} fitRank={fit?.rank} fitTier={fit?.tier} fitReason={fit?.reason} />;
        }}
        placeholder={
          loaded && total === 0 ? (
            <p className="empty-note">No active specialists in this plan.</p>
          ) : loaded && ids.length === 0 ? (
            <p className="empty-note">
              No specialist matches the filters.{' '}
              <button type="button" className="link-button" onClick={clearSpecialistFilters}>
                Clear filters
              </button>
            </p>
          ) : !loaded && !error ? (
            <p className="empty-note">Loading specialists…</p>
          ) : undefined
        }
      />
    </section>
  );
}

interface RankedLine {
  selected: SelectedLine;
  line: DemandCoverage;
}

/** The rows to list: filtered, and ranked by fit while a demand line is selected. */
function useShownSpecialists(): { ids: readonly string[]; fits: Map<string, ExplainedFit> | null; line: RankedLine | null } {
  const allIds = useStore((s) => s.specialistIds);
  const byId = useStore((s) => s.specialistsById);
  const filters = useStore((s) => s.specialistFilters);
  const selected = useStore((s) => s.selectedLine);
  const line = useStore((s) =>
    s.selectedLine ? s.requestsById[s.selectedLine.requestId]?.demand.find((l) => l.ref === s.selectedLine!.lineRef) : undefined,
  );
  const minorDigits = useStore((s) => s.plan?.minorDigits ?? 2);
  return useMemo(() => {
    let rows: SpecialistRow[] | null = null;
    let ids = allIds;
    if (specialistFiltersActive(filters)) {
      rows = allIds.map((id) => byId[id]!).filter((s) => s !== undefined && specialistMatches(s, filters));
      ids = rows.map((s) => s.id);
    }
    if (!selected || !line) return { ids, fits: null, line: null };
    const ranked = explainedFits(rows ?? allIds.map((id) => byId[id]!).filter(Boolean), line, minorDigits);
    return { ids: ranked.map((f) => f.id), fits: new Map(ranked.map((f) => [f.id, f])), line: { selected, line } };
  }, [allIds, byId, filters, selected, line, minorDigits]);
}

function RankingNote({ line: { selected, line } }: { line: RankedLine }) {
  return (
    <div className="ranking-note" role="status" data-testid="ranking-note">
      <p>
        Ranked by fit for{' '}
        <strong>
          {selected.requestId} {line.skill} L{line.minLevel}+
        </strong>{' '}
        {hoursText(line.minutesPerWeek)} h/wk
        {line.weeks.length > 0 ? ` in ${weeksSpanText(line.weeks.map((w) => w.week))}` : ', not in these weeks'}
      </p>
      <button type="button" className="link-button" onClick={clearSelectedLine}>
        Stop ranking
      </button>
    </div>
  );
}

function useScrollToHighlightedSpecialist(ids: readonly string[], scrollToIndex: (i: number) => void) {
  const highlight = useStore((s) => s.highlight);
  const filtering = useStore((s) => specialistFiltersActive(s.specialistFilters));
  // Each highlight scrolls once: the list changing under it later must not yank it back.
  const handled = useRef<typeof highlight>(null);

  useEffect(() => {
    const id = highlight?.specialistId;
    if (!id || handled.current === highlight) return;
    const index = ids.indexOf(id);
    if (index < 0) {
      // The flag's specialist is filtered out: show everyone, and this effect runs again.
      if (filtering) clearSpecialistFilters();
      return;
    }
    handled.current = highlight;
    scrollToIndex(index);
    // The row exists only once the new window has rendered.
    let focused = false;
    const frame = requestAnimationFrame(() => {
      focused = true;
      findByData('specialist-row', 'specialistId', id)?.focus({ preventScroll: true });
    });
    return () => {
      if (focused) return;
      // Run again before the row was focused (the list changed in the same frame): scroll and focus afresh.
      cancelAnimationFrame(frame);
      handled.current = null;
    };
  }, [highlight, ids, filtering, scrollToIndex]);
}
