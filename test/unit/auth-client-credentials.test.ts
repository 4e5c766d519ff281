import http from 'node:http';
import type { AddressInfo } from 'node:net';
import util from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientCredentialsProvider, type ClientCredentialsProviderOptions } from '../../electron/auth/client-credentials-provider';
import { TokenRequestError } from '../../electron/http/token-request-error';
import { FakeClock } from '../support/fake-clock';
import { deferred, jsonReply, startOAuthTokenServer, type OAuthTokenServer, type TokenReply } from '../support/oauth-token-server';

const SECRET = 'cs~Sup3r-s3cret.value_42';
const SCOPE = 'https://graph.microsoft.com/.default';

/** Answers token-1, token-2, … with the given lifetime. */
const issueTokens =
  (expiresIn: unknown = 3600) =>
  (_request: unknown, index: number): TokenReply =>
    jsonReply(200, { token_type: 'Bearer', expires_in: expiresIn, access_token: `token-${index + 1}` });

let server: OAuthTokenServer;
let clock: FakeClock;

beforeEach(async () => {
  server = await startOAuthTokenServer(issueTokens());
  clock = new FakeClock(0);
});

afterEach(async () => {
  await server.close();
});

function provider(overrides: Partial<ClientCredentialsProviderOptions> = {}): ClientCredentialsProvider {
  return new ClientCredentialsProvider({ tokenUrl: server.tokenUrl, clientId: 'app-1', clientSecret: SECRET, scope: SCOPE, clock, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<TokenRequestError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TokenRequestError);
  return error as TokenRequestError;
}

function expectNoSecret(error: TokenRequestError): void {
  for (const text of [error.message, String(error.stack), JSON.stringify(error), util.inspect(error, { depth: 5 })]) expect(text).not.toContain(SECRET);
}

describe('ClientCredentialsProvider', () => {
  it('posts the client-credentials form and returns the access token', async () => {
    expect(await provider().getToken()).toBe('token-1');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request?.form ?? [])).toEqual({ grant_type: 'client_credentials', client_id: 'app-1', client_secret: SECRET, scope: SCOPE });
  });

  it('serves the cached token until 5 minutes before a one-hour token expires, then fetches a new one', async () => {
    const tokens = provider();
    expect(await tokens.getToken()).toBe('token-1');
    await clock.advance(55 * 60_000 - 1);
    expect(await tokens.getToken()).toBe('token-1');
    expect(server.requests).toHaveLength(1);
    await clock.advance(1);
    expect(await tokens.getToken()).toBe('token-2');
    expect(server.requests).toHaveLength(2);
  });

  it('keeps 10% of the lifetime as margin for short tokens, and reads expires_in sent as a string', async () => {
    server.respondWith(issueTokens('60'));
    const tokens = provider();
    expect(await tokens.getToken()).toBe('token-1');
    await clock.advance(53_999);
    expect(await tokens.getToken()).toBe('token-1');
    await clock.advance(1);
    expect(await tokens.getToken()).toBe('token-2');
  });

  it('shares one request among concurrent callers', async () => {
    const release = deferred<void>();
    server.respondWith(async (request, index) => {
      await release.promise;
      return issueTokens()(request, index);
    });
    const tokens = provider();
    const pending = Array.from({ length: 5 }, () => tokens.getToken());
    await waitFor(() => server.requests.length === 1);
    release.resolve();
    expect(await Promise.all(pending)).toEqual(Array(5).fill('token-1'));
    expect(server.requests).toHaveLength(1);
  });

  it('lets one caller stop waiting without failing the others', async () => {
    const release = deferred<void>();
    server.respondWith(async (request, index) => {
      await release.promise;
      return issueTokens()(request, index);
    });
    const tokens = provider();
    const controller = new AbortController();
    const abandoned = tokens.getToken(controller.signal);
    const patient = tokens.getToken();
    await waitFor(() => server.requests.length === 1);
    controller.abort(new Error('page closed'));
    await expect(abandoned).rejects.toThrow('page closed');
    release.resolve();
    expect(await patient).toBe('token-1');
    expect(server.requests).toHaveLength(1);
  });

  it('fetches a new token after invalidate()', async () => {
    const tokens = provider();
    expect(await tokens.getToken()).toBe('token-1');
    tokens.invalidate();
    expect(await tokens.getToken()).toBe('token-2');
    expect(await tokens.getToken()).toBe('token-2');
    expect(server.requests).toHaveLength(2);
  });

  it("fails with OAuth's error and description, and never the secret", async () => {
    server.respondWith(() =>
      jsonReply(401, { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided (${SECRET}).` }),
    );
    const error = await failure(provider().getToken());
    expect(error.failure).toBe('http');
    expect(error.status).toBe(401);
    expect(error.oauthError).toBe('invalid_client');
    expect(error.oauthErrorDescription).toContain('AADSTS7000215: Invalid client secret provided');
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('invalid_client');
    expect(error.retryable).toBe(false);
    expectNoSecret(error);
  });

  it('does not cache a failure: the next call asks again', async () => {
    server.respondWith((request, index) => (index === 0 ? { status: 503, body: '<html>busy</html>' } : issueTokens()(request, index)));
    const tokens = provider();
    const error = await failure(tokens.getToken());
    expect(error.status).toBe(503);
    expect(error.oauthError).toBeUndefined();
    expect(error.retryable).toBe(true);
    expect(await tokens.getToken()).toBe('token-2');
  });

  it('rejects a 200 whose body is not JSON, or has no bearer token, or a bad lifetime', async () => {
    const bodies: TokenReply[] = [
      { status: 200, body: '{"access_token": "tok' },
      jsonReply(200, { token_type: 'Bearer', expires_in: 3600 }),
      jsonReply(200, { token_type: 'mac', expires_in: 3600, access_token: 'x' }),
      jsonReply(200, { token_type: 'Bearer', expires_in: -5, access_token: 'x' }),
      jsonReply(200, ['not', 'an', 'object']),
    ];
    server.respondWith((_request, index) => bodies[index] ?? jsonReply(500, {}));
    const tokens = provider();
    for (let i = 0; i < bodies.length; i++) {
      const error = await failure(tokens.getToken());
      expect(error.failure).toBe('invalid_response');
      expectNoSecret(error);
    }
  });

  it('reports a token endpoint that does not answer as a retryable network failure', async () => {
    const error = await failure(provider({ tokenUrl: await closedPortUrl() }).getToken());
    expect(error.failure).toBe('network');
    expect(error.retryable).toBe(true);
    expectNoSecret(error);
  });

  it('refuses to send the secret over plain http beyond loopback', () => {
    expect(() => provider({ tokenUrl: 'http://login.example.com/token' })).toThrow(/https/);
    expect(() => provider({ tokenUrl: 'not a url' })).toThrow(/valid URL/);
    expect(() => provider({ tokenUrl: 'https://login.example.com/token' })).not.toThrow();
  });

  it('does not show the secret when the provider itself is inspected', () => {
    const tokens = provider();
    expect(util.inspect(tokens, { depth: 5, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(tokens)).not.toContain(SECRET);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/token`;
}
