/**
 * A problem the user can act on, carried across every transport (IPC, HTTP, CLI) as
 * `{ code, message }` and shown as its message, never as a stack trace.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ApiErrorCode =
  | 'not-found'
  | 'exists'
  | 'not-a-plan'
  | 'newer-schema'
  | 'damaged'
  | 'invalid-input'
  | 'no-plan-open'
  | 'unknown-operation'
  | 'conflict'
  | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  details?: readonly string[];
}

export function toErrorBody(e: unknown): ApiErrorBody {
  if (e instanceof ApiError) {
    return e.details ? { code: e.code, message: e.message, details: e.details } : { code: e.code, message: e.message };
  }
  return { code: 'internal', message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}` };
}

export function fromErrorBody(body: ApiErrorBody): ApiError {
  return new ApiError(body.code, body.message, body.details);
}
