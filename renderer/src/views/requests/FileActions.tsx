import { useId, useState } from 'react';
import type { RequestDetail } from '../../../../shared/api';
import type { UiError } from '../../api/client';
import { exportRequest, staffingSummary, staffingSummaryPdf } from '../../store';
import { downloadBase64, downloadJson } from './download';
import { ImportButton } from './ImportDialog';

/** The request as a file for the resource manager, a file from them, and the staffing summary to send back. */
export function FileActions({ detail }: { detail: RequestDetail | null }) {
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run<T>(call: () => Promise<{ ok: true; result: T } | { ok: false; error: UiError }>, save: (result: T) => string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const out = await call();
      if (out.ok) setDone(save(out.result));
      else setError(out.error);
    } finally {
      setBusy(false);
    }
  }

  const ref = detail?.ref ?? null;
  return (
    <section className="rq-side-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Files</h3>
      <div className="rq-file-buttons">
        <button
          type="button"
          data-testid="export-request"
          disabled={busy || ref === null}
          title={ref === null ? 'Save the request first' : undefined}
          onClick={() =>
            ref !== null &&
            void run(
              () => exportRequest(ref),
              (r) => {
                downloadJson(r.fileName, r.file);
                return `Exported ${r.fileName}.`;
              },
            )
          }
        >
          Export request
        </button>
        <ImportButton />
        <button
          type="button"
          data-testid="summary-json"
          disabled={busy || ref === null}
          onClick={() =>
            ref !== null &&
            void run(
              () => staffingSummary(ref),
              (r) => {
                downloadJson(r.fileName, r.file);
                return `Saved the staffing summary as ${r.fileName}.`;
              },
            )
          }
        >
          Staffing summary (JSON)
        </button>
        <button
          type="button"
          data-testid="summary-pdf"
          disabled={busy || ref === null}
          onClick={() =>
            ref !== null &&
            void run(
              () => staffingSummaryPdf(ref),
              (r) => {
                downloadBase64(r.fileName, r.pdfBase64, 'application/pdf');
                return `Saved the staffing summary as ${r.fileName}.`;
              },
            )
          }
        >
          Staffing summary (PDF)
        </button>
      </div>
      <p className="rq-file-status" role="status">
        {busy ? 'Preparing the file…' : (done ?? '')}
      </p>
      {error && (
        <p className="rq-error" role="alert" data-testid="file-error">
          {error.message}
        </p>
      )}
    </section>
  );
}
