import { BrowserWindow, ipcMain } from 'electron';
import type { TmPlannerEvents } from '../preload/api';
import type { BackendProcess } from './backend-process';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type InvokeOutcome, type PushMessage } from './channels';
import { validateInvokePayload } from './ipc-validation';
import { answeredInMain } from './print-pdf';
import { toErrorBody } from '../../shared/api/errors';

export interface IpcOptions {
  backend: Pick<BackendProcess, 'invoke'>;
  devServerUrl?: string;
  /** Lets main follow plan switches made from the renderer (recent list, window title). */
  onResult?: (name: string, input: unknown, outcome: InvokeOutcome) => void;
  /** Answers the operations main handles itself (answeredInMain: printing a PDF needs main's Chromium). */
  inMain?: (name: string, input: unknown) => Promise<InvokeOutcome>;
}

/** The one request channel. Never throws: a thrown error would reach the page as a raw Electron message. */
export function registerInvokeChannel(opts: IpcOptions): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, payload: unknown): Promise<InvokeOutcome> => {
    const check = validateInvokePayload(payload, event.senderFrame?.url, opts.devServerUrl);
    if (!check.ok) return { ok: false, error: { code: check.code, message: check.message } };
    try {
      const outcome =
        opts.inMain && answeredInMain(check.name)
          ? await opts.inMain(check.name, check.input)
          : await opts.backend.invoke(check.name, check.input);
      opts.onResult?.(check.name, check.input, outcome);
      return outcome;
    } catch (err) {
      return { ok: false, error: toErrorBody(err) };
    }
  });
}

export function push<E extends keyof TmPlannerEvents>(event: E, payload: TmPlannerEvents[E]): void {
  relay(event, payload);
}

/** Backend events are forwarded as they come; the preload delivers them by name. */
export function relay(event: string, payload: unknown): void {
  const message: PushMessage = { event, payload };
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, message);
  }
}
