import { useEffect, useId, useRef } from 'react';
import { EXPORT_FORMATS, EXPORT_REPORTS, type ExportFormat, type ExportReport } from '../../../../shared/api';
import { setExportChoice, startExport, useStore } from '../../store';
import { ExportDialog } from './ExportDialog';
import { EXPORT_FORMAT_TITLE, EXPORT_REPORT_TITLE } from './labels';

// The File menu's request last acted on: the view may mount long after it, and must move
// focus once per request, not on every later visit.
let focusedSeq = 0;

/** Which report, which format, and Export: the file covers the weeks and departments chosen below. */
export function ExportPanel() {
  const choice = useStore((s) => s.exportChoice);
  const running = useStore((s) => s.exportRun?.open === true && (s.exportRun.status === null || s.exportRun.status.state === 'running'));
  const focusSeq = useStore((s) => s.exportFocusSeq);
  const reportRef = useRef<HTMLSelectElement>(null);
  const ids = { report: useId(), format: useId() };

  useEffect(() => {
    if (focusSeq === focusedSeq) return;
    focusedSeq = focusSeq;
    reportRef.current?.focus();
  }, [focusSeq]);

  return (
    <>
      <form
        className="rp-export"
        aria-label="Export a report"
        data-testid="reports-export"
        onSubmit={(e) => {
          e.preventDefault();
          void startExport();
        }}
      >
        <div className="rp-field">
          <label htmlFor={ids.report}>Report</label>
          <select
            id={ids.report}
            ref={reportRef}
            data-testid="export-report"
            value={choice.report}
            onChange={(e) => setExportChoice({ report: e.target.value as ExportReport })}
          >
            {EXPORT_REPORTS.map((r) => (
              <option key={r} value={r}>
                {EXPORT_REPORT_TITLE[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="rp-field">
          <label htmlFor={ids.format}>Format</label>
          <select
            id={ids.format}
            data-testid="export-format"
            value={choice.format}
            onChange={(e) => setExportChoice({ format: e.target.value as ExportFormat })}
          >
            {EXPORT_FORMATS.map((f) => (
              // A pack is one file of every report: XLSX sheets or PDF pages, never one CSV.
              <option key={f} value={f} disabled={choice.report === 'pack' && f === 'csv'}>
                {EXPORT_FORMAT_TITLE[f]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" data-testid="export-start" disabled={running}>
          Export…
        </button>
      </form>
      <ExportDialog />
    </>
  );
}
