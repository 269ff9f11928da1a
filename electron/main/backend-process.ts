// Main's side of the utility-process link. The child is injected (utilityProcess.fork in the
// app, a fake in tests), so the request/response bookkeeping is tested without Electron.
import type { ApiErrorCode } from '../../shared/api/errors';
import type { PrintCall, UtilityEvent, UtilityReply, UtilityRequest } from '../backend/utility-protocol';
import type { InvokeError, InvokeOutcome } from './channels';

export interface ChildLike {
  postMessage(message: UtilityRequest): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendOptions {
  timeoutMs?: number;
  onEvent?: (event: string, payload: unknown) => void;
  log?: (message: string) => void;
  /** Prints an export's HTML to PDF for the backend (main has Chromium, the utility process has none). */
  print?: (html: string) => Promise<Uint8Array>;
}

interface Pending {
  name: string;
  resolve: (outcome: InvokeOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class BackendProcess {
  private child: ChildLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private replay: { name: string; input: unknown } | null = null;
  private exited: Promise<void> | null = null;

  constructor(
    private readonly spawn: () => ChildLike,
    private readonly options: BackendOptions = {},
  ) {}

  /**
   * A request sent first whenever the process is (re)started: after a crash the new process
   * knows nothing, so the current plan is opened again before anything else reaches it.
   */
  setReplay(request: { name: string; input: unknown } | null): void {
    this.replay = request;
  }

  /** Never rejects: failures come back as { ok: false, error } for the renderer to show. */
  invoke(name: string, input: unknown): Promise<InvokeOutcome> {
    let child: ChildLike;
    try {
      child = this.ensureChild();
    } catch (err) {
      return Promise.resolve(failure('internal', `The data process could not be started: ${errorMessage(err)}`));
    }
    const id = this.nextId++;
    return new Promise<InvokeOutcome>((resolve) => {
      const timeoutMs = this.options.timeoutMs ?? 120_000;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(failure('internal', `The operation "${name}" did not finish within ${Math.round(timeoutMs / 1000)} seconds.`));
      }, timeoutMs);
      this.pending.set(id, { name, resolve, timer });
      try {
        child.postMessage({ id, name, input });
      } catch (err) {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(failure('invalid-input', `The request "${name}" could not be sent: ${errorMessage(err)}`));
      }
    });
  }

  /** Asks the process to close the plan (checkpointing it into one file), then kills it if it lingers. */
  async stop(graceMs = 3000): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = this.exited;
    try {
      child.postMessage({ shutdown: true });
    } catch {
      child.kill();
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([exited, new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    if (this.child === child) child.kill();
  }

  get running(): boolean {
    return this.child !== null;
  }

  private ensureChild(): ChildLike {
    if (this.child) return this.child;
    const child = this.spawn();
    this.child = child;
    this.exited = new Promise<void>((resolve) => {
      child.on('exit', (code) => {
        if (this.child === child) this.child = null;
        this.options.log?.(`backend process exited with code ${code}`);
        this.failAll(failure('internal', 'The data process stopped unexpectedly. Please try again.'));
        resolve();
      });
    });
    child.on('message', (message) => this.onMessage(message));
    if (this.replay) {
      const { name, input } = this.replay;
      const id = this.nextId++;
      // Its reply has no pending entry and is dropped; a failure shows up on the next request.
      child.postMessage({ id, name, input });
    }
    return child;
  }

  private onMessage(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    if ('print' in message) return void this.print((message as PrintCall).print);
    if ('event' in message && typeof message.event === 'string') {
      this.options.onEvent?.(message.event, (message as UtilityEvent).payload);
      return;
    }
    if (!('id' in message) || typeof message.id !== 'number') return;
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    clearTimeout(entry.timer);
    const reply = message as UtilityReply;
    entry.resolve(reply.ok ? { ok: true, result: reply.result } : { ok: false, error: normalizeError(reply.error) });
  }

  /** Answers the child that asked, if it still runs: a restarted backend has no job waiting. */
  private async print(call: PrintCall['print']): Promise<void> {
    const child = this.child;
    if (!child || typeof call?.id !== 'number' || typeof call.html !== 'string') return;
    let printed: UtilityRequest;
    try {
      if (!this.options.print) throw new Error('this app cannot print PDFs');
      const pdf = await this.options.print(call.html);
      printed = { printed: { id: call.id, ok: true, pdfBase64: Buffer.from(pdf).toString('base64') } };
    } catch (err) {
      printed = { printed: { id: call.id, ok: false, message: errorMessage(err) } };
    }
    if (this.child === child) child.postMessage(printed);
  }

  private failAll(outcome: InvokeOutcome): void {
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      this.pending.delete(id);
      entry.resolve(outcome);
    }
  }
}

function failure(code: ApiErrorCode, message: string): InvokeOutcome {
  return { ok: false, error: { code, message } };
}

function normalizeError(error: unknown): InvokeError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Partial<InvokeError>;
  const body: InvokeError = {
    code: typeof e.code === 'string' ? e.code : 'internal',
    message: typeof e.message === 'string' && e.message ? e.message : 'The operation failed for an unknown reason.',
  };
  return Array.isArray(e.details) ? { ...body, details: e.details.filter((d) => typeof d === 'string') } : body;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
