// A Graph call whose token provider fails: the real client-credentials provider
// against a scripted token endpoint, the Graph client against a scripted server.
import { afterEach, describe, expect, it } from 'vitest';
import { ClientCredentialsProvider } from '../../electron/auth/client-credentials-provider';
import { TokenRequestError } from '../../electron/http/token-request-error';
import { createGraphClient, type GraphClient } from '../../electron/graph/graph-client';
import { ApiError } from '../../electron/http/api-error';
import { createRequestBudget, type RequestBudget } from '../../electron/http/request-budget';
import { FakeClock } from '../support/fake-clock';
import { advanceWhenAsleep } from '../support/fake-time';
import { jsonReply, type OAuthTokenServer, startOAuthTokenServer, type TokenReply } from '../support/oauth-token-server';
import { json, type ScriptedServer, startScriptedServer } from '../support/scripted-server';

const T0 = Date.UTC(2026, 0, 1);
const SECRET = 'cs~client-secret-value';
const TOKEN = jsonReply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'graph-token' });
const UNAVAILABLE = jsonReply(503, { error: 'temporarily_unavailable' });
let graph: ScriptedServer | undefined;
let issuer: OAuthTokenServer | undefined;

afterEach(async () => {
  await graph?.close();
  await issuer?.close();
  graph = undefined;
  issuer = undefined;
});

async function setUp(tokenReplies: readonly TokenReply[], maxAttempts = 6): Promise<{ client: GraphClient; budget: RequestBudget; clock: FakeClock; graph: ScriptedServer; issuer: OAuthTokenServer }> {
  const clock = new FakeClock(T0);
  issuer = await startOAuthTokenServer((_request, index) => tokenReplies[index] ?? TOKEN);
  graph = await startScriptedServer(json(200, { id: 'me' }), clock);
  const tokens = new ClientCredentialsProvider({ tokenUrl: issuer.tokenUrl, clientId: 'app-1', clientSecret: SECRET, scope: 'https://graph.microsoft.com/.default', clock });
  const budget = createRequestBudget({ windowMs: 20_000, maxRequests: 100, maxWrites: 10, clock });
  const client = createGraphClient({ baseUrl: `${graph.origin}/v1.0`, tokens, clock, budget, retry: { maxAttempts, backoff: { baseMs: 100, capMs: 1000, random: () => 0.5 } } });
  return { client, budget, clock, graph, issuer };
}

describe('Graph calls whose token provider fails', () => {
  it('retry a token failure worth retrying with the same backoff, spending from the budget only for the call sent', async () => {
    const { client, budget, clock, graph, issuer } = await setUp([UNAVAILABLE, UNAVAILABLE]);
    const result = client.get('/me');
    await advanceWhenAsleep(clock);
    await advanceWhenAsleep(clock);
    await expect(result).resolves.toEqual({ id: 'me' });
    expect(clock.sleeps).toEqual([50, 100]);
    expect(issuer.requests).toHaveLength(3);
    expect(graph.requests.map((request) => request.headers.authorization)).toEqual(['Bearer graph-token']);
    expect(budget.used().requests).toBe(1);
  });

  it('stop at a refused credential with an ApiError that keeps the cause, spending nothing', async () => {
    const { client, budget, clock, graph, issuer } = await setUp([jsonReply(401, { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided: ${SECRET}` })]);
    const error = await client.get('/me').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ service: 'Microsoft Graph', status: 0, code: 'tokenUnavailable', attempts: 1, path: '/v1.0/me' });
    expect((error as ApiError).cause).toBeInstanceOf(TokenRequestError);
    expect(String(error)).toContain('invalid_client');
    expect(String(error)).not.toContain(SECRET);
    expect(clock.sleeps).toEqual([]);
    expect(issuer.requests).toHaveLength(1);
    expect(graph.requests).toHaveLength(0);
    expect(budget.used().requests).toBe(0);
  });

  it('give up after maxAttempts token failures, counting each as an attempt', async () => {
    const { client, budget, clock, graph } = await setUp([UNAVAILABLE, UNAVAILABLE, UNAVAILABLE], 3);
    const result = client.get('/me').catch((caught: unknown) => caught);
    await advanceWhenAsleep(clock);
    await advanceWhenAsleep(clock);
    expect(await result).toMatchObject({ name: 'ApiError', code: 'tokenUnavailable', attempts: 3 });
    expect(graph.requests).toHaveLength(0);
    expect(budget.used().requests).toBe(0);
  });
});
