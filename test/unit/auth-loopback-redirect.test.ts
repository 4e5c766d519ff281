import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthorizationResponseError, SignInTimeoutError } from '../../electron/auth/auth-code-errors';
import { startLoopbackRedirect, type LoopbackRedirect, type LoopbackRedirectOptions } from '../../electron/auth/loopback-redirect-server';
import { isPortClosed, sendRedirect, sleep } from '../support/loopback-browser';

const STATE = 'state-4f1c2b9e7a';

describe('loopback redirect server (real HTTP on 127.0.0.1)', () => {
  const started: LoopbackRedirect[] = [];

  afterEach(async () => {
    await Promise.all(started.splice(0).map((redirect) => redirect.close()));
  });

  async function start(options: Partial<LoopbackRedirectOptions> = {}): Promise<LoopbackRedirect> {
    const redirect = await startLoopbackRedirect({ state: STATE, ...options });
    started.push(redirect);
    return redirect;
  }

  it('takes the code from a GET redirect, answers a static page, then closes its port', async () => {
    const redirect = await start();
    expect(redirect.redirectUri).toBe(`http://localhost:${redirect.port}`);
    expect(await isPortClosed(redirect.port)).toBe(false);

    const reply = await sendRedirect(redirect.redirectUri, { code: 'the-code', state: STATE }, 'query');
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^text\/html/);
    expect(reply.csp).toContain("default-src 'none'");
    expect(reply.body).toContain('signed in');
    expect(reply.body).not.toMatch(/<script|the-code/i);
    expect(await redirect.code).toBe('the-code');
    expect(await isPortClosed(redirect.port)).toBe(true);
  });

  it('takes the code from a form_post redirect', async () => {
    const redirect = await start();
    expect((await sendRedirect(redirect.redirectUri, { code: 'posted-code', state: STATE, session_state: 'x' }, 'form_post')).status).toBe(200);
    expect(await redirect.code).toBe('posted-code');
    expect(await isPortClosed(redirect.port)).toBe(true);
  });

  it('turns an error redirect into AuthorizationResponseError and closes its port', async () => {
    const redirect = await start();
    const reply = await sendRedirect(redirect.redirectUri, { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent.', state: STATE }, 'query');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('(access_denied)');
    const error = await redirect.code.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(AuthorizationResponseError);
    expect(error).toMatchObject({ error: 'access_denied', description: 'AADSTS65004: User declined to consent.' });
    expect(await isPortClosed(redirect.port)).toBe(true);
  });

  it('refuses a wrong, missing or repeated state with 400 and keeps waiting for the right one', async () => {
    const redirect = await start();
    expect((await sendRedirect(redirect.redirectUri, { code: 'forged', state: 'someone-else' }, 'query')).status).toBe(400);
    expect((await sendRedirect(redirect.redirectUri, { code: 'forged' }, 'form_post')).status).toBe(400);
    expect((await fetch(`${redirect.redirectUri}/?code=forged&state=${STATE}&state=${STATE}`)).status).toBe(400);
    expect((await sendRedirect(redirect.redirectUri, { state: STATE }, 'query')).status).toBe(400);
    expect(await isPortClosed(redirect.port)).toBe(false);

    expect((await sendRedirect(redirect.redirectUri, { code: 'genuine', state: STATE }, 'query')).status).toBe(200);
    expect(await redirect.code).toBe('genuine');
  });

  it('answers 404 off the redirect path, 405 and 415 to other requests, and keeps waiting', async () => {
    const redirect = await start();
    expect((await fetch(`${redirect.redirectUri}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${redirect.redirectUri}/callback?code=c&state=${STATE}`)).status).toBe(404);
    expect((await fetch(`${redirect.redirectUri}/`, { method: 'PUT' })).status).toBe(405);
    const json = await fetch(`${redirect.redirectUri}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'c', state: STATE }) });
    expect(json.status).toBe(415);
    expect(await isPortClosed(redirect.port)).toBe(false);

    await sendRedirect(redirect.redirectUri, { code: 'late', state: STATE }, 'form_post');
    expect(await redirect.code).toBe('late');
  });

  it('survives a request target that is not a URL', async () => {
    const redirect = await start();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: redirect.port }, () => socket.end('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 40[04]/);
    await sendRedirect(redirect.redirectUri, { code: 'still-fine', state: STATE }, 'query');
    expect(await redirect.code).toBe('still-fine');
  });

  it('shows custom page texts as text, never as markup', async () => {
    const redirect = await start({ pages: { success: '<script>alert(1)</script> Done' } });
    const reply = await sendRedirect(redirect.redirectUri, { code: 'c', state: STATE }, 'query');
    expect(reply.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62; Done');
    expect(reply.body).not.toContain('<script');
  });

  it('closes its port when nothing arrives in time', async () => {
    const redirect = await start({ timeoutMs: 100 });
    await expect(redirect.code).rejects.toBeInstanceOf(SignInTimeoutError);
    expect(await isPortClosed(redirect.port)).toBe(true);
  });

  it('restartTimeout() gives the sign-in its full time again', async () => {
    const redirect = await start({ timeoutMs: 400 });
    await sleep(250);
    redirect.restartTimeout();
    await sleep(250);
    expect(await isPortClosed(redirect.port)).toBe(false);
    await expect(redirect.code).rejects.toBeInstanceOf(SignInTimeoutError);
    expect(await isPortClosed(redirect.port)).toBe(true);
  });

  it('closes its port when its signal aborts, with the signal reason', async () => {
    const controller = new AbortController();
    const redirect = await start({ signal: controller.signal });
    const reason = new Error('the admin gave up');
    controller.abort(reason);
    await expect(redirect.code).rejects.toBe(reason);
    expect(await isPortClosed(redirect.port)).toBe(true);
  });

  it('does not start with an aborted signal', async () => {
    const reason = new Error('already stopped');
    await expect(startLoopbackRedirect({ state: STATE, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('close() resolves once the port is closed, also with a browser connection still open', async () => {
    const redirect = await start();
    const hanging = http.request({ host: '127.0.0.1', port: redirect.port, method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    hanging.on('error', () => undefined);
    hanging.write('code=');
    await sleep(50);
    await redirect.close();
    expect(await isPortClosed(redirect.port)).toBe(true);
    await expect(redirect.code).rejects.toThrow(/cancelled/);
  });

  it('listens on the preferred port, and on a free one when it is taken', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const fallback = await start({ preferredPort: taken });
      expect(fallback.port).not.toBe(taken);
      expect(await isPortClosed(fallback.port)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    const preferred = await start({ preferredPort: taken });
    expect(preferred.port).toBe(taken);
  });
});
