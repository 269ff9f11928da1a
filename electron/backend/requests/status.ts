import type { ApiParsedInput, StatusChanged } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import { allowedTransitions, canTransition, reasonRequired, type RequestStatus } from '../../../shared/domain';
import { TRANSITION_VERBS, transitionRefusedText } from '../../../shared/format';
import type { AllocationImage } from '../db/allocation-rows';
import type { RequestImage } from '../db/request-rows';
import { thisWeek } from '../clock';
import type { BackendContext } from '../handlers/context';
import { runRequestAction, type RequestWriters } from './write';

export interface StatusStep {
  to: RequestStatus;
  reason: string | null;
  afterClosing?: 'delete' | 'keep' | undefined;
}

/**
 * Moves a request along the workflow of domain.md, inside the caller's action. A refused
 * step names the allowed ones; a rejection keeps its reason; closing with allocations after
 * the closing week needs the user's choice: delete them, or keep them flagged as inactive.
 */
export function stepStatus(
  ctx: BackendContext,
  w: RequestWriters,
  r: RequestImage,
  step: StatusStep,
): { request: RequestImage; removed: number; label: string } {
  if (r.status === step.to) throw new ApiError('invalid-input', `${r.code} is ${r.status} already.`);
  if (!canTransition(r.status, step.to)) {
    throw new ApiError('invalid-input', transitionRefusedText(r.code, r.status, step.to, allowedTransitions(r.status)));
  }
  if (reasonRequired(step.to) && step.reason === null) {
    throw new ApiError('invalid-input', `Rejecting ${r.code} needs a reason: the lead must learn why.`);
  }
  const week = thisWeek(ctx.clock);
  let removed = 0;
  if (step.to === 'closed') {
    const later = w.db
      .prepare(
        'SELECT id, specialist_id, request_id, week, minutes, status, demand_line_id, note FROM allocations WHERE request_id = ? AND week > ?',
      )
      .all(r.id, week) as AllocationImage[];
    if (later.length > 0 && step.afterClosing === undefined) {
      throw new ApiError(
        'invalid-input',
        `${r.code} has ${later.length} allocation${later.length === 1 ? '' : 's'} after the closing week ${week}: say whether to delete them or keep them flagged.`,
      );
    }
    if (step.afterClosing === 'delete') {
      for (const a of later) w.allocations.delete(a);
      removed = later.length;
    }
  }
  const request = w.requests.update(r, {
    status: step.to,
    rejection_reason: step.to === 'rejected' ? step.reason : r.rejection_reason,
    closed_week: step.to === 'closed' ? week : r.closed_week,
  });
  const removedText = removed > 0 ? `, deleting ${removed} later allocation${removed === 1 ? '' : 's'}` : '';
  return { request, removed, label: `${TRANSITION_VERBS[step.to]} ${r.code}${removedText}` };
}

export function setRequestStatus(ctx: BackendContext, input: ApiParsedInput<'requests-set-status'>): StatusChanged {
  let removed = 0;
  const reason = input.reason ?? null;
  const written = runRequestAction(ctx, reason, (w) => {
    const r = w.requests.get(input.ref);
    if (!r) throw new ApiError('not-found', `There is no request with ref ${input.ref}.`);
    const done = stepStatus(ctx, w, r, { to: input.to, reason, afterClosing: input.afterClosing });
    removed = done.removed;
    return { ref: r.id, label: done.label };
  });
  return { ...written, status: input.to, removedAllocations: removed };
}
