import { mapChannels, unwrap, type Api, type ApiCalls, type BridgeApi, type LooseCalls } from '../../shared/ipc';

/** Turns a transport's envelopes into the renderer's API: results resolve, typed AppErrors reject. */
export function createApi(bridge: BridgeApi): Api {
  const transport: LooseCalls = bridge;
  return { ...mapChannels<ApiCalls>((channel) => async (request?: unknown) => unwrap(await transport[channel](request))), on: bridge.on };
}
