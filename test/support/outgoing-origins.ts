import diagnostics from 'node:diagnostics_channel';
import type http from 'node:http';

interface UndiciRequestMessage {
  request: { origin?: string | URL; path?: string };
}

interface HttpRequestMessage {
  request: http.ClientRequest;
}

/** The origin of every outgoing HTTP request (node:http and fetch) from now until stop(): where a client really went. */
export function watchOutgoingOrigins(): { origins: () => string[]; stop: () => void } {
  const seen: string[] = [];
  const onFetch = (message: unknown): void => {
    seen.push(String((message as UndiciRequestMessage).request.origin ?? 'unknown'));
  };
  const onHttp = (message: unknown): void => {
    const { request } = message as HttpRequestMessage;
    seen.push(`${request.protocol}//${request.host}`);
  };
  diagnostics.subscribe('undici:request:create', onFetch);
  diagnostics.subscribe('http.client.request.start', onHttp);
  return {
    origins: () => [...seen],
    stop: () => {
      diagnostics.unsubscribe('undici:request:create', onFetch);
      diagnostics.unsubscribe('http.client.request.start', onHttp);
    },
  };
}
