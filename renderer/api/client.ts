import { CHANNEL_NAMES, unwrap, type Api, type BridgeApi } from '../../shared/ipc';

/** Turns a transport's envelopes into the renderer's API: results resolve, typed AppErrors reject. */
export function createApi(bridge: BridgeApi): Api {
  const calls: Record<string, (request?: unknown) => Promise<unknown>> = {};
  const raw = bridge as unknown as Record<string, (request?: unknown) => Promise<unknown>>;
  for (const channel of CHANNEL_NAMES) {
    calls[channel] = async (request?: unknown) => unwrap(await raw[channel]!(request));
  }
  return { ...calls, on: bridge.on } as unknown as Api;
}
