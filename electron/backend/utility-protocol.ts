// The messages between Electron's main process and the backend's utility process. The
// backend owns them: it answers them (utility-entry.ts); main's BackendProcess sends them.
import type { ApiErrorBody } from '../../shared/api/errors';

/** Messages main -> utility. */
export type UtilityRequest = { id: number; name: string; input: unknown } | { shutdown: true };
/** Messages utility -> main: a reply to a request, or a push event for the renderer. */
export type UtilityReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ApiErrorBody };
export type UtilityEvent = { event: string; payload: unknown };
