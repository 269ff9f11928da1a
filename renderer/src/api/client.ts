// One typed entry point to the backend, whichever transport carries it: the Electron
// preload bridge when the page runs in the desktop shell, HTTP when the web host serves it.
import type { ApiInput, ApiName, ApiResult } from '../../../shared/api';
import { ApiError, type ApiErrorBody, type ApiErrorCode } from '../../../shared/api/errors';

type HttpBody<K extends ApiName> = { ok: true; result: ApiResult<K> } | { ok: false; error: ApiErrorBody };

/** Path prefix of the web host's API; the page and the API share one origin. */
export const HTTP_API_PREFIX = '/api/';

export async function invoke<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const bridge = typeof window !== 'undefined' ? window.tmPlanner : undefined;
  if (bridge) return bridge.invoke(name, input);
  return invokeOverHttp(name, input);
}

async function invokeOverHttp<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  let response: Response;
  try {
    response = await fetch(`${HTTP_API_PREFIX}${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (e) {
    throw new ApiError('internal', `Cannot reach the TM Planner host (${e instanceof Error ? e.message : String(e)}).`);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('internal', `The TM Planner host answered "${name}" with HTTP ${response.status} and no readable result.`);
  }
  if (!isHttpBody<K>(body)) {
    throw new ApiError('internal', `The TM Planner host answered "${name}" with HTTP ${response.status} and an unexpected body.`);
  }
  if (!body.ok) throw new ApiError(body.error.code, body.error.message, body.error.details);
  return body.result;
}

function isHttpBody<K extends ApiName>(body: unknown): body is HttpBody<K> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'result' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}

/** What the screens show of a failure: the message meant for people, and the code when known. */
export interface UiError {
  message: string;
  code: ApiErrorCode | string | null;
  details: readonly string[];
}

export function toUiError(e: unknown): UiError {
  if (e instanceof ApiError) return { message: e.message, code: e.code, details: e.details ?? [] };
  if (e instanceof Error) {
    // The preload's error keeps `code` as an own property; anything else is a plain Error.
    const code = 'code' in e && typeof e.code === 'string' ? e.code : null;
    return { message: stripIpcPrefix(e.message), code, details: [] };
  }
  return { message: String(e), code: null, details: [] };
}

/** Electron prefixes errors rethrown across contextBridge with "Error invoking remote method 'x': ". */
function stripIpcPrefix(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}
