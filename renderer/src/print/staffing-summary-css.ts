import { printPageCss } from './print-page-css';

/**
 * The staffing summary's print style, as a string so the backend can put it inside the one
 * HTML document it prints (no stylesheet to fetch: the page loads nothing). Light colours
 * only, with print-color-adjust so Chromium keeps the table shading it would otherwise drop.
 */
export const STAFFING_SUMMARY_CSS = `${printPageCss({ footer: 'TM Planner staffing summary', margin: '16mm 14mm 18mm', font: '9.5pt/1.4' })}
.summary { max-width: 182mm; margin: 0 auto; }
.kicker { margin: 0; font-size: 8.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #6b7280; }
h1 { margin: 2mm 0 1mm; font-size: 16pt; line-height: 1.2; color: #111827; }
.meta { margin: 0 0 5mm; color: #4b5563; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0 0 6mm; break-inside: avoid; }
.figure { border: 0.3mm solid #e5e7eb; border-radius: 1.5mm; padding: 2.5mm 3mm; background: #f9fafb; }
.figure .label { display: block; font-size: 8pt; color: #6b7280; }
.figure .value { display: block; font-size: 12pt; font-weight: 600; color: #111827; }
.figure .note { display: block; font-size: 8pt; color: #4b5563; }
.figure .state-overrun { color: #b42318; }
.figure .state-at_risk { color: #b54708; }
.figure .state-ok { color: #027a48; }
h2 { margin: 6mm 0 2mm; font-size: 11.5pt; color: #111827; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 1.2mm 2mm; border-bottom: 0.25mm solid #e5e7eb; text-align: left; vertical-align: top; }
th { font-size: 8pt; font-weight: 600; color: #374151; background: #f3f4f6; border-bottom-color: #d1d5db; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafafa; }
tfoot td { font-weight: 600; border-top: 0.4mm solid #d1d5db; border-bottom: none; }
.tentative { color: #6b7280; font-style: italic; }
.empty { margin: 0; color: #4b5563; font-style: italic; }
.secondary { color: #6b7280; }
`;
