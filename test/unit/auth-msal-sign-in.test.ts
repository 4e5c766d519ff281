import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthorizationResponseError, SignInTimeoutError } from '../../electron/auth/auth-code-errors';
import { MsalInteractiveProvider, type MsalInteractiveProviderOptions } from '../../electron/auth/msal-interactive-provider';
import { EncryptedTokenCachePlugin } from '../../electron/auth/token-cache-plugin';
import { createMemoryLogger } from '../../electron/http/logger';
import { createAesGcmCipher } from '../support/aes-gcm-cipher';
import { clientInfo, rerouteEntraTokenRequests, unsignedIdToken } from '../support/entra-token-reroute';
import { isPortClosed, portOf, sendRedirect } from '../support/loopback-browser';
import { FIXTURE_CLIENT_ID, FIXTURE_TENANT_ID } from '../support/msal-cache-fixture';
import { jsonReply, startOAuthTokenServer, type OAuthTokenServer } from '../support/oauth-token-server';
import { watchOutgoingRequests } from '../support/outgoing-requests';
import { makeTempDir } from '../support/temp-dir';

const NEW_OID = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
const NEW_USERNAME = 'second.admin@contoso.example';

/** Observes the promise at once, so a rejection before the test awaits it is not reported as unhandled. */
function outcomeOf<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('MsalInteractiveProvider browser sign-in (authorization code + PKCE, own loopback server)', () => {
  let temp: { dir: string; cleanup: () => void };
  let tokenServer: OAuthTokenServer;
  let opened: URL[];
  const providers: MsalInteractiveProvider[] = [];

  beforeEach(async () => {
    temp = makeTempDir('mtd-msal-sign-in-');
    opened = [];
    tokenServer = await startOAuthTokenServer(() => jsonReply(500, { error: 'not_scripted' }));
    rerouteEntraTokenRequests(tokenServer.tokenUrl);
  });

  afterEach(async () => {
    await Promise.all(providers.splice(0).map((tokens) => tokens.signOut()));
    vi.unstubAllGlobals();
    await tokenServer.close();
    temp.cleanup();
  });

  function provider(options: Partial<MsalInteractiveProviderOptions> = {}): MsalInteractiveProvider {
    const tokens = new MsalInteractiveProvider({
      clientId: FIXTURE_CLIENT_ID,
      tenantId: FIXTURE_TENANT_ID,
      cachePlugin: new EncryptedTokenCachePlugin({ filePath: path.join(temp.dir, 'cache.bin'), cipher: createAesGcmCipher(), logger: createMemoryLogger() }),
      openBrowser: (url) => {
        opened.push(new URL(url));
        return Promise.resolve();
      },
      ...options,
    });
    providers.push(tokens);
    return tokens;
  }

  async function browserOpened(count: number): Promise<URL> {
    await vi.waitFor(() => expect(opened).toHaveLength(count));
    const url = opened[count - 1];
    if (!url) throw new Error('no browser page opened');
    return url;
  }

  function param(url: URL, name: string): string {
    const value = url.searchParams.get(name);
    if (value === null) throw new Error(`the sign-in URL has no ${name}`);
    return value;
  }

  /** Entra ID's token endpoint: answers the code exchange with tokens for a new admin, bound to the request's nonce. */
  function answerCodeExchange(nonce: string): void {
    tokenServer.respondWith(() =>
      jsonReply(200, {
        token_type: 'Bearer',
        scope: 'https://graph.microsoft.com/.default openid profile offline_access',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: 'at-from-the-code',
        refresh_token: 'rt-from-the-code',
        client_info: clientInfo(NEW_OID, FIXTURE_TENANT_ID),
        id_token: unsignedIdToken({
          oid: NEW_OID,
          tid: FIXTURE_TENANT_ID,
          sub: 'subject-1',
          preferred_username: NEW_USERNAME,
          name: 'Second Admin',
          aud: FIXTURE_CLIENT_ID,
          iss: `https://login.microsoftonline.com/${FIXTURE_TENANT_ID}/v2.0`,
          iat: Math.floor(Date.now() / 1000),
          exp: Math.floor(Date.now() / 1000) + 3600,
          nonce,
        }),
      }),
    );
  }

  it('opens an authorization-code + PKCE request with a loopback redirect, without any network request', async () => {
    const watch = watchOutgoingRequests();
    const signingIn = outcomeOf(provider().signIn());
    const url = await browserOpened(1);
    watch.stop();
    expect(watch.count()).toBe(0);

    expect(`${url.origin}${url.pathname}`).toBe(`https://login.microsoftonline.com/${FIXTURE_TENANT_ID}/oauth2/v2.0/authorize`);
    expect(param(url, 'client_id')).toBe(FIXTURE_CLIENT_ID);
    expect(param(url, 'response_type')).toBe('code');
    expect(param(url, 'response_mode')).toBe('form_post');
    expect(param(url, 'code_challenge_method')).toBe('S256');
    expect(param(url, 'code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(param(url, 'state').length).toBeGreaterThanOrEqual(32);
    expect(param(url, 'nonce').length).toBeGreaterThanOrEqual(16);
    expect(param(url, 'prompt')).toBe('select_account');
    // A sign-in asks for User.Read only (msal adds the OpenID scopes): enough to read who signed in, and anyone may consent to it.
    expect(param(url, 'scope').split(' ').sort()).toEqual(['User.Read', 'offline_access', 'openid', 'profile']);
    const redirectUri = param(url, 'redirect_uri');
    expect(redirectUri).toMatch(/^http:\/\/localhost:\d+$/);
    expect(await isPortClosed(portOf(redirectUri))).toBe(false);

    await sendRedirect(redirectUri, { error: 'access_denied', state: param(url, 'state') }, 'form_post');
    expect(await signingIn).toEqual({ error: expect.any(AuthorizationResponseError) as unknown });
    expect(await isPortClosed(portOf(redirectUri))).toBe(true);
  });

  it('takes the code from the right redirect only, exchanges it with the PKCE verifier, and closes the port', async () => {
    const tokens = provider();
    const signingIn = tokens.signIn();
    const url = await browserOpened(1);
    const redirectUri = param(url, 'redirect_uri');
    answerCodeExchange(param(url, 'nonce'));

    const forged = await sendRedirect(redirectUri, { code: 'forged-code', state: 'not-the-state' }, 'form_post');
    expect(forged.status).toBe(400);
    expect(await isPortClosed(portOf(redirectUri))).toBe(false);
    const genuine = await sendRedirect(redirectUri, { code: 'the-code', state: param(url, 'state'), session_state: 's' }, 'form_post');
    expect(genuine.status).toBe(200);

    expect(await signingIn).toEqual({ username: NEW_USERNAME, oid: NEW_OID, tid: FIXTURE_TENANT_ID, name: 'Second Admin' });
    expect(await isPortClosed(portOf(redirectUri))).toBe(true);
    expect(tokenServer.requests).toHaveLength(1);
    const form = tokenServer.requests[0]?.form ?? new URLSearchParams();
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('the-code');
    expect(form.get('redirect_uri')).toBe(redirectUri);
    expect(form.get('client_id')).toBe(FIXTURE_CLIENT_ID);
    const verifier = form.get('code_verifier') ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(param(url, 'code_challenge'));

    expect(tokens.signedInAccount()?.username).toBe(NEW_USERNAME);
    expect(await tokens.getToken()).toBe('at-from-the-code');
    expect(tokenServer.requests).toHaveLength(1);
  });

  it('an abandoned sign-in (the caller gives up) leaves no listening port', async () => {
    const controller = new AbortController();
    const signingIn = outcomeOf(provider().signIn(controller.signal));
    const port = portOf(param(await browserOpened(1), 'redirect_uri'));
    expect(await isPortClosed(port)).toBe(false);
    const reason = new Error('the admin closed the dialog');
    controller.abort(reason);
    expect(await signingIn).toEqual({ error: reason });
    expect(await isPortClosed(port)).toBe(true);
  });

  it('a sign-in nobody completes times out and leaves no listening port', async () => {
    const signingIn = outcomeOf(provider({ signInTimeoutMs: 150 }).signIn());
    const port = portOf(param(await browserOpened(1), 'redirect_uri'));
    expect(await signingIn).toEqual({ error: expect.any(SignInTimeoutError) as unknown });
    expect(await isPortClosed(port)).toBe(true);
  });

  it('a second signIn while one is open reuses its listener: the same page again, one port, one exchange', async () => {
    const tokens = provider();
    const first = tokens.signIn();
    const second = tokens.signIn();
    const url = await browserOpened(1);
    const third = tokens.signIn();
    const again = await browserOpened(2);
    expect(again.href).toBe(url.href);

    answerCodeExchange(param(url, 'nonce'));
    const redirectUri = param(url, 'redirect_uri');
    await sendRedirect(redirectUri, { code: 'the-code', state: param(url, 'state') }, 'form_post');
    const accounts = await Promise.all([first, second, third]);
    expect(accounts.map((account) => account.oid)).toEqual([NEW_OID, NEW_OID, NEW_OID]);
    expect(tokenServer.requests).toHaveLength(1);
    expect(opened).toHaveLength(2);
    expect(await isPortClosed(portOf(redirectUri))).toBe(true);
  });

  it('one caller giving up does not end the sign-in others still wait for', async () => {
    const tokens = provider();
    const controller = new AbortController();
    const leaving = outcomeOf(tokens.signIn(controller.signal));
    const staying = tokens.signIn();
    const url = await browserOpened(1);
    controller.abort(new Error('left'));
    expect(await leaving).toEqual({ error: new Error('left') });
    expect(await isPortClosed(portOf(param(url, 'redirect_uri')))).toBe(false);

    answerCodeExchange(param(url, 'nonce'));
    await sendRedirect(param(url, 'redirect_uri'), { code: 'the-code', state: param(url, 'state') }, 'query');
    expect((await staying).username).toBe(NEW_USERNAME);
  });

  it('signOut() during a sign-in closes its port', async () => {
    const tokens = provider();
    const signingIn = outcomeOf(tokens.signIn());
    const port = portOf(param(await browserOpened(1), 'redirect_uri'));
    await tokens.signOut();
    expect(await signingIn).toEqual({ error: new Error('The sign-in was cancelled: signed out.') });
    expect(await isPortClosed(port)).toBe(true);
    expect(tokens.signedInAccount()).toBeNull();
  });

  it('getToken() without an account signs in through the browser, then serves the token from cache', async () => {
    const tokens = provider();
    const token = tokens.getToken();
    const url = await browserOpened(1);
    expect(url.searchParams.get('prompt')).toBeNull();
    answerCodeExchange(param(url, 'nonce'));
    await sendRedirect(param(url, 'redirect_uri'), { code: 'the-code', state: param(url, 'state') }, 'form_post');
    expect(await token).toBe('at-from-the-code');
    expect(tokens.signedInAccount()?.oid).toBe(NEW_OID);
  });
});
