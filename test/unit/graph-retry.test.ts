// Retry timing of the Graph client against a real loopback server, on a fake
// clock: the server stamps each request with the fake time it arrived.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/http/api-error';
import { FakeClock } from '../support/fake-clock';
import { createRequestBudget } from '../../electron/http/request-budget';
import { createGraphClient, type GraphClient } from '../../electron/graph/graph-client';
import { countingTokenProvider } from '../support/counting-token-provider';
import { advanceWhenAsleep, settle, settledBeforeSleeping } from '../support/fake-time';
import { graphError, json, type Reply, resetConnection, type ScriptedServer, startScriptedServer } from '../support/scripted-server';

const T0 = Date.UTC(2026, 0, 1);
const OK = json(200, { id: 'me' });
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(replies: readonly Reply[], maxAttempts = 6): Promise<{ clock: FakeClock; client: GraphClient; server: ScriptedServer }> {
  const clock = new FakeClock(T0);
  server = await startScriptedServer(replies, clock);
  const client = createGraphClient({
    baseUrl: `${server.origin}/v1.0`,
    tokens: countingTokenProvider(),
    clock,
    retry: { maxAttempts, backoff: { baseMs: 100, capMs: 1000, random: () => 0.5 } },
  });
  return { clock, client, server };
}

function arrivals(scripted: ScriptedServer): number[] {
  return scripted.requests.map((request) => request.at - T0);
}

