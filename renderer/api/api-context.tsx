import { createContext, useContext, type ReactNode } from 'react';
import type { Api, BridgeApi } from '../../shared/ipc';
import { createApi } from './client';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the console runs in the browser host. */
    api?: BridgeApi;
  }
}

/** Electron's preload bridge when present, else the browser host's HTTP transport. */
export function createDefaultApi(): Api {
  return createApi(window.api ?? createHttpBridge());
}

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>.');
  return api;
}
