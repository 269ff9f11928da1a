import { printPageCss } from './print-page-css';

/**
 * The Reports print page's style, as a string the backend puts inside the one HTML
 * document it prints (the page loads nothing). The charts bring their own style
 * (REPORT_CHARTS_CSS, print values included); this is the page around them: A4, a header,
 * one report per page, tables whose header repeats on every page.
 */
export const REPORTS_PRINT_CSS = `${printPageCss({ footer: 'TM Planner reports', margin: '14mm 12mm 16mm', font: '9pt/1.35' })}
.reports { max-width: 186mm; margin: 0 auto; }
.kicker { margin: 0; font-size: 8pt; letter-spacing: 0.04em; text-transform: uppercase; color: #6b7280; }
h1 { margin: 2mm 0 2mm; font-size: 15pt; line-height: 1.2; color: #111827; }
.meta { display: grid; grid-template-columns: repeat(2, 1fr); gap: 1mm 6mm; margin: 0 0 5mm; padding: 2.5mm 3mm; border: 0.3mm solid #e5e7eb; border-radius: 1.5mm; background: #f9fafb; }
.meta div { display: flex; gap: 2mm; }
.meta dt { color: #6b7280; min-width: 22mm; }
.meta dd { margin: 0; color: #111827; }
.report-section + .report-section { break-before: page; page-break-before: always; }
h2 { margin: 0 0 3mm; font-size: 12pt; color: #111827; break-after: avoid; page-break-after: avoid; }
.note { margin: 0 0 3mm; color: #4b5563; }
.note.cap { font-weight: 600; color: #b54708; }
.reports .report-chart { font-size: 8pt; margin-bottom: 5mm; }
.reports .report-chart svg text { font-size: 10px; }
.reports .rc-heat-labels { font-size: 7.5pt; }
.reports .rc-heat-labels button, .reports .rc-heat-labels > div { line-height: var(--rc-row-h); }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 1mm 1.6mm; border-bottom: 0.25mm solid #e5e7eb; text-align: left; vertical-align: top; }
th { font-size: 7.5pt; font-weight: 600; color: #374151; background: #f3f4f6; border-bottom-color: #d1d5db; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafafa; }
tfoot td { font-weight: 600; border-top: 0.4mm solid #d1d5db; border-bottom: none; }
tr.group td { font-weight: 600; background: #f3f4f6; }
td.indent { padding-left: 5mm; }
tr.overrun td:last-child { color: #b42318; font-weight: 600; }
tr.at-risk td:last-child { color: #b54708; font-weight: 600; }
tr.gap td:last-child { color: #b42318; font-weight: 600; }
table.dense th, table.dense td { padding: 0.5mm 1.4mm; font-size: 7.5pt; }
.tentative { color: #6b7280; font-style: italic; }
.empty { margin: 0; color: #4b5563; font-style: italic; }
.secondary { color: #6b7280; }
`;
