// Exposes a typed invoke/on pair and nothing else: a raw ipcRenderer would let any script
// in the page talk to any channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { fromErrorBody } from '../../shared/api/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type InvokeOutcome, type PushMessage } from '../main/channels';
import type { TmPlannerBridge } from './api';

const bridge: TmPlannerBridge = {
  async invoke(name, input) {
    const outcome = (await ipcRenderer.invoke(INVOKE_CHANNEL, { name, input })) as InvokeOutcome;
    // Only the message is sure to cross the context bridge; code and details are best effort.
    if (!outcome.ok) throw fromErrorBody(outcome.error);
    return outcome.result as never;
  },
  on(event, callback) {
    const listener = (_e: IpcRendererEvent, message: PushMessage) => {
      if (message && message.event === event) callback(message.payload as never);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('tmPlanner', bridge);
