import { useId, useState } from 'react';
import { MAX_TEXT_LENGTH, reasonRequired, type RequestStatus } from '../../../../shared/domain';
import { STATUS_LABELS, TRANSITION_VERBS } from '../../../../shared/format';
import { Field } from './Field';
import { Modal } from './Modal';

export interface TransitionChoice {
  reason?: string | null;
  afterClosing?: 'delete' | 'keep';
}

/** Ends a request cannot come back from: worth a reason, and a second look before the step. */
const ASKS_FOR_REASON = (to: RequestStatus) => reasonRequired(to) || to === 'cancelled';

/**
 * A button per step the workflow allows from here (the API's `allowed`, never guessed), a
 * reason asked for a rejection (required) or a cancellation (optional), and, when closing a
 * request with allocations after this week, what to do with them.
 */
export function WorkflowBar({
  requestId,
  allowed,
  allocationsAfter,
  currentWeek,
  busy,
  onTransition,
}: {
  requestId: string;
  allowed: readonly RequestStatus[];
  allocationsAfter: number;
  currentWeek: string;
  busy: boolean;
  onTransition: (to: RequestStatus, choice: TransitionChoice) => void;
}) {
  const [asking, setAsking] = useState<RequestStatus | null>(null);

  function choose(to: RequestStatus) {
    if (ASKS_FOR_REASON(to) || (to === 'closed' && allocationsAfter > 0)) setAsking(to);
    else onTransition(to, {});
  }

  return (
    <>
      {allowed.map((to) => (
        <button
          key={to}
          type="button"
          className={to === 'submitted' || to === 'approved' ? 'primary' : to === 'rejected' || to === 'cancelled' ? 'danger' : undefined}
          data-testid={`transition-${to}`}
          disabled={busy}
          onClick={() => choose(to)}
        >
          {TRANSITION_VERBS[to]}
        </button>
      ))}
      {asking && asking === 'closed' ? (
        <ClosingDialog
          requestId={requestId}
          count={allocationsAfter}
          currentWeek={currentWeek}
          onCancel={() => setAsking(null)}
          onConfirm={(afterClosing) => {
            setAsking(null);
            onTransition('closed', { afterClosing });
          }}
        />
      ) : (
        asking && (
          <ReasonDialog
            requestId={requestId}
            to={asking}
            onCancel={() => setAsking(null)}
            onConfirm={(reason) => {
              const to = asking;
              setAsking(null);
              onTransition(to, { reason });
            }}
          />
        )
      )}
    </>
  );
}

function ReasonDialog({
  requestId,
  to,
  onCancel,
  onConfirm,
}: {
  requestId: string;
  to: RequestStatus;
  onCancel: () => void;
  onConfirm: (reason: string | null) => void;
}) {
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const required = reasonRequired(to);
  const missing = required && reason.trim() === '';
  return (
    <Modal labelledBy={titleId} onClose={onCancel} className="rq-small-dialog" testId="reason-dialog">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // React carries the event up its own tree, where an editor's form may be listening.
          e.stopPropagation();
          setTried(true);
          if (!missing) onConfirm(reason.trim() || null);
        }}
      >
        <h2 id={titleId}>
          {TRANSITION_VERBS[to]} {requestId}
        </h2>
        <p className="rq-dialog-text">
          {to === 'rejected'
            ? `The lead sees this reason with the request. ${STATUS_LABELS.rejected} is an end: the request cannot be submitted again.`
            : `${STATUS_LABELS.cancelled} is an end: the request asks for nothing more, and its allocations from this week on are flagged until removed.`}
        </p>
        <Field
          label={required ? 'Reason (required)' : 'Reason (optional)'}
          error={tried && missing ? 'Give a reason for the rejection' : undefined}
        >
          {(control) => (
            <textarea
              {...control}
              data-testid="reason-input"
              rows={3}
              maxLength={MAX_TEXT_LENGTH}
              value={reason}
              autoFocus
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <div className="rq-dialog-actions">
          <button type="button" onClick={onCancel}>
            Back
          </button>
          <button type="submit" className="danger" data-testid="reason-confirm">
            {TRANSITION_VERBS[to]}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function ClosingDialog({
  requestId,
  count,
  currentWeek,
  onCancel,
  onConfirm,
}: {
  requestId: string;
  count: number;
  currentWeek: string;
  onCancel: () => void;
  onConfirm: (afterClosing: 'delete' | 'keep') => void;
}) {
  const titleId = useId();
  // No choice made for the user: deleting and keeping both have their reasons.
  const [choice, setChoice] = useState<'delete' | 'keep' | null>(null);
  const name = useId();
  const allocations = count === 1 ? '1 allocation' : `${count} allocations`;
  return (
    <Modal labelledBy={titleId} onClose={onCancel} className="rq-small-dialog" testId="closing-dialog">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          if (choice) onConfirm(choice);
        }}
      >
        <h2 id={titleId}>Close {requestId}</h2>
        <fieldset className="rq-choice">
          <legend>
            {requestId} has {allocations} after this week ({currentWeek}). What should happen to {count === 1 ? 'it' : 'them'}?
          </legend>
          <label>
            <input
              type="radio"
              name={name}
              value="delete"
              data-testid="closing-delete"
              checked={choice === 'delete'}
              onChange={() => setChoice('delete')}
            />
            Delete {count === 1 ? 'it' : 'them'}
          </label>
          <label>
            <input
              type="radio"
              name={name}
              value="keep"
              data-testid="closing-keep"
              checked={choice === 'keep'}
              onChange={() => setChoice('keep')}
            />
            Keep {count === 1 ? 'it' : 'them'}, flagged as on an inactive request
          </label>
        </fieldset>
        <div className="rq-dialog-actions">
          <button type="button" onClick={onCancel}>
            Back
          </button>
          <button type="submit" className="primary" data-testid="closing-confirm" disabled={choice === null}>
            Close request
          </button>
        </div>
      </form>
    </Modal>
  );
}
