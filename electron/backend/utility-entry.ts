// Runs inside Electron's utility process: SQLite work stays off the main (UI) process.
// Deliberately tiny: all logic lives in the handlers, shared with the web host and the CLI.
import { toErrorBody } from '../../shared/api/errors';
import { createBackend } from './handlers/index';
import type { UtilityReply, UtilityRequest } from './utility-protocol';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const port = parentPort();

const backend = createBackend({ nativeBinding: process.env.TM_SQLITE_BINDING || undefined });

// One request at a time: a single SQLite connection, and no interleaving inside an import.
let queue: Promise<void> = Promise.resolve();

port.on('message', ({ data }) => {
  queue = queue.then(() => handle(data as UtilityRequest)).catch((err) => console.error('[backend]', err));
});

async function handle(request: UtilityRequest): Promise<void> {
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
