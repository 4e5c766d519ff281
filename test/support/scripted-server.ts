// A real HTTP server on 127.0.0.1 whose answers a test scripts request by
// request, recording what arrived and when (on the test's clock).
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../electron/http/clock';

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The test clock's time when the request arrived. */
  at: number;
}

export type Reply = (request: RecordedRequest, response: http.ServerResponse) => void | Promise<void>;

export interface ScriptedServer {
  /** http://127.0.0.1:port */
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Answers the n-th request with replies[n] (a function answers every request); unscripted requests get a 599. */
export async function startScriptedServer(script: Reply | readonly Reply[], clock: Clock = systemClock): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: clock.now(),
      };
      const index = requests.push(request) - 1;
      const reply = typeof script === 'function' ? script : (script[index] ?? json(599, { error: { code: 'unscripted', message: `request ${index} was not scripted` } }));
      void Promise.resolve(reply(request, response)).catch(() => response.socket?.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

export function noContent(status = 204, headers: Record<string, string> = {}): Reply {
  return (_request, response) => {
    response.writeHead(status, headers);
    response.end();
  };
}

/** Drops the connection without an answer: the client sees a reset. */
export function resetConnection(): Reply {
  return (_request, response) => {
    response.socket?.destroy();
  };
}

/** Graph's error format. */
export function graphError(status: number, code: string, headers: Record<string, string> = {}): Reply {
  return json(status, { error: { code, message: `${code} happened`, innerError: { 'request-id': `req-${status}`, date: '2026-01-01T00:00:00' } } }, headers);
}

export interface SseScript {
  /** Raw SSE text, written one chunk at a time. */
  chunks: readonly string[];
  /** After the chunks: 'end' closes cleanly, 'reset' destroys the socket, 'hold' keeps it open (the test or the client hangs up). */
  then: 'end' | 'reset' | 'hold';
}

export function sse(script: SseScript): Reply {
  return async (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    response.flushHeaders();
    for (const chunk of script.chunks) {
      response.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (script.then === 'end') response.end();
    if (script.then === 'reset') response.socket?.destroy();
  };
}

/** One SSE message carrying Lookout events. */
export function sseEvents(id: string, events: readonly unknown[]): string {
  return `id: ${id}\nevent: events\ndata: ${JSON.stringify({ events })}\n\n`;
}
