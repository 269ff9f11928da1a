import { ApiError } from '../../../shared/api/errors';
import type { PlanSession } from '../plan-session';

export interface BackendContext {
  session: PlanSession | null;
  nativeBinding?: string | undefined;
}

export function requireSession(ctx: BackendContext): PlanSession {
  if (!ctx.session) throw new ApiError('no-plan-open', 'No plan is open: open or create a plan first.');
  return ctx.session;
}
