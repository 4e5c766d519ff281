import i18next from 'i18next';
import { AppError, EVENT_NAMES, fail, mapChannels, type BridgeApi, type BridgeCalls, type EventName, type Subscribe } from '../../shared/ipc';

/**
 * The browser host's transport: the same contract as window.api, over
 * same-origin HTTP calls (the host's cookie authenticates them) and one
 * Server-Sent Events stream for main-to-renderer events.
 */
export function createHttpBridge(baseUrl = ''): BridgeApi {
  const calls = mapChannels<BridgeCalls>((channel) => async (request?: unknown) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ payload: request }),
      });
    } catch {
      return fail(new AppError({ code: 'unavailable', message: i18next.t('errors.hostUnreachable') }));
    }
    if (response.status === 401 || response.status === 403) {
      return fail(new AppError({ code: 'unauthenticated', message: i18next.t('errors.hostRefused') }));
    }
    return response.json() as Promise<unknown>;
  });

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;
  const connect = (): void => {
    if (source) return;
    source = new EventSource(`${baseUrl}/api/events`, { withCredentials: true });
    for (const event of EVENT_NAMES) {
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
  };

  const on: Subscribe = (event, listener) => {
    connect();
    const set = listeners.get(event) ?? new Set();
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    listeners.set(event, set);
    return () => {
      set.delete(wrapped);
    };
  };

  return { ...calls, on };
}
