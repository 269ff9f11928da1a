// Everything arriving on the invoke channel is untrusted: a compromised or navigated page
// could send anything. Pure, so forged payloads are unit-tested without Electron.
import { apiOperationNames, type ApiErrorCode } from '../../shared/api/index';
import { isInternalUrl } from './security';

export type InvokeCheck = { ok: true; name: string; input: unknown } | { ok: false; code: ApiErrorCode; message: string };

const knownOperations: ReadonlySet<string> = new Set(apiOperationNames);

export function validateInvokePayload(
  payload: unknown,
  senderUrl: string | undefined | null,
  devServerUrl?: string,
  operations: ReadonlySet<string> = knownOperations,
): InvokeCheck {
  if (!isInternalUrl(senderUrl, devServerUrl)) {
    return refuse(`Refused a request from a page outside the app (${describeUrl(senderUrl)}).`);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return refuse('A request must be an object with an operation name and an input.');
  }
  // Own properties only: a name or input inherited through a forged prototype is not a request.
  const name = Object.prototype.hasOwnProperty.call(payload, 'name') ? (payload as { name: unknown }).name : undefined;
  if (typeof name !== 'string' || name === '') {
    return refuse('A request must name its operation as a string.');
  }
  if (!operations.has(name)) {
    return { ok: false, code: 'unknown-operation', message: `Unknown operation "${name.slice(0, 80)}".` };
  }
  const input = Object.prototype.hasOwnProperty.call(payload, 'input') ? (payload as { input: unknown }).input : undefined;
  if (input === undefined) return { ok: true, name, input: {} };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse(`The input of "${name}" must be an object.`);
  }
  return { ok: true, name, input };
}

function refuse(message: string): InvokeCheck {
  return { ok: false, code: 'invalid-input', message };
}

function describeUrl(url: string | undefined | null): string {
  if (!url) return 'no address';
  return url.length > 120 ? `${url.slice(0, 120)}…` : url;
}
