// The print page renders these under tsx too (web host, CLI), which reads no tsconfig for
// them: the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import { useId, type ReactNode } from 'react';
import type { Stage } from '../../../../../shared/domain';
import { REPORT_CHARTS_CSS } from './charts-css';

export const STAGE_NAME: Record<Stage, string> = { design: 'Design', transition: 'Transition', operation: 'Operation' };

/** React 19 hoists this into the head once per document, however many charts render. */
export function ChartStyles() {
  return (
    <style href="tm-report-charts" precedence="default">
      {REPORT_CHARTS_CSS}
    </style>
  );
}

/** Ids for one chart's caption and patterns; useId's text made safe inside `url(#…)`. */
export function useChartIds(): { caption: string; hatch: string; after: string } {
  const base = `rc${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  return { caption: `${base}-caption`, hatch: `${base}-hatch`, after: `${base}-after` };
}

/**
 * Diagonal stripes drawn over a mark whose colour carries a warning (over-allocated,
 * overrun, gap) and dots for what is only planned: colour is never the only sign.
 */
export function ChartPatterns({ ids }: { ids: { hatch: string; after: string } }) {
  return (
    <defs>
      <pattern id={ids.hatch} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line className="rc-hatch-line" x1="0" y1="0" x2="0" y2="5" />
      </pattern>
      <pattern id={ids.after} width="4" height="4" patternUnits="userSpaceOnUse">
        <circle className="rc-dot" cx="2" cy="2" r="1.2" />
      </pattern>
    </defs>
  );
}

/** A label that fits a fixed column: SVG text has no ellipsis, and Node cannot measure. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** The same figures as the chart, for screen readers and anyone who wants the numbers. */
export function TableAlternative({ summary = 'Show as table', children }: { summary?: string; children: ReactNode }) {
  return (
    <details className="rc-table-toggle">
      <summary>{summary}</summary>
      <div>{children}</div>
    </details>
  );
}

/** A legend swatch: the mark's class, and the stripes when the mark carries them. */
export function Swatch({ className, pattern, marker }: { className: string; pattern?: string; marker?: boolean }) {
  return (
    <svg width="14" height="12" aria-hidden="true" focusable="false">
      <rect className={className} width="14" height="12" rx="2" />
      {pattern && <rect width="14" height="12" fill={`url(#${pattern})`} />}
      {marker && <path className="rc-marker" d="M6 0H14V8Z" />}
    </svg>
  );
}
