import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  PRIORITIES,
  STAGES,
  allowedTransitions,
  currentWeek,
  type RequestStatus,
} from '../../../../shared/domain';
import { STATUS_LABELS } from '../../../../shared/format';
import { AreaError } from '../../components/AreaError';
import {
  checkForm,
  emptyForm,
  errorsFromApi,
  formFromDetail,
  sameForm,
  withNewLine,
  type FormErrors,
  type RequestForm,
} from '../../model/request-form';
import { closeEditor, saveRequest, setRequestStatus, useStore } from '../../store';
import { STAGE_TITLE } from '../board/Lane';
import { DemandLineFields } from './DemandLineFields';
import { Field } from './Field';
import { FileActions } from './FileActions';
import { HistoryList } from './HistoryList';
import { Modal } from './Modal';
import { RequestProgress } from './RequestProgress';
import { StaffingReceived } from './StaffingReceived';
import { WorkflowBar, type TransitionChoice } from './WorkflowBar';
import './requests.css';

const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** What the lead has typed since the form last started from the saved request. */
interface Draft {
  version: number;
  form: RequestForm;
  /** The saved request the form started from, and which request it is. */
  base: RequestForm;
  ref: number | null;
  /** Fields the lead has changed: an empty one says it is required only once they have been there. */
  touched: ReadonlySet<string>;
  /** Set by a save attempt: every problem shows. */
  showAll: boolean;
  /** The API's refusal of the last save, per field, until that field changes. */
  apiErrors: FormErrors;
}

/**
 * The request editor: its own view in the requests tab (#requests/R12) or a modal dialog over
 * the board. What is shown is what is saved until the lead types; Save writes at once, and a
 * status step saves the edits first.
 */
