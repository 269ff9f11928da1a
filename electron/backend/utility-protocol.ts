// The messages between Electron's main process and the backend's utility process. The
// backend owns them: it answers them (utility-entry.ts); main's BackendProcess sends them.
import type { ApiErrorBody } from '../../shared/api/errors';

/** Messages main -> utility: a request, shutdown, or the answer to a print call. */
export type UtilityRequest = { id: number; name: string; input: unknown } | { shutdown: true } | { printed: PrintReply };
/** Messages utility -> main: a reply to a request, or a push event for the renderer. */
export type UtilityReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ApiErrorBody };
export type UtilityEvent = { event: string; payload: unknown };

/**
 * The backend asks main to print an export's HTML: the utility process has no Chromium,
 * main has Electron's. The PDF comes back as base64 (fork IPC in tests carries JSON only).
 */
export type PrintCall = { print: { id: number; html: string } };
export type PrintReply = { id: number; ok: true; pdfBase64: string } | { id: number; ok: false; message: string };
