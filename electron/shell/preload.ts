// Exposes exactly one object, window.api, with one function per channel of the
// contract and a typed event subscription; no generic invoke, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { mapChannels } from '../../shared/ipc/channel-map';
import { isEventName } from '../../shared/ipc/channel-names';
import type { BridgeApi, BridgeCalls, Subscribe } from '../../shared/ipc/contract';

const calls = mapChannels<BridgeCalls>((channel) => (request?: unknown): Promise<unknown> => ipcRenderer.invoke(channel, request));

const on: Subscribe = (event, listener) => {
  if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}.`);
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as Parameters<typeof listener>[0]);
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
};

const api: BridgeApi = { ...calls, on };
contextBridge.exposeInMainWorld('api', api);
