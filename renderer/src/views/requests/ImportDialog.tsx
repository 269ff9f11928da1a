import { useId, useRef, useState } from 'react';
import type { ImportPreview } from '../../../../shared/api';
import type { UiError } from '../../api/client';
import { applyImport, previewImport } from '../../store';
import { Modal } from './Modal';

type Step =
  | { kind: 'preview'; fileName: string; text: string; preview: ImportPreview; error: UiError | null; applying: boolean }
  | { kind: 'refused'; fileName: string; error: UiError };

/**
 * "Import request file...": reads a request file or staffing summary, shows every difference
 * it would make, and applies it only on Apply. A refused file (damaged, newer, another
 * currency) shows why and changes nothing.
 */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [reading, setReading] = useState(false);

  async function chosen(file: File) {
    setReading(true);
    try {
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        setStep({
          kind: 'refused',
          fileName: file.name,
          error: { message: `The file could not be read (${String(e)}).`, code: null, details: [] },
        });
        return;
      }
      const out = await previewImport(text, file.name);
      setStep(
        out.ok
          ? { kind: 'preview', fileName: file.name, text, preview: out.result, error: null, applying: false }
          : { kind: 'refused', fileName: file.name, error: out.error },
      );
    } finally {
      setReading(false);
    }
  }

  async function apply() {
    if (step?.kind !== 'preview') return;
    setStep({ ...step, applying: true, error: null });
    const out = await applyImport(
      step.text,
      step.fileName,
      step.preview.differences.map((d) => d.text),
    );
    if (out.ok) setStep(null);
    else setStep({ ...step, applying: false, error: out.error });
  }

  return (
    <>
      <button type="button" data-testid="import-request" disabled={reading} onClick={() => input.current?.click()}>
        Import request file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) is a change too.
          e.target.value = '';
          if (file) void chosen(file);
        }}
      />
      {step && <ImportDialog step={step} onApply={() => void apply()} onCancel={() => setStep(null)} />}
    </>
  );
}

function ImportDialog({ step, onApply, onCancel }: { step: Step; onApply: () => void; onCancel: () => void }) {
  const titleId = useId();
  const busy = step.kind === 'preview' && step.applying;
  return (
    <Modal labelledBy={titleId} onClose={() => !busy && onCancel()} className="rq-import-dialog" testId="import-dialog">
      <h2 id={titleId}>Import {step.fileName}</h2>
      {step.kind === 'refused' ? (
        <>
          <div className="rq-refused" role="alert" data-testid="import-refused">
            <p>This file was refused; nothing was changed.</p>
            <p className="rq-refused-message">{step.error.message}</p>
            {step.error.details.length > 0 && (
              <ul>
                {step.error.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </div>
          <div className="rq-dialog-actions">
            <button type="button" autoFocus onClick={onCancel}>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="rq-dialog-text">
            {step.preview.kind === 'summary'
              ? `A staffing summary of ${step.preview.requestId}: it is kept on the request as the latest staffing received.`
              : step.preview.isNew
                ? `A new request, ${step.preview.requestId}.`
                : `Changes to ${step.preview.requestId}:`}
          </p>
          {step.preview.differences.length === 0 ? (
            <p className="muted">The file matches the plan: nothing would change.</p>
          ) : (
            <ul className="rq-differences" data-testid="import-differences">
              {step.preview.differences.map((d, i) => (
                <li key={i} className={`rq-diff rq-diff-${d.kind}`}>
                  {d.text}
                </li>
              ))}
            </ul>
          )}
          {step.error && (
            <div className="rq-refused" role="alert" data-testid="import-refused">
              <p>Not applied; nothing was changed.</p>
              <p className="rq-refused-message">{step.error.message}</p>
            </div>
          )}
          <div className="rq-dialog-actions">
            <button type="button" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              data-testid="import-apply"
              data-autofocus
              disabled={busy || step.preview.differences.length === 0}
              onClick={onApply}
            >
              Apply
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
