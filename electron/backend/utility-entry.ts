// Runs inside Electron's utility process: SQLite work stays off the main (UI) process.
// Deliberately tiny: all logic lives in the handlers, shared with the web host and the CLI.
import { toErrorBody } from '../../shared/api/errors';
import { createBackend } from './handlers/index';
import type { PrintCall, PrintReply, UtilityReply, UtilityRequest } from './utility-protocol';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const port = parentPort();

// Export jobs print their PDFs in main's Chromium; a job that is cancelled simply drops the answer.
let nextPrint = 1;
const printing = new Map<number, (reply: PrintReply) => void>();
function printInMain(html: string, signal: AbortSignal): Promise<Uint8Array> {
  const id = nextPrint++;
  return new Promise((resolve, reject) => {
    const done = (reply: PrintReply): void => {
      printing.delete(id);
      signal.removeEventListener('abort', abort);
      if (reply.ok) resolve(Buffer.from(reply.pdfBase64, 'base64'));
      else reject(new Error(reply.message));
    };
    const abort = (): void => done({ id, ok: false, message: 'printing was cancelled' });
    signal.addEventListener('abort', abort, { once: true });
    printing.set(id, done);
    port.postMessage({ print: { id, html } } satisfies PrintCall);
  });
}

const backend = createBackend({ nativeBinding: process.env.TM_SQLITE_BINDING || undefined, printPdf: printInMain });

// One request at a time: a single SQLite connection, and no interleaving inside an import.
let queue: Promise<void> = Promise.resolve();

port.on('message', ({ data }) => {
  // A printed PDF is not a request: it goes straight to its job, never behind the queue.
  if (typeof data === 'object' && data !== null && 'printed' in data) {
    const reply = (data as { printed: PrintReply }).printed;
    printing.get(reply.id)?.(reply);
    return;
  }
  queue = queue
    .then(() => handle(data as Exclude<UtilityRequest, { printed: PrintReply }>))
    .catch((err) => console.error('[backend]', err));
});

async function handle(request: Exclude<UtilityRequest, { printed: PrintReply }>): Promise<void> {
  if ('shutdown' in request) {
    backend.close();
    process.exit(0);
  }
  let reply: UtilityReply;
  try {
    reply = { id: request.id, ok: true, result: await backend.dispatch(request.name, request.input) };
  } catch (err) {
    const error = toErrorBody(err);
    // A user error is routine; anything else is a bug worth its stack in the log.
    if (error.code === 'internal') console.error(`[backend] ${request.name} failed:`, err);
    reply = { id: request.id, ok: false, error };
  }
  port.postMessage(reply);
}

function parentPort(): ParentPortLike {
  const found = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (!found) throw new Error('utility-entry must be started with utilityProcess.fork from the Electron main process.');
  return found;
}
