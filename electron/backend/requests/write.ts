import type { ApiParsedInput, RequestWritten } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import type { RequestStatus } from '../../../shared/domain';
import type { BackendContext } from '../handlers/context';

/** A staffing summary kept on a request as the latest staffing received. */
export interface StaffingReceivedInput {
  /** The summary file as JSON text, exactly as received. */
  json: string;
  exportedAt: string;
}

/**
 * One change of a request, written in one transaction with one undo entry and its history
 * entries: the editor's save, an imported request file, a received staffing summary.
 */
export interface RequestChange {
  /** Absent: a new request. */
  ref?: number | undefined;
  /** For a new request: its id (absent = the next free "R<n>"). */
  id?: string | undefined;
  fields?: ApiParsedInput<'requests-save'>['fields'] | undefined;
  /** The demand lines as they should be; absent = unchanged. Lines are matched by ref, else by skill and start week. */
  lines?: ApiParsedInput<'requests-save'>['lines'] | undefined;
  /** A new request's status (default draft); an existing request's status moves only through setRequestStatus. */
  status?: RequestStatus | undefined;
  staffingReceived?: StaffingReceivedInput | undefined;
}

export function writeRequest(_ctx: BackendContext, _change: RequestChange, _label?: string): RequestWritten {
  throw new ApiError('invalid-input', 'Not built yet.');
}