describe('Graph client retries', () => {
  it('waits out Retry-After in seconds, and not a millisecond less', async () => {
    const { clock, client, server } = await setUp([graphError(429, 'TooManyRequests', { 'Retry-After': '3' }), OK]);
    const result = client.get<{ id: string }>('/me');
    await advanceWhenAsleep(clock, 2999);
    await settle();
    expect(server.requests).toHaveLength(1);
    await clock.advance(1);
    await expect(result).resolves.toEqual({ id: 'me' });
    expect(clock.sleeps).toEqual([3000]);
    expect(arrivals(server)).toEqual([0, 3000]);
  });

  it('waits out Retry-After given as an HTTP date', async () => {
    const until = new Date(T0 + 5000).toUTCString();
    const { clock, client, server } = await setUp([graphError(429, 'TooManyRequests', { 'Retry-After': until }), OK]);
    const result = client.get('/me');
    await advanceWhenAsleep(clock);
    await result;
    expect(clock.sleeps).toEqual([5000]);
    expect(arrivals(server)).toEqual([0, 5000]);
  });

  it('never retries before its jittered backoff either: Retry-After 0 is no burst', async () => {
    const throttled = (retryAfter: string) => graphError(429, 'TooManyRequests', { 'Retry-After': retryAfter });
    const replies = [throttled('0'), throttled('0'), throttled('0'), throttled('0.3'), graphError(503, 'ServiceUnavailable', { 'Retry-After': '1' }), OK];
    const { clock, client, server } = await setUp(replies, 6);
    const result = client.get('/me');
    for (let i = 0; i < 5; i++) await advanceWhenAsleep(clock);
    await expect(result).resolves.toEqual({ id: 'me' });
    // max(Retry-After, random 0.5 of min(cap 1000, 100 * 2^n))
    expect(clock.sleeps).toEqual([50, 100, 200, 400, 1000]);
    expect(arrivals(server)).toEqual([0, 50, 150, 350, 750, 1750]);
  });

  it('fails fast, saying how long, when Retry-After is beyond the maximum, and holds the budget no longer than that', async () => {
    const { clock, client, server } = await setUp([graphError(429, 'TooManyRequests', { 'Retry-After': '86400' }), OK]);
    const error = await settledBeforeSleeping(client.get('/me'), clock).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'retryAfterTooLong', retryAfterMs: 86_400_000, attempts: 1 });
    expect(String(error)).toContain('86400 s');
    expect(server.requests).toHaveLength(1);
    const next = client.get('/me');
    await advanceWhenAsleep(clock);
    await next;
    expect(clock.sleeps).toEqual([300_000]);
  });

  it('takes its maximum Retry-After from the retry policy', async () => {
    const clock = new FakeClock(T0);
    server = await startScriptedServer([graphError(503, 'ServiceUnavailable', { 'Retry-After': '11' }), OK], clock);
    const client = createGraphClient({ baseUrl: `${server.origin}/v1.0`, tokens: countingTokenProvider(), clock, retry: { maxRetryAfterMs: 10_000 } });
    await expect(settledBeforeSleeping(client.get('/me'), clock)).rejects.toMatchObject({ status: 503, code: 'retryAfterTooLong', retryAfterMs: 11_000 });
  });

  it('backs off with jitter, doubling up to the cap, when no Retry-After comes', async () => {
    const replies = [graphError(429, 'TooManyRequests'), graphError(500, 'InternalServerError'), graphError(502, 'BadGateway'), graphError(503, 'ServiceUnavailable'), graphError(504, 'GatewayTimeout'), OK];
    const { clock, client, server } = await setUp(replies, 6);
    const result = client.get('/me');
    for (let i = 0; i < 5; i++) await advanceWhenAsleep(clock);
    await expect(result).resolves.toEqual({ id: 'me' });
    // random 0.5 of min(cap 1000, 100 * 2^n)
    expect(clock.sleeps).toEqual([50, 100, 200, 400, 500]);
    expect(arrivals(server)).toEqual([0, 50, 150, 350, 750, 1250]);
  });

  it('retries a connection reset like any network error', async () => {
    const { clock, client, server } = await setUp([resetConnection(), OK]);
    const result = client.get('/me');
    await advanceWhenAsleep(clock);
    await expect(result).resolves.toEqual({ id: 'me' });
    expect(clock.sleeps).toEqual([50]);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxAttempts with a typed error carrying the last answer', async () => {
    const { clock, client, server } = await setUp([graphError(503, 'ServiceUnavailable'), graphError(503, 'ServiceUnavailable'), graphError(503, 'ServiceUnavailable')], 3);
    const result = client.get('/deviceManagement/managedDevices?$skiptoken=SECRET').catch((error: unknown) => error);
    await advanceWhenAsleep(clock);
    await advanceWhenAsleep(clock);
    const error = await result;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'ServiceUnavailable', requestId: 'req-503', attempts: 3, path: '/v1.0/deviceManagement/managedDevices' });
    expect(String(error)).not.toContain('SECRET');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up on network errors too, as status 0 networkError', async () => {
    const { clock, client } = await setUp([resetConnection(), resetConnection()], 2);
    const result = client.get('/me').catch((error: unknown) => error);
    await advanceWhenAsleep(clock);
    expect(await result).toMatchObject({ name: 'ApiError', status: 0, code: 'networkError', attempts: 2 });
  });

  it('does not retry other failures', async () => {
    for (const status of [400, 403, 404, 501]) {
      const { client, server: scripted } = await setUp([graphError(status, 'Nope')]);
      await expect(client.get('/me')).rejects.toMatchObject({ status, code: 'Nope' });
      expect(scripted.requests).toHaveLength(1);
      await scripted.close();
    }
  });

  it('stops a backoff sleep when the signal aborts, and sends nothing more', async () => {
    const { clock, client, server } = await setUp([graphError(429, 'TooManyRequests', { 'Retry-After': '60' }), OK]);
    const controller = new AbortController();
    const result = client.get('/me', { signal: controller.signal });
    await advanceWhenAsleep(clock, 1000);
    controller.abort(new Error('admin closed the console'));
    await expect(result).rejects.toThrow('admin closed the console');
    await clock.advance(120_000);
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  for (const status of [429, 503]) {
    it(`holds the shared budget after a ${status} with Retry-After, so other calls wait for it too`, async () => {
      const clock = new FakeClock(T0);
      server = await startScriptedServer((request, response) => {
        if (request.path === '/v1.0/first' && server?.requests.length === 1) return graphError(status, 'Throttled', { 'Retry-After': '2' })(request, response);
        return OK(request, response);
      }, clock);
      const budget = createRequestBudget({ windowMs: 20_000, maxRequests: 100, maxWrites: 10, clock });
      const client = createGraphClient({ baseUrl: `${server.origin}/v1.0`, tokens: countingTokenProvider(), clock, budget });
      const first = client.get('/first');
      await advanceWhenAsleep(clock, 0);
      const second = client.get('/second');
      await settle();
      expect(server.requests).toHaveLength(1);
      await clock.advance(2000);
      await Promise.all([first, second]);
      expect(arrivals(server).slice(1).sort()).toEqual([2000, 2000]);
    });
  }

  it('slows its budget down when Graph reports x-ms-throttle-limit-percentage', async () => {
    const clock = new FakeClock(T0);
    server = await startScriptedServer(json(200, { id: 'me' }, { 'x-ms-throttle-limit-percentage': '1.6' }), clock);
    const client = createGraphClient({ baseUrl: `${server.origin}/v1.0`, tokens: countingTokenProvider(), clock });
    expect(client.budget.allowance()).toEqual({ requests: 1800, writes: 180 });
    await client.get('/me');
    expect(client.budget.allowance()).toEqual({ requests: 900, writes: 90 });
  });

  it('keeps the strongest slow-down Graph reported within the window, so a milder report does not lift it', async () => {
    const clock = new FakeClock(T0);
    const usage: Record<string, string> = { '/v1.0/a': '1.6', '/v1.0/b': '0.8' };
    server = await startScriptedServer((request, response) => json(200, { id: 'me' }, { 'x-ms-throttle-limit-percentage': usage[request.path] ?? '0' })(request, response), clock);
    const budget = createRequestBudget({ windowMs: 1000, maxRequests: 4, maxWrites: 4, clock });
    const client = createGraphClient({ baseUrl: `${server.origin}/v1.0`, tokens: countingTokenProvider(), clock, budget });
    await client.get('/a');
    await client.get('/b');
    // 1.6 halves the allowance to 2 for the window: /a and /b spent it, so /c waits for /a to slide out.
    const third = client.get('/c');
    await advanceWhenAsleep(clock);
    await third;
    expect(arrivals(server)).toEqual([0, 0, 1000]);
  });
});
