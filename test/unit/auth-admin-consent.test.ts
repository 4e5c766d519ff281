// The v2 admin consent's own side: the consent URL, and the loopback listener that
// takes its answer (a GET on /adminconsent), over real HTTP on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { AdminConsentRequest, adminConsentUrl, requestAdminConsent, type AdminConsentOptions } from '../../electron/auth/admin-consent';
import { AuthorizationResponseError, SignInTimeoutError } from '../../electron/auth/auth-code-errors';
import { isPortClosed, portOf } from '../support/loopback-browser';
import { watchOutgoingRequests } from '../support/outgoing-requests';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '0a1b2c3d-0000-4000-8000-00000000c11e';
const SCOPE = 'https://graph.microsoft.com/.default';

function outcomeOf<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('admin consent', () => {
  const requests: AdminConsentRequest[] = [];
  let opened: URL[] = [];

  afterEach(async () => {
    for (const request of requests.splice(0)) request.cancel(new Error('test over'));
    opened = [];
  });

  function consent(options: Partial<AdminConsentOptions> = {}): AdminConsentRequest {
    const request = new AdminConsentRequest({
      tenant: TENANT,
      clientId: CLIENT,
      scope: SCOPE,
      timeoutMs: 5000,
      openBrowser: (url) => {
        opened.push(new URL(url));
        return Promise.resolve();
      },
      ...options,
    });
    requests.push(request);
    return request;
  }

  /** What the browser does after the admin's answer: a GET on the redirect URI with the answer in its query. */
  async function redirect(url: URL, params: Record<string, string>): Promise<Response> {
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    return fetch(`${redirectUri}?${new URLSearchParams(params).toString()}`);
  }

  const stateOf = (url: URL): string => url.searchParams.get('state') ?? '';

  it('hands out the consent URL before waiting, with a loopback /adminconsent redirect and a fresh state, without any network request', async () => {
    const watch = watchOutgoingRequests();
    const request = consent();
    const url = new URL(await request.url);
    watch.stop();
    expect(watch.count()).toBe(0);
    expect(`${url.origin}${url.pathname}`).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent`);
    expect(url.searchParams.get('client_id')).toBe(CLIENT);
    expect(url.searchParams.get('scope')).toBe(SCOPE);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/adminconsent$/);
    expect(stateOf(url).length).toBeGreaterThanOrEqual(43);
    expect(opened.map(String)).toEqual([url.toString()]);
    expect(stateOf(new URL(await consent().url))).not.toBe(stateOf(url));
  });

  it('returns the grant, with the tenant the redirect names only as reportedTenant, then closes its port', async () => {
    const request = consent({ authorityHost: 'http://127.0.0.1:9', tenant: 'Contoso.Example' });
    const url = new URL(await request.url);
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:9/contoso.example/v2.0/adminconsent');
    const reply = await redirect(url, { admin_consent: 'True', tenant: 'a-forged-tenant', scope: SCOPE, state: stateOf(url) });
    expect(reply.status).toBe(200);
    expect(await request.result).toEqual({ reportedTenant: 'a-forged-tenant', scope: SCOPE });
    expect(await isPortClosed(portOf(url.searchParams.get('redirect_uri')!))).toBe(true);
  });

  it('reads error before admin_consent=True: declined and not-an-admin are AuthorizationResponseErrors with their AADSTS code', async () => {
    for (const [error, description, aadsts] of [
      ['access_denied', 'AADSTS65004: User declined to consent to access the app.', 65004],
      ['consent_required', 'AADSTS90094: The app needs permission that only an admin can grant.', 90094],
    ] as const) {
      const request = consent();
      const url = new URL(await request.url);
      const result = outcomeOf(request.result);
      await redirect(url, { admin_consent: 'True', error, error_description: description, state: stateOf(url) });
      const outcome = await result;
      expect(outcome).toEqual({ error: expect.any(AuthorizationResponseError) as unknown });
      expect((outcome as { error: AuthorizationResponseError }).error).toMatchObject({ error, aadsts });
    }
  });

  it('refuses a forged answer (wrong or repeated state, no admin_consent) and still takes the real one', async () => {
    const request = consent();
    const url = new URL(await request.url);
    const state = stateOf(url);
    expect((await redirect(url, { admin_consent: 'True', tenant: TENANT, state: 'forged' })).status).toBe(400);
    expect((await redirect(url, { admin_consent: 'True', tenant: TENANT })).status).toBe(400);
    expect((await fetch(`${url.searchParams.get('redirect_uri')}?admin_consent=True&state=${state}&state=${state}`)).status).toBe(400);
    expect((await redirect(url, { tenant: TENANT, state })).status).toBe(400);
    expect((await redirect(url, { admin_consent: 'False', state })).status).toBe(400);
    const port = portOf(url.searchParams.get('redirect_uri')!);
    expect((await fetch(`http://127.0.0.1:${port}/?admin_consent=True&state=${state}`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/adminconsent`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `admin_consent=True&state=${state}` })).status).toBe(405);
    expect(await isPortClosed(port)).toBe(false);
    await redirect(url, { admin_consent: 'True', tenant: TENANT, scope: SCOPE, state });
    expect(await request.result).toEqual({ reportedTenant: TENANT, scope: SCOPE });
  });

  it('gives up after the timeout, on abort, and on cancel, and leaves no port open', async () => {
    const timedOut = consent({ timeoutMs: 100 });
    const timedOutPort = portOf(new URL(await timedOut.url).searchParams.get('redirect_uri')!);
    expect(await outcomeOf(timedOut.result)).toEqual({ error: expect.any(SignInTimeoutError) as unknown });
    expect(await isPortClosed(timedOutPort)).toBe(true);

    const controller = new AbortController();
    const aborted = requestAdminConsent({ tenant: TENANT, clientId: CLIENT, scope: SCOPE, timeoutMs: 5000, signal: controller.signal, openBrowser: (url) => {
        opened.push(new URL(url));
        return Promise.resolve();
      },
    });
    const outcome = outcomeOf(aborted);
    await expect.poll(() => opened.length).toBe(1);
    const reason = new Error('the admin closed the dialog');
    controller.abort(reason);
    expect(await outcome).toEqual({ error: reason });
    expect(await isPortClosed(portOf(opened[0]!.searchParams.get('redirect_uri')!))).toBe(true);

    const cancelled = consent();
    const port = portOf(new URL(await cancelled.url).searchParams.get('redirect_uri')!);
    const stop = new Error('cancelled by the console');
    cancelled.cancel(stop);
    expect(await outcomeOf(cancelled.result)).toEqual({ error: stop });
    expect(await isPortClosed(port)).toBe(true);
  });

  it('fails a browser that cannot be opened, and closes the port', async () => {
    const broken = new Error('no browser');
    const request = consent({ openBrowser: () => Promise.reject(broken) });
    const url = new URL(await request.url);
    expect(await outcomeOf(request.result)).toEqual({ error: broken });
    expect(await isPortClosed(portOf(url.searchParams.get('redirect_uri')!))).toBe(true);
  });

  it('refuses bad input before any port opens or page is shown', async () => {
    for (const bad of [{ tenant: 'common' }, { tenant: '../evil' }, { clientId: 'not-a-guid' }, { scope: ' ' }, { authorityHost: 'http://login.evil.example' }, { authorityHost: 'https://login.microsoftonline.com/x' }]) {
      const request = consent(bad);
      expect(await outcomeOf(request.result), JSON.stringify(bad)).toEqual({ error: expect.any(RangeError) as unknown });
      await expect(request.url).rejects.toBeInstanceOf(RangeError);
    }
    expect(opened).toEqual([]);
    expect(() => adminConsentUrl({ authorityHost: 'https://login.microsoftonline.us', tenant: TENANT, clientId: CLIENT, scope: SCOPE, redirectUri: 'http://localhost:1/adminconsent', state: 's' })).not.toThrow();
  });
});
