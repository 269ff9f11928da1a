// The only two IPC channels between renderer and main: one request/response, one for pushes.
import type { ApiErrorBody } from '../../shared/api/errors';

export const INVOKE_CHANNEL = 'tm:invoke';
export const EVENT_CHANNEL = 'tm:event';

/** The same { code, message } body every transport (IPC, HTTP, CLI) carries. */
export type InvokeError = ApiErrorBody;

/** What main answers on INVOKE_CHANNEL; errors travel as data so nothing is thrown raw across IPC. */
export type InvokeOutcome = { ok: true; result: unknown } | { ok: false; error: InvokeError };

export interface PushMessage {
  event: string;
  payload: unknown;
}