export function RequestEditor() {
  const editor = useStore((s) => s.editor);
  const detail = useStore((s) => s.editorDetail);
  const loadError = useStore((s) => s.editorError);
  const version = useStore((s) => s.editorVersion);
  const skills = useStore((s) => s.skills);
  const plan = useStore(useShallow((s) => ({ currency: s.plan?.currency ?? '', minorDigits: s.plan?.minorDigits ?? 2 })));
  const listWeek = useStore((s) => s.requestList?.currentWeek ?? null);
  const titleId = useId();
  const formId = useId();
  const root = useRef<HTMLDivElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);

  const currency = detail?.currency ?? plan.currency;
  const minorDigits = detail?.minorDigits ?? plan.minorDigits;
  const thisWeek = detail?.currentWeek ?? listWeek ?? currentWeek();
  const saved = useMemo(() => (detail ? formFromDetail(detail) : emptyForm(thisWeek)), [detail, thisWeek]);

  const [draft, setDraft] = useState<Draft>(() => fresh(version, saved, editor?.ref ?? null));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; details: readonly string[] } | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [changedUnder, setChangedUnder] = useState(false);
  const [focusErrors, setFocusErrors] = useState(0);
  // The saved request was (re)loaded (opened, saved, undone, another one imported): the form
  // starts again from it, and what was said about the old form goes. But typing is never
  // thrown away unasked: when the same request changed under unsaved edits (an undo, an
  // import), the edits stay and the lead chooses.
  if (draft.version !== version) {
    const sameRequest = draft.ref !== null && draft.ref === (editor?.ref ?? null);
    const keep = !busy && sameRequest && !sameForm(draft.form, draft.base) && !sameForm(draft.form, saved);
    if (keep) {
      setDraft({ ...draft, version, base: saved });
      setChangedUnder(true);
    } else {
      setDraft(fresh(version, saved, editor?.ref ?? null));
      if (!busy) setMessage(null);
      setChangedUnder(false);
    }
    setConfirmDiscard(false);
  }
  const form = draft.version === version ? draft.form : saved;

  const check = useMemo(() => checkForm(form, minorDigits), [form, minorDigits]);
  const dirty = !sameForm(form, saved);
  const isNew = editor?.ref === null && editor.id === null;
  const loading = !!editor && editor.ref !== null && !detail && !loadError;
  const status: RequestStatus = detail?.status ?? 'draft';
  const allowed = detail ? detail.allowed : allowedTransitions('draft').filter((s) => s === 'submitted');

  useEffect(() => {
    if (focusErrors > 0) root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusErrors]);
  const ready = !!editor && !loading && !(loadError && !isNew);
  // Opening a request puts the lead in its title; a save or a reload leaves focus where it is.
  useEffect(() => {
    const active = document.activeElement;
    const inside = !!active && !!root.current?.contains(active) && !active.matches('[data-testid="editor-close"]');
    if (ready && !inside) titleInput.current?.focus();
  }, [ready, editor?.ref]);

  if (!editor) return null;

  const errorOf = (key: string): string | undefined => {
    const live = check.errors[key];
    if (live !== undefined && (!check.required.has(key) || draft.touched.has(key) || draft.showAll)) return live;
    return draft.apiErrors[key];
  };

  function update(patch: Partial<RequestForm>, keys: readonly string[]) {
    setConfirmDiscard(false);
    setDraft((d) => {
      const base = d.version === version ? d : fresh(version, saved, editor?.ref ?? null);
      const apiErrors = { ...base.apiErrors };
      for (const k of keys) delete apiErrors[k];
      return { ...base, form: { ...base.form, ...patch }, touched: new Set([...base.touched, ...keys]), apiErrors };
    });
  }

  function updateLine(index: number, patch: Partial<RequestForm['lines'][number]>, field: string) {
    update({ lines: form.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) }, [`lines.${index}.${field}`]);
  }

  /** Saves the form; the request's ref when saved, null when refused (the problems then show at their fields). */
  async function save(): Promise<number | null> {
    setMessage(null);
    if (!check.input) {
      setDraft((d) => ({ ...d, showAll: true }));
      const n = Object.keys(check.errors).length;
      setMessage({ text: `Not saved: ${n === 1 ? '1 field needs' : `${n} fields need`} attention (marked below).`, details: [] });
      setFocusErrors((n) => n + 1);
      return null;
    }
    setBusy(true);
    try {
      const out = await saveRequest(check.input);
      if (out.ok) return out.result.ref;
      const { errors, other } = errorsFromApi(out.error.details);
      const n = Object.keys(errors).length;
      setDraft((d) => ({ ...d, showAll: true, apiErrors: errors }));
      setMessage({
        text:
          n > 0
            ? `Not saved: ${n === 1 ? '1 field needs' : `${n} fields need`} attention (marked below).`
            : `Not saved: ${out.error.message}`,
        details: n > 0 ? other : [],
      });
      if (n > 0) setFocusErrors((k) => k + 1);
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function transition(to: RequestStatus, choice: TransitionChoice) {
    let ref = editor?.ref ?? null;
    if (ref === null || dirty) {
      ref = await save();
      if (ref === null) return;
    }
    setBusy(true);
    try {
      const out = await setRequestStatus(ref, to, choice);
      if (!out.ok) setMessage({ text: `Status not changed: ${out.error.message}`, details: out.error.details });
    } finally {
      setBusy(false);
    }
  }

  function requestClose() {
    if (busy) return;
    if (dirty && !confirmDiscard) {
      setConfirmDiscard(true);
      return;
    }
    closeEditor();
  }

  const heading = isNew ? 'New request' : (detail?.title ?? editor.id ?? 'Request');
  const body: ReactNode = (
    <div ref={root} className="rq-editor" data-testid="request-editor" data-request-id={detail?.id}>
      <header className="rq-editor-head">
        <div className="rq-editor-heading">
          {!isNew && <span className="card-id">{detail?.id ?? editor.id}</span>}
          <h2 id={titleId}>{heading}</h2>
          {detail && (
            <span className={`badge status status-${detail.status}`} data-testid="request-status">
              {STATUS_LABELS[detail.status]}
            </span>
          )}
        </div>
        <button type="button" data-testid="editor-close" onClick={requestClose}>
          {editor.place === 'dialog' ? 'Close editor' : '← All requests'}
        </button>
      </header>

      {changedUnder && dirty && (
        <div className="rq-discard" role="alert" data-testid="changed-under-edits">
          <p>
            This request changed while you were editing (an undo or an import). Your unsaved changes are kept: Save writes them over it.
          </p>
          <button
            type="button"
            onClick={() => {
              setDraft(fresh(version, saved, editor?.ref ?? null));
              setChangedUnder(false);
            }}
          >
            Discard my changes
          </button>
        </div>
      )}

      {confirmDiscard && (
        <div className="rq-discard" role="alert">
          <p>The changes are not saved.</p>
          <button type="button" onClick={closeEditor}>
            Discard changes
          </button>
          <button type="button" className="link-button" onClick={() => setConfirmDiscard(false)}>
            Keep editing
          </button>
        </div>
      )}

      {loadError && !isNew ? (
        <AreaError title="The request could not be opened" error={loadError} />
      ) : loading ? (
        <p className="empty-note">Opening the request…</p>
      ) : (
        <div className="rq-editor-body">
          <div className="rq-form">
            <form
              id={formId}
              className="rq-form-fields"
              noValidate
              aria-labelledby={titleId}
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              {message && (
                <div className="rq-message" role="alert" data-testid="editor-message">
                  <p>{message.text}</p>
                  {message.details.length > 0 && (
                    <ul>
                      {message.details.map((d, i) => (
                        <li key={i}>{d}</li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
              {detail?.rejectionReason && <p className="rq-reason">Rejected: {detail.rejectionReason}</p>}
              <fieldset className="rq-fields" disabled={busy}>
                <legend className="visually-hidden">Request</legend>
                <Field label="Title" className="rq-wide" error={errorOf('title')} errorKey="title">
                  {(c) => (
                    <input
                      {...c}
                      ref={titleInput}
                      autoComplete="off"
                      maxLength={MAX_TITLE_LENGTH}
                      value={form.title}
                      onChange={(e) => update({ title: e.target.value }, ['title'])}
                    />
                  )}
                </Field>
                <Field label="Stage" error={errorOf('stage')} errorKey="stage">
                  {(c) => (
                    <select
                      {...c}
                      value={form.stage}
                      onChange={(e) => update({ stage: e.target.value as RequestForm['stage'] }, ['stage'])}
                    >
                      {STAGES.map((s) => (
                        <option key={s} value={s}>
                          {STAGE_TITLE[s]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Priority" error={errorOf('priority')} errorKey="priority">
                  {(c) => (
                    <select
                      {...c}
                      value={form.priority}
                      onChange={(e) => update({ priority: e.target.value as RequestForm['priority'] }, ['priority'])}
                    >
                      {PRIORITIES.map((p) => (
                        <option key={p} value={p}>
                          {capitalised(p)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="IT service" error={errorOf('service')} errorKey="service">
                  {(c) => (
                    <input
                      {...c}
                      autoComplete="off"
                      maxLength={MAX_TITLE_LENGTH}
                      value={form.service}
                      onChange={(e) => update({ service: e.target.value }, ['service'])}
                    />
                  )}
                </Field>
                <Field label="Requester" error={errorOf('requester')} errorKey="requester">
                  {(c) => (
                    <input
                      {...c}
                      autoComplete="name"
                      maxLength={MAX_TITLE_LENGTH}
                      value={form.requester}
                      onChange={(e) => update({ requester: e.target.value }, ['requester'])}
                    />
                  )}
                </Field>
                <Field label="Start week" error={errorOf('startWeek')} errorKey="startWeek">
                  {(c) => (
                    <input
                      {...c}
                      type="week"
                      placeholder="YYYY-Www"
                      value={form.startWeek}
                      onChange={(e) => update({ startWeek: e.target.value }, ['startWeek'])}
                    />
                  )}
                </Field>
                <Field label="End week" error={errorOf('endWeek')} errorKey="endWeek">
                  {(c) => (
                    <input
                      {...c}
                      type="week"
                      placeholder="YYYY-Www"
                      value={form.endWeek}
                      onChange={(e) => update({ endWeek: e.target.value }, ['endWeek'])}
                    />
                  )}
                </Field>
                <Field
                  label={`Budget (${currency})`}
                  error={errorOf('budgetMinor')}
                  errorKey="budgetMinor"
                  hint={`Empty for no budget; e.g. ${minorDigits > 0 ? `12000.${'0'.repeat(Math.min(2, minorDigits))}` : '12000'}`}
                >
                  {(c) => (
                    <input
                      {...c}
                      inputMode="decimal"
                      autoComplete="off"
                      value={form.budget}
                      onChange={(e) => update({ budget: e.target.value }, ['budgetMinor'])}
                    />
                  )}
                </Field>
                <Field label="Notes" className="rq-wide" error={errorOf('notes')} errorKey="notes">
                  {(c) => (
                    <textarea
                      {...c}
                      rows={3}
                      maxLength={MAX_TEXT_LENGTH}
                      value={form.notes}
                      onChange={(e) => update({ notes: e.target.value }, ['notes'])}
                    />
                  )}
                </Field>
              </fieldset>

              <DemandLineFields
                lines={form.lines}
                skills={skills}
                errorOf={errorOf}
                disabled={busy}
                onChange={updateLine}
                onRemove={(index) =>
                  update(
                    { lines: form.lines.filter((_, i) => i !== index) },
                    // The lines after it move up: what was said about them no longer fits their numbers.
                    form.lines.flatMap((_, i) =>
                      i >= index ? ['skill', 'minLevel', 'minutesPerWeek', 'startWeek', 'endWeek'].map((f) => `lines.${i}.${f}`) : [],
                    ),
                  )
                }
                onAdd={() => update({ lines: withNewLine(form).lines }, [])}
              />
            </form>

            {/* Outside the form: the workflow's dialogs hold forms of their own. */}
            <div className="rq-actions">
              <span className="rq-save-state" role="status" data-testid="save-state">
                {busy ? 'Saving…' : dirty ? 'Unsaved changes' : detail ? 'All changes saved' : ''}
              </span>
              <button type="submit" form={formId} data-testid="save-request" disabled={busy}>
                {status === 'draft' ? 'Save draft' : 'Save changes'}
              </button>
              <WorkflowBar
                requestId={detail?.id ?? 'the request'}
                allowed={allowed}
                allocationsAfter={detail?.allocationsAfterCurrentWeek ?? 0}
                currentWeek={thisWeek}
                busy={busy}
                onTransition={(to, choice) => void transition(to, choice)}
              />
            </div>
          </div>

          <aside className="rq-side" aria-label="Progress, files and history">
            {detail && <RequestProgress detail={detail} />}
            <FileActions detail={detail} />
            {detail?.staffingReceived && <StaffingReceived received={detail.staffingReceived} minorDigits={minorDigits} />}
            {detail && <HistoryList history={detail.history} />}
          </aside>
        </div>
      )}
    </div>
  );

  return editor.place === 'dialog' ? (
    <Modal labelledBy={titleId} onClose={requestClose} className="rq-editor-dialog" testId="request-dialog">
      {body}
    </Modal>
  ) : (
    <section className="rq-editor-view" aria-labelledby={titleId}>
      {body}
    </section>
  );
}

function fresh(version: number, form: RequestForm, ref: number | null): Draft {
  return { version, form, base: form, ref, touched: new Set(), showAll: false, apiErrors: {} };
}
