// Serves the built renderer and the IPC contract over loopback HTTP, so the
// whole console runs in an ordinary browser (end-to-end tests, machines without
// an Electron binary). Access needs the per-launch token, as Jupyter does.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, fail, type Envelope } from '../../shared/ipc';
import { SECURITY_HEADERS } from '../core/content-security-policy';
import type { Core } from '../core/core';
import type { CallContext } from '../core/dispatcher';
import type { Logger } from '../http/logger';
import { readStaticFile } from '../core/static-files';

export const LOOPBACK = '127.0.0.1';
export const MAX_BODY_BYTES = 1024 * 1024;
const CALL_PREFIX = '/api/call/';
const EVENTS_PATH = '/api/events';
const SSE_KEEPALIVE_MS = 25_000;

export interface BrowserHostOptions {
  core: Core;
  rendererDir: string;
  logger: Logger;
  /** 0 or absent: a free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface BrowserHost {
  /** The URL to open once: it carries the token, which the host then keeps in a cookie. */
  url: string;
  origin: string;
  port: number;
  token: string;
  cookieName: string;
  /** Tabs connected to the event stream right now. */
  eventClientCount(): number;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function sendText(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...extra });
  res.end(text);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(value));
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { core, rendererDir, logger } = options;
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;
  let cookieName = '';
  const contextOf = (): CallContext => core.session();

  const allowedHosts = (): string[] => [`${LOOPBACK}:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`);

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Calls are POST requests.', { allow: 'POST' });
    const type = req.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('application/json')) {
      return sendText(res, 415, 'Calls must be sent as application/json.');
    }
    const body = await readBody(req);
    if (body === 'too_large') return sendText(res, 413, `A call may carry at most ${MAX_BODY_BYTES} bytes.`);
    let payload: unknown;
    try {
      const parsed: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      payload = (parsed as { payload?: unknown }).payload;
    } catch {
      const envelope: Envelope<never> = fail(
        new AppError({ code: 'validation', field: 'request', rule: 'JSON object', message: 'request: the body is not a JSON object.' }),
      );
      return sendJson(res, 400, envelope);
    }
    let name: string;
    try {
      name = decodeURIComponent(channel);
    } catch {
      // A malformed escape names no channel; the dispatcher answers not_found for it like any unknown name.
      name = channel;
    }
    sendJson(res, 200, await core.dispatcher.dispatch(name, payload, contextOf()));
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET') return sendText(res, 405, 'The event stream is a GET request.', { allow: 'GET' });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...SECURITY_HEADERS,
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), SSE_KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(keepAlive);
      sseClients.delete(res);
    });
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Only GET is served here.', { allow: 'GET, HEAD' });
    const file = await readStaticFile(rendererDir, pathname);
    if (!file) {
      const missingBuild = pathname === '/' ? ' The renderer is not built: run "npm run build:renderer".' : '';
      return sendText(res, 404, `Not found.${missingBuild}`);
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': String(file.body.length),
      'cache-control': pathname === '/' || pathname.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A foreign Host header means DNS rebinding or a proxy; a foreign Origin means another site's page.
    const host = req.headers.host ?? '';
    if (!allowedHosts().includes(host)) return sendText(res, 403, 'Refused: this host only answers on its loopback address.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) return sendText(res, 403, 'Refused: foreign origin.');

    const url = new URL(req.url ?? '/', `http://${host}`);
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!safeEqual(queryToken, token)) return sendText(res, 401, 'Refused: the access token is not valid.');
      url.searchParams.delete('token');
      // Trade the token in the URL for an HttpOnly cookie, then drop it from the address bar.
      return sendText(res, 303, 'Signed in to the browser host.', {
        location: `${url.pathname}${url.search}`,
        'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const cookieToken = cookieValue(req.headers.cookie, cookieName);
    if (cookieToken === undefined || !safeEqual(cookieToken, token)) {
      return sendText(res, 401, 'Refused: open the URL that "npm run serve" printed; it carries the access token.');
    }

    if (url.pathname.startsWith(CALL_PREFIX)) return handleCall(req, res, url.pathname.slice(CALL_PREFIX.length));
    if (url.pathname === EVENTS_PATH) return handleEvents(req, res);
    return handleStatic(req, res, url.pathname);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('browser host request failed', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.end();
    });
  });

  const unsubscribe = core.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Cookies ignore ports, so the name carries it: two hosts on one machine keep their own tokens.
  cookieName = `mtd_console_${port}`;
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    cookieName,
    eventClientCount: () => sseClients.size,
    close: async () => {
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
