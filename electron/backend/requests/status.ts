import type { ApiParsedInput, StatusChanged } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import { allowedTransitions, canTransition, reasonRequired } from '../../../shared/domain';
import { TRANSITION_VERBS, transitionRefusedText } from '../../../shared/format';
import type { AllocationImage } from '../db/allocation-rows';
import { thisWeek } from '../clock';
import type { BackendContext } from '../handlers/context';
import { runRequestAction } from './write';

/**
 * Moves a request along the workflow of domain.md. A refused step names the allowed ones;
 * a rejection keeps its reason; closing with allocations after the closing week needs the
 * user's choice: delete them, or keep them flagged as inactive.
 */
export function setRequestStatus(ctx: BackendContext, input: ApiParsedInput<'requests-set-status'>): StatusChanged {
  let removed = 0;
  let status = input.to;
  const reason = input.reason ?? null;
  const written = runRequestAction(ctx, reason, (w) => {
    const r = w.requests.get(input.ref);
    if (!r) throw new ApiError('not-found', `There is no request with ref ${input.ref}.`);
    if (r.status === input.to) throw new ApiError('invalid-input', `${r.code} is ${r.status} already.`);
    if (!canTransition(r.status, input.to)) {
      throw new ApiError('invalid-input', transitionRefusedText(r.code, r.status, input.to, allowedTransitions(r.status)));
    }
    if (reasonRequired(input.to) && reason === null) {
      throw new ApiError('invalid-input', `Rejecting ${r.code} needs a reason: the lead must learn why.`);
    }
    const week = thisWeek(ctx.clock);
    if (input.to === 'closed') {
      const later = w.db
        .prepare(
          'SELECT id, specialist_id, request_id, week, minutes, status, demand_line_id, note FROM allocations WHERE request_id = ? AND week > ?',
        )
        .all(r.id, week) as AllocationImage[];
      if (later.length > 0 && input.afterClosing === undefined) {
        throw new ApiError(
          'invalid-input',
          `${r.code} has ${later.length} allocation${later.length === 1 ? '' : 's'} after the closing week ${week}: say whether to delete them or keep them flagged.`,
        );
      }
      if (input.afterClosing === 'delete') {
        w.track(() => {
          for (const a of later) w.allocations.delete(a);
        });
        removed = later.length;
      }
    }
    w.track(() =>
      w.requests.update(r, {
        status: input.to,
        rejection_reason: input.to === 'rejected' ? reason : r.rejection_reason,
        closed_week: input.to === 'closed' ? week : r.closed_week,
      }),
    );
    status = input.to;
    const removedText = removed > 0 ? `, deleting ${removed} later allocation${removed === 1 ? '' : 's'}` : '';
    return { ref: r.id, label: `${TRANSITION_VERBS[input.to]} ${r.code}${removedText}` };
  });
  return { ...written, status, removedAllocations: removed };
}
