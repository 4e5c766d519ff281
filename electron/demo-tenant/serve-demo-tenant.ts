// Serves a demo tenant's fetch handler over node:http on 127.0.0.1, with optional
// added latency and the demo-only /_demo/ routes (request counts, consent, Intune roles).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { demoControlRoute, emptyStats, type DemoRequestStats } from './demo-control-routes';
import type { DemoTenant, DemoTenantCredentials } from './demo-tenant';
import { ConnectionResetFault } from './faults';

export { DEMO_CONSENT_PATH, DEMO_STATS_PATH, type DemoRequestStats } from './demo-control-routes';

export interface ServeDemoTenantOptions {
  /** Added before each request is handled, as network latency would be (default 0). */
  latencyMs?: number;
}

export interface ServedDemoTenant {
  origin: string;
  port: number;
  credentials: DemoTenantCredentials;
  stats(): DemoRequestStats;
  resetStats(): void;
  close(): Promise<void>;
}

function count(stats: DemoRequestStats, pathname: string): void {
  if (pathname.startsWith('/graph/')) stats.graphRequests += 1;
  else if (pathname.startsWith('/lookout/')) stats.mraRequests += 1;
  else if (pathname.startsWith('/partner/')) stats.partnerRequests += 1;
}

function toRequest(req: http.IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

export async function serveDemoTenant(tenant: DemoTenant, port = 0, { latencyMs = 0 }: ServeDemoTenantOptions = {}): Promise<ServedDemoTenant> {
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new RangeError(`latencyMs must be a number >= 0; got ${String(latencyMs)}.`);
  const sockets = new Set<Socket>();
  const stats = emptyStats();
  let origin = '';
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (demoControlRoute(tenant, req, res, pathname, stats)) return;
    count(stats, pathname);
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    void (async () => {
      try {
        if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
        if (controller.signal.aborted) return;
        const response = await tenant.handle(toRequest(req, origin, controller.signal));
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => (headers[key] = value));
        res.writeHead(response.status, headers);
        if (!response.body) return res.end();
        const reader = response.body.getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          if (!res.write(chunk.value)) await new Promise((resolve) => res.once('drain', resolve));
        }
        res.end();
      } catch (error) {
        if (error instanceof ConnectionResetFault) {
          req.socket.destroy();
          return;
        }
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${actual}`;
  return {
    origin,
    port: actual,
    credentials: tenant.credentials(origin),
    stats: () => ({ ...stats }),
    resetStats: () => void Object.assign(stats, emptyStats()),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
