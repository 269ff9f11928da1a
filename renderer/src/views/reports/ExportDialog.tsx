import { useEffect, useId, useRef } from 'react';
import type { ExportJobStatus } from '../../../../shared/api';
import { cancelExport, closeExportDialog, useStore } from '../../store';
import type { ExportRun } from '../../store';
import { EXPORT_FORMAT_TITLE, EXPORT_REPORT_TITLE, fileSizeText } from './labels';

const TITLE: Record<ExportJobStatus['state'], (fileName: string) => string> = {
  running: (f) => `Exporting ${f}`,
  done: (f) => `Exported ${f}`,
  cancelled: () => 'Export cancelled',
  failed: () => 'Export failed',
};

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/**
 * The progress of an export, in a native modal dialog: the backend's job does the work, the
 * page only asks how far it got (every 250 ms), so the window stays responsive throughout.
 * Cancel (or Escape) stops the job; nothing of a cancelled export is left on disk.
 */
export function ExportDialog() {
  const run = useStore((s) => s.exportRun);
  const choice = useStore((s) => s.exportChoice);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const open = run?.open ?? false;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  const status = run?.status ?? null;
  const finished = run?.error != null || (status !== null && status.state !== 'running');

  return (
    <dialog
      ref={ref}
      className="rp-dialog"
      aria-labelledby={titleId}
      data-testid="export-dialog"
      data-state={run?.error ? 'error' : (status?.state ?? 'starting')}
      data-job-id={status?.jobId}
      onCancel={(e) => {
        // Escape: a running export is cancelled, a finished one's dialog closes; React closes it.
        e.preventDefault();
        void closeExportDialog();
      }}
      onClose={() => {
        if (useStore.getState().exportRun?.open) void closeExportDialog();
      }}
    >
      <h2 id={titleId}>
        {status
          ? TITLE[status.state](status.fileName)
          : `Exporting ${EXPORT_REPORT_TITLE[choice.report]} as ${EXPORT_FORMAT_TITLE[choice.format]}`}
      </h2>
      {run && <Progress run={run} />}
      <div className="rp-dialog-buttons">
        {finished ? (
          <button type="button" data-testid="export-close" autoFocus onClick={() => void closeExportDialog()}>
            Close
          </button>
        ) : (
          <button
            type="button"
            className="danger"
            data-testid="export-cancel"
            disabled={!status || run?.cancelling}
            onClick={() => void cancelExport()}
          >
            {run?.cancelling ? 'Cancelling…' : 'Cancel export'}
          </button>
        )}
      </div>
    </dialog>
  );
}

function Progress({ run }: { run: ExportRun }) {
  const { status, error } = run;
  if (error) {
    return (
      <p className="rp-export-message rp-export-failed" role="alert" data-testid="export-message">
        {error.message}
      </p>
    );
  }
  if (!status) {
    return (
      <>
        <progress className="rp-progress" aria-label="Export progress" />
        <p className="rp-export-phase" role="status">
          Starting…
        </p>
      </>
    );
  }
  return (
    <>
      <progress
        className="rp-progress"
        aria-label="Export progress"
        data-testid="export-progress"
        // Without a total yet the bar says "working" rather than a made-up share.
        {...(status.total > 0 ? { value: status.done, max: status.total } : {})}
      />
      {status.state === 'running' ? (
        <p className="rp-export-phase" role="status" data-testid="export-phase">
          {status.phase}
          {status.total > 0 ? ` · ${integer.format(status.done)} of ${integer.format(status.total)}` : ''}
        </p>
      ) : (
        <p
          className={`rp-export-message rp-export-${status.state}`}
          role={status.state === 'failed' ? 'alert' : 'status'}
          data-testid="export-message"
        >
          {finishedText(status)}
        </p>
      )}
      {status.state === 'done' && status.downloadUrl && (
        <p className="rp-export-again">
          <a href={status.downloadUrl} download={status.fileName}>
            Download {status.fileName} again
          </a>
        </p>
      )}
    </>
  );
}

export function finishedText(status: ExportJobStatus): string {
  const size = status.bytes !== undefined ? ` (${fileSizeText(status.bytes)})` : '';
  switch (status.state) {
    case 'done':
      // The web host hands the file to the browser; the desktop app's main process saved it already.
      return status.downloadUrl
        ? `${status.fileName}${size} is ready: your browser saves it as a download.`
        : `Saved ${status.fileName}${size}.`;
    case 'cancelled':
      return 'Export cancelled: no file was written.';
    case 'failed':
      return status.error ?? 'The export failed.';
    default:
      return status.phase;
  }
}
