// Exposes exactly one object, window.api, with one function per channel of the
// contract and a typed event subscription; no generic invoke, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, isEventName } from '../../shared/ipc/channel-names';
import type { BridgeApi, Subscribe } from '../../shared/ipc/contract';

const calls: Record<string, (request?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNEL_NAMES) {
  calls[channel] = (request?: unknown) => ipcRenderer.invoke(channel, request);
}

const on: Subscribe = (event, listener) => {
  if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}.`);
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as Parameters<typeof listener>[0]);
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
};

const api = { ...calls, on } as unknown as BridgeApi;
contextBridge.exposeInMainWorld('api', api);
