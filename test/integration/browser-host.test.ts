// The browser host over real loopback HTTP: token, cookie, Host and Origin checks, calls and events.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { createMemoryLogger } from '../../electron/http/logger';
import { LOOPBACK, MAX_BODY_BYTES, startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { makeTempDir } from '../support/temp-dir';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw node:http, so that Host and Origin can be forged as an attacker's client would. */
function send(host: BrowserHost, options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: LOOPBACK, port: host.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host', () => {
  const temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  let core: Core;
  let host: BrowserHost;
  let cookie: string;

  beforeAll(async () => {
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
    core = createCore({ version: '1.2.3', host: 'browser', dataDir: path.join(temp.dir, 'data'), logger: createMemoryLogger() });
    host = await startBrowserHost({ core, rendererDir, logger: createMemoryLogger() });
    cookie = `${host.cookieName}=${host.token}`;
  });

  afterAll(async () => {
    await host.close();
    await core.close();
    temp.cleanup();
  });

  const call = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
    send(host, {
      path: `/api/call/${channel}`,
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ payload }),
    });

  it('listens on 127.0.0.1 only and prints a URL that carries the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses the page, the API and the event stream without the token', async () => {
    for (const request of [{ path: '/' }, { path: '/index.html' }, { path: '/api/events' }, { path: '/api/call/app.info', method: 'POST' }]) {
      expect((await send(host, request)).status).toBe(401);
    }
  });

  it('refuses a wrong token, in the URL or in the cookie', async () => {
    expect((await send(host, { path: '/?token=wrong' })).status).toBe(401);
    expect((await send(host, { path: `/?token=${host.token}x` })).status).toBe(401);
    expect((await send(host, { path: '/', headers: { cookie: `${host.cookieName}=wrong` } })).status).toBe(401);
    // A valid token under another port's cookie name does not count either.
    expect((await send(host, { path: '/', headers: { cookie: `mtd_console_1=${host.token}` } })).status).toBe(401);
  });

  it('trades the token in the URL for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const reply = await send(host, { path: `/?token=${host.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`${host.cookieName}=${host.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
  });

  it('serves the renderer with the strict Content-Security-Policy', async () => {
    const reply = await send(host, { path: '/', headers: { cookie } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>console</title>');
    expect(reply.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    for (const forged of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
      const reply = await send(host, { path: `/?token=${host.token}`, headers: { host: forged, cookie } });
      expect(reply.status).toBe(403);
    }
    expect((await send(host, { path: '/', headers: { host: `localhost:${host.port}`, cookie } })).status).toBe(200);
  });

  it('refuses a request with no Host header at all', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(host.port, LOOPBACK, () => socket.write(`GET /?token=${host.token} HTTP/1.0\r\n\r\n`));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it("refuses calls from another site's page (foreign Origin)", async () => {
    const reply = await call('app.info', undefined, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    const same = await call('app.info', undefined, { origin: host.origin });
    expect(same.status).toBe(200);
  });

  it('answers a call with the typed envelope', async () => {
    const reply = await call('app.info', undefined);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { version: '1.2.3', host: 'browser' } });
  });

  it('answers bad calls with typed errors, not crashes', async () => {
    expect(JSON.parse((await call('no.such.channel', undefined)).body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const badEscape = await call('app.info%E0%A4%A', undefined);
    expect(badEscape.status).toBe(200);
    expect(JSON.parse(badEscape.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(JSON.parse((await call('app.info', { forged: true })).body)).toMatchObject({ ok: false, error: { code: 'validation', field: 'request' } });
    const malformed = await send(host, { path: '/api/call/app.info', method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"payload":' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'validation', field: 'request' } });
    const array = await send(host, { path: '/api/call/app.info', method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '[]' });
    expect(array.status).toBe(400);
  });

  it('refuses calls that are not JSON POSTs or that are too large', async () => {
    expect((await send(host, { path: '/api/call/app.info', headers: { cookie } })).status).toBe(405);
    const form = await send(host, { path: '/api/call/app.info', method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const large = await send(host, { path: '/api/call/app.info', method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: big });
    expect(large.status).toBe(413);
  });

  it('streams events to connected tabs', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: LOOPBACK, port: host.port, path: '/api/events', headers: { cookie } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          if (buffer.includes(': connected')) core.events.emit('app.notice', { level: 'warning', message: 'settings restored' });
          if (buffer.includes('event: app.notice')) {
            req.destroy();
            resolve(buffer);
          }
        });
      });
      req.on('error', reject);
    });
    const stream = await received;
    expect(stream).toContain('event: app.notice\ndata: {"level":"warning","message":"settings restored"}');
  });
});
