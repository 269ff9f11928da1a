/**
 * The charts' style as a string, not a .css file: the same components render in Node for
 * the print page (which imports no stylesheets and loads nothing), and each chart puts
 * this in a hoisted `<style>` React keeps once per document. Colours are variables: light,
 * dark (prefers-color-scheme) and print values, and every meaning colour carries is also
 * drawn as a pattern, a marker or words.
 */
export const REPORT_CHARTS_CSS = `
.report-chart {
  --rc-text: #1f2937;
  --rc-muted: #5b6472;
  --rc-grid: #d7dbe1;
  --rc-surface: #ffffff;
  --rc-focus: #1a5fd6;
  --rc-u-none: #e4e6ea;
  --rc-u-low: #dce9f8;
  --rc-u-mid: #93bbe9;
  --rc-u-high: #2f6cc0;
  --rc-u-over: #c42b37;
  --rc-hatch: #ffffff;
  --rc-marker: #c42b37;
  --rc-cost: #2f6cc0;
  --rc-budget: #374151;
  --rc-within: #2e8b57;
  --rc-risk: #b86a00;
  --rc-overrun: #c42b37;
  --rc-demand: #c3cad5;
  --rc-unfilled: #d98a1c;
  --rc-free: #2e8b57;
  --rc-gap: #c42b37;
  margin: 0 0 16px;
  color: var(--rc-text);
  font-size: 12px;
  max-width: 100%;
}
@media (prefers-color-scheme: dark) {
  .report-chart {
    --rc-text: #e6e8ec;
    --rc-muted: #a3aab6;
    --rc-grid: #3a3f47;
    --rc-surface: #1b1d21;
    --rc-focus: #8ab4ff;
    --rc-u-none: #2f333a;
    --rc-u-low: #1d3552;
    --rc-u-mid: #2f5f99;
    --rc-u-high: #6a9fe6;
    --rc-u-over: #ff6b73;
    --rc-hatch: #1b1d21;
    --rc-marker: #ff6b73;
    --rc-cost: #6a9fe6;
    --rc-budget: #d4d8de;
    --rc-within: #5fd08f;
    --rc-risk: #f2b552;
    --rc-overrun: #ff6b73;
    --rc-demand: #4a505a;
    --rc-unfilled: #f2b552;
    --rc-free: #5fd08f;
    --rc-gap: #ff6b73;
  }
}
@media print {
  .report-chart {
    --rc-text: #111827;
    --rc-muted: #4b5563;
    --rc-grid: #c9ced6;
    --rc-surface: #ffffff;
    --rc-u-none: #e5e7eb;
    --rc-u-low: #dbe8f7;
    --rc-u-mid: #8fb7e6;
    --rc-u-high: #2a63b3;
    --rc-u-over: #b42318;
    --rc-hatch: #ffffff;
    --rc-marker: #b42318;
    --rc-cost: #2a63b3;
    --rc-budget: #111827;
    --rc-within: #027a48;
    --rc-risk: #b54708;
    --rc-overrun: #b42318;
    --rc-demand: #c7ced8;
    --rc-unfilled: #d68a1d;
    --rc-free: #027a48;
    --rc-gap: #b42318;
    break-inside: avoid;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  .report-chart .rc-table-toggle { display: none; }
}
.report-chart figcaption { margin: 0 0 6px; font-weight: 600; }
.report-chart .rc-note { margin: 0 0 6px; color: var(--rc-muted); font-weight: 400; }
.report-chart svg { display: block; overflow: visible; font-family: inherit; }
.report-chart svg text { fill: var(--rc-text); font-size: 11px; }
.report-chart svg text.rc-muted { fill: var(--rc-muted); }
.report-chart svg text.rc-strong { font-weight: 700; }
.report-chart svg text.rc-danger { fill: var(--rc-overrun); font-weight: 700; }
.report-chart svg text.rc-warn { fill: var(--rc-risk); font-weight: 700; }
.report-chart svg .rc-axis line { stroke: var(--rc-grid); }
.report-chart svg .rc-gridline { stroke: var(--rc-grid); stroke-width: 1; }
.report-chart svg .rc-hatch-line { stroke: var(--rc-hatch); stroke-width: 1.5; }
.report-chart svg .rc-dot { fill: var(--rc-surface); }

.report-chart .rc-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 8px; padding: 0; list-style: none; color: var(--rc-muted); }
.report-chart .rc-legend li { display: inline-flex; align-items: center; gap: 5px; }
.report-chart .rc-legend svg { display: inline-block; }

.report-chart .rc-u-none { fill: var(--rc-u-none); }
.report-chart .rc-u-low { fill: var(--rc-u-low); }
.report-chart .rc-u-mid { fill: var(--rc-u-mid); }
.report-chart .rc-u-high { fill: var(--rc-u-high); }
.report-chart .rc-u-over { fill: var(--rc-u-over); }
.report-chart .rc-marker { fill: var(--rc-marker); stroke: var(--rc-surface); stroke-width: 0.75; }
.report-chart .rc-cost { fill: var(--rc-cost); }
.report-chart .rc-within { fill: var(--rc-within); }
.report-chart .rc-risk { fill: var(--rc-risk); }
.report-chart .rc-overrun { fill: var(--rc-overrun); }
.report-chart .rc-budget-line { stroke: var(--rc-budget); stroke-width: 2; }
.report-chart .rc-budget-box { fill: none; stroke: var(--rc-budget); stroke-width: 1; stroke-dasharray: 3 2; }
.report-chart .rc-demand { fill: var(--rc-demand); }
.report-chart .rc-unfilled { fill: var(--rc-unfilled); }
.report-chart .rc-free { fill: var(--rc-free); }
.report-chart .rc-gap { fill: var(--rc-gap); }

.report-chart .rc-heatmap { display: flex; align-items: flex-start; max-width: 100%; }
/* The figure columns grow with their widest figure ("▲ 12,345", "1.234 %"): a count is never cut. */
.report-chart .rc-heat-labels { flex: none; display: grid; grid-template-columns: minmax(90px, 180px) minmax(44px, max-content) minmax(38px, max-content); font-size: 11px; }
.report-chart .rc-heat-labels > div { height: var(--rc-row-h); line-height: var(--rc-row-h); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.report-chart .rc-heat-labels .rc-num { text-align: right; font-variant-numeric: tabular-nums; padding-right: 4px; }
.report-chart .rc-heat-labels .rc-head { color: var(--rc-muted); height: var(--rc-axis-h); line-height: 14px; display: flex; align-items: flex-end; justify-content: flex-end; padding-bottom: 4px; }
.report-chart .rc-heat-labels .rc-head:first-child { justify-content: flex-start; }
.report-chart .rc-heat-labels .rc-spacer { height: var(--rc-foot-gap); }
.report-chart .rc-heat-labels .rc-over { color: var(--rc-overrun); font-weight: 700; }
.report-chart .rc-heat-labels .rc-department { font-weight: 600; }
.report-chart .rc-heat-labels .rc-specialist { padding-left: 18px; color: var(--rc-muted); }
.report-chart .rc-heat-labels .rc-loading-line { grid-column: 1 / -1; padding-left: 18px; color: var(--rc-muted); font-style: italic; }
.report-chart .rc-heat-labels .rc-all { font-weight: 600; }
.report-chart .rc-heat-labels button {
  all: unset; box-sizing: border-box; cursor: pointer; width: 100%; height: var(--rc-row-h);
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; border-radius: 3px;
}
.report-chart .rc-heat-labels button:hover { text-decoration: underline; }
.report-chart .rc-heat-labels button:focus-visible { outline: 2px solid var(--rc-focus); outline-offset: -2px; }
.report-chart .rc-heat-labels .rc-caret { display: inline-block; width: 14px; text-align: center; color: var(--rc-muted); }
.report-chart .rc-heat-scroll { flex: 1 1 auto; min-width: 0; overflow-x: auto; padding-bottom: 4px; }

.report-chart details.rc-table-toggle { margin-top: 6px; }
.report-chart details.rc-table-toggle summary { cursor: pointer; color: var(--rc-muted); }
.report-chart details.rc-table-toggle > div { overflow-x: auto; max-height: 420px; overflow-y: auto; }
.report-chart table.rc-table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin-top: 4px; }
.report-chart table.rc-table th, .report-chart table.rc-table td { padding: 2px 8px; border-bottom: 1px solid var(--rc-grid); text-align: left; white-space: nowrap; }
.report-chart table.rc-table .rc-num { text-align: right; }
.report-chart .rc-visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;
