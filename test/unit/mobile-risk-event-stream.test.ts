import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/http/api-error';
import { ClientCredentialsProvider } from '../../electron/auth/client-credentials-provider';
import { FakeClock } from '../support/fake-clock';
import { jsonReply, type OAuthTokenServer, startOAuthTokenServer, type TokenReply } from '../support/oauth-token-server';
import { createRequestBudget } from '../../electron/http/request-budget';
import { type EventStreamSettings } from '../../electron/mobile-risk/event-stream';
import { createMobileRiskClient, type MobileRiskClient } from '../../electron/mobile-risk/mobile-risk-client';
import { type MobileRiskEvent, type MobileRiskEventBatch } from '../../electron/mobile-risk/mobile-risk-types';
import { countingTokenProvider } from '../support/counting-token-provider';
import { advanceWhenAsleep, settle, settledBeforeSleeping } from '../support/fake-time';
import { json, type Reply, resetConnection, type ScriptedServer, sse, sseEvents, startScriptedServer } from '../support/scripted-server';

const T0 = Date.UTC(2026, 0, 1);
const HEARTBEAT = 'event: heartbeat\ndata: {}\n\n';
let server: ScriptedServer | undefined;
let issuer: OAuthTokenServer | undefined;

afterEach(async () => {
  await server?.close();
  await issuer?.close();
  server = undefined;
  issuer = undefined;
});

function deviceEvent(id: string): MobileRiskEvent {
  return {
    id,
    created_time: '2026-01-01T00:00:00.000+00:00',
    type: 'DEVICE',
    change_type: 'UPDATED',
    device: { guid: 'g1', platform: 'IOS', status: { activation_status: 'ACTIVATED', security_status: 'SECURE', protection_status: 'PROTECTED' } },
  };
}

function threatEvent(id: string): MobileRiskEvent {
  return {
    id,
    created_time: '2026-01-01T00:00:01.000+00:00',
    type: 'THREAT',
    change_type: 'CREATED',
    device: { guid: 'g1', platform: 'ANDROID' },
    threat: { guid: 't1', status: 'OPEN', severity: 'HIGH', type: 'APPLICATION', classifications: ['MALWARE'] },
  };
}

interface Setup {
  client: MobileRiskClient;
  server: ScriptedServer;
  tokens: ReturnType<typeof countingTokenProvider>;
}

async function setUp(script: Reply | readonly Reply[], options: { clock?: FakeClock; stream?: Partial<EventStreamSettings>; maxConnections?: number } = {}): Promise<Setup> {
  server = await startScriptedServer(script, options.clock);
  const tokens = countingTokenProvider();
  const client = createMobileRiskClient({
    baseUrl: server.origin,
    tokens,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.maxConnections ? { budget: createRequestBudget({ windowMs: 60_000, maxRequests: options.maxConnections, maxWrites: options.maxConnections, ...(options.clock ? { clock: options.clock } : {}) }) } : {}),
    stream: { backoff: { baseMs: 1000, capMs: 8000, random: () => 0.5 }, idleTimeoutMs: Infinity, ...options.stream },
  });
  return { client, server, tokens };
}

/** Reads batches until `enough` says so, then aborts; gives what was read. */
async function readUntil(client: MobileRiskClient, enough: (batches: MobileRiskEventBatch[]) => boolean, lastEventId?: string): Promise<MobileRiskEventBatch[]> {
  const controller = new AbortController();
  const batches: MobileRiskEventBatch[] = [];
  for await (const batch of client.events({ signal: controller.signal, ...(lastEventId ? { lastEventId } : {}) })) {
    batches.push(batch);
    if (enough(batches)) controller.abort(new Error('done'));
  }
  return batches;
}

const ids = (batches: MobileRiskEventBatch[]): string[] => batches.flatMap((batch) => batch.events.map((event) => event.id));

describe('Mobile Risk API event stream', () => {
  it('reads event batches, and after a drop resumes with Last-Event-ID (header and id parameter)', async () => {
    const { client, server } = await setUp(
      [
        sse({ chunks: [HEARTBEAT, sseEvents('s1', [deviceEvent('e1')]), sseEvents('s2', [threatEvent('e2'), deviceEvent('e3')])], then: 'reset' }),
        sse({ chunks: [HEARTBEAT, sseEvents('s3', [deviceEvent('e4')])], then: 'hold' }),
      ],
      { stream: { backoff: { baseMs: 5, capMs: 10 } } },
    );
    const batches = await readUntil(client, (read) => ids(read).includes('e4'));
    expect(ids(batches)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(batches.map((batch) => batch.lastEventId)).toEqual(['s1', 's2', 's3']);
    expect(batches[1]?.events[1]?.threat).toBeUndefined();
    expect(batches[1]?.events[0]?.threat?.classifications).toEqual(['MALWARE']);

    const [first, second] = server.requests;
    expect(first).toMatchObject({ method: 'GET', path: '/mra/stream/v2/events' });
    expect(first?.query.get('types')).toBe('DEVICE,THREAT,AUDIT');
    expect(first?.headers.accept).toBe('text/event-stream');
    expect(first?.headers.authorization).toBe('Bearer token-1');
    expect(first?.headers['last-event-id']).toBeUndefined();
    expect(second?.headers['last-event-id']).toBe('s2');
    expect(second?.query.get('id')).toBe('s2');
  });

  it('starts from a saved event id and asks only for the types wanted', async () => {
    const { client, server } = await setUp([sse({ chunks: [sseEvents('s10', [deviceEvent('e10')])], then: 'hold' })]);
    const controller = new AbortController();
    for await (const _batch of client.events({ lastEventId: 's9', types: ['THREAT'], signal: controller.signal })) controller.abort();
    expect(server.requests[0]?.headers['last-event-id']).toBe('s9');
    expect(server.requests[0]?.query.get('types')).toBe('THREAT');
  });

  it("reconnects at once when the server says 'reconnect' or 'end'", async () => {
    const clock = new FakeClock(T0);
    const { client, server } = await setUp(
      [
        sse({ chunks: [sseEvents('s1', [deviceEvent('e1')]) + 'event: reconnect\ndata: {}\n\n' + sseEvents('s2', [deviceEvent('lost')])], then: 'hold' }),
        sse({ chunks: ['event: end\ndata: {}\n\n'], then: 'hold' }),
        sse({ chunks: [sseEvents('s2', [deviceEvent('e2')])], then: 'hold' }),
      ],
      { clock },
    );
    const batches = await readUntil(client, (read) => read.length === 2);
    expect(ids(batches)).toEqual(['e1', 'e2']);
    expect(clock.sleeps).toEqual([]);
    expect(server.requests.map((request) => request.headers['last-event-id'])).toEqual([undefined, 's1', 's1']);
  });

  it('honours Retry-After on a throttled connection, and never connects sooner', async () => {
    const clock = new FakeClock(T0);
    const { client, server } = await setUp([json(429, { message: 'slow down' }, { 'Retry-After': '20' }), sse({ chunks: [sseEvents('s1', [deviceEvent('e1')])], then: 'hold' })], { clock });
    const reading = readUntil(client, () => true);
    await advanceWhenAsleep(clock, 19_999);
    await settle();
    expect(server.requests).toHaveLength(1);
    await clock.advance(1);
    expect(ids(await reading)).toEqual(['e1']);
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 20_000]);
    expect(client.budget.used().requests).toBe(2);
  });

  it('backs off with jitter after 5xx and network errors, and again after a connection that said nothing', async () => {
    const clock = new FakeClock(T0);
    const { client, server } = await setUp([json(503, {}), resetConnection(), sse({ chunks: [], then: 'end' }), sse({ chunks: [sseEvents('s1', [deviceEvent('e1')])], then: 'hold' })], { clock });
    const reading = readUntil(client, () => true);
    for (let i = 0; i < 3; i++) await advanceWhenAsleep(clock);
    expect(ids(await reading)).toEqual(['e1']);
    // random 0.5 of min(8000, 1000 * 2^n)
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 500, 1500, 3500]);
  });

  it("waits at least the server's retry: field before reconnecting", async () => {
    const clock = new FakeClock(T0);
    const { client } = await setUp([sse({ chunks: ['retry: 7000\n\n', sseEvents('s1', [deviceEvent('e1')])], then: 'end' }), sse({ chunks: [sseEvents('s2', [deviceEvent('e2')])], then: 'hold' })], { clock });
    const reading = readUntil(client, (read) => read.length === 2);
    await advanceWhenAsleep(clock);
    expect(ids(await reading)).toEqual(['e1', 'e2']);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('on 401 takes a fresh token once; a second 401 in a row ends the stream with an error', async () => {
    const { client, server, tokens } = await setUp([json(401, { message: 'expired' }), sse({ chunks: [sseEvents('s1', [deviceEvent('e1')])], then: 'end' }), json(401, {}), json(401, { errorCode: 'UNAUTHORIZED', message: 'token expired' })], {
      stream: { backoff: { baseMs: 1, capMs: 2 } },
    });
    const batches: MobileRiskEventBatch[] = [];
    const failure = await (async () => {
      for await (const batch of client.events()) batches.push(batch);
    })().catch((error: unknown) => error);
    expect(ids(batches)).toEqual(['e1']);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 401, code: 'UNAUTHORIZED', path: '/mra/stream/v2/events' });
    expect(tokens.invalidations).toBe(2);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-2', 'Bearer token-3']);
  });

  it('ends with an error on a refusal that retrying cannot fix', async () => {
    const { client } = await setUp([json(403, { message: 'stream not enabled for this tenant' })]);
    await expect(client.events().next()).rejects.toMatchObject({ status: 403, serviceMessage: 'stream not enabled for this tenant' });
  });

  it('hangs up and reconnects when the stream falls silent (no heartbeat)', async () => {
    const silentAfterE1 = sse({ chunks: [sseEvents('s1', [deviceEvent('e1')])], then: 'hold' });
    const e2 = sse({ chunks: [sseEvents('s2', [deviceEvent('e2')])], then: 'hold' });
    const { client, server } = await setUp((request, response) => (server?.requests.length === 1 ? silentAfterE1 : e2)(request, response), {
      stream: { idleTimeoutMs: 100, backoff: { baseMs: 2, capMs: 4 } },
    });
    const batches = await readUntil(client, (read) => read.length === 2);
    expect(ids(batches)).toEqual(['e1', 'e2']);
    expect(server.requests[1]?.headers['last-event-id']).toBe('s1');
  });

  it('skips malformed messages without losing the stream', async () => {
    const { client } = await setUp([sse({ chunks: ['event: events\ndata: {not json\n\n', 'data: {"events": "nope"}\n\n', sseEvents('s1', [deviceEvent('e1'), { junk: true }])], then: 'hold' })]);
    const batches = await readUntil(client, () => true);
    expect(ids(batches)).toEqual(['e1']);
  });

  it('opens no more connections than the budget allows per window', async () => {
    const clock = new FakeClock(T0);
    const oneEventThenEnd = sse({ chunks: [sseEvents('s', [deviceEvent('e')])], then: 'end' });
    const { client, server } = await setUp([oneEventThenEnd, oneEventThenEnd, oneEventThenEnd, oneEventThenEnd], { clock, maxConnections: 3, stream: { backoff: { baseMs: 1000, capMs: 1000, random: () => 0 } } });
    const reading = readUntil(client, (read) => read.length === 4);
    await advanceWhenAsleep(clock, 59_999);
    await settle();
    expect(server.requests).toHaveLength(3);
    await clock.advance(1);
    expect(await reading).toHaveLength(4);
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 0, 0, 60_000]);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('stops quietly when aborted during a reconnect wait', async () => {
    const clock = new FakeClock(T0);
    const { client, server } = await setUp([json(503, {}, { 'Retry-After': '30' })], { clock });
    const controller = new AbortController();
    const reading = (async () => {
      for await (const _batch of client.events({ signal: controller.signal })) void _batch;
    })();
    await advanceWhenAsleep(clock, 1000);
    controller.abort();
    await expect(reading).resolves.toBeUndefined();
    await clock.advance(60_000);
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it('closes the connection when the reader stops early', async () => {
    let closed = false;
    const { client } = await setUp((request, response) => {
      response.on('close', () => (closed = true));
      return sse({ chunks: [sseEvents('s1', [deviceEvent('e1')])], then: 'hold' })(request, response);
    });
    for await (const _batch of client.events()) break;
    for (let i = 0; i < 100 && !closed; i++) await settle(5);
    expect(closed).toBe(true);
  });

  it('yields nothing once aborted, not even events already parsed from the same chunk', async () => {
    const { client } = await setUp([sse({ chunks: [sseEvents('s1', [deviceEvent('e1')]) + sseEvents('s2', [deviceEvent('e2')])], then: 'hold' })]);
    const batches = await readUntil(client, () => true);
    expect(ids(batches)).toEqual(['e1']);
  });

  it("waits at least the server's retry: field after a 429 or 5xx too", async () => {
    const clock = new FakeClock(T0);
    const { client, server } = await setUp(
      [sse({ chunks: ['retry: 7000\n\n', sseEvents('s1', [deviceEvent('e1')])], then: 'end' }), json(503, {}), sse({ chunks: [sseEvents('s2', [deviceEvent('e2')])], then: 'hold' })],
      { clock },
    );
    const reading = readUntil(client, (read) => read.length === 2);
    await advanceWhenAsleep(clock);
    await advanceWhenAsleep(clock);
    expect(ids(await reading)).toEqual(['e1', 'e2']);
    // max(retry: 7000, random 0.5 of min(8000, 1000 * 2^n))
    expect(clock.sleeps).toEqual([7000, 7000]);
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 7000, 14_000]);
  });

  it('ends with an error when Retry-After asks for more than the maximum wait', async () => {
    const clock = new FakeClock(T0);
    const { client } = await setUp([json(429, { message: 'come back tomorrow' }, { 'Retry-After': '86400' })], { clock });
    await expect(settledBeforeSleeping(client.events().next(), clock)).rejects.toMatchObject({ status: 429, code: 'retryAfterTooLong', retryAfterMs: 86_400_000 });
  });

  describe('with a client-credentials token provider', () => {
    async function withIssuer(tokenReplies: readonly TokenReply[], script: readonly Reply[], clock: FakeClock): Promise<{ client: MobileRiskClient; server: ScriptedServer; issuer: OAuthTokenServer }> {
      issuer = await startOAuthTokenServer((_request, index) => tokenReplies[index] ?? jsonReply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'mra-token' }));
      server = await startScriptedServer(script, clock);
      const tokens = new ClientCredentialsProvider({ tokenUrl: issuer.tokenUrl, clientId: 'app-1', clientSecret: 'secret', scope: 'mra', clock });
      const client = createMobileRiskClient({ baseUrl: server.origin, tokens, clock, stream: { backoff: { baseMs: 1000, capMs: 8000, random: () => 0.5 }, idleTimeoutMs: Infinity } });
      return { client, server, issuer };
    }

    it('ends the stream at a refused credential (invalid_client) instead of retrying it forever', async () => {
      const clock = new FakeClock(T0);
      const { client, server, issuer } = await withIssuer([jsonReply(401, { error: 'invalid_client' })], [], clock);
      const failure = await settledBeforeSleeping(client.events().next(), clock).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApiError);
      expect(failure).toMatchObject({ service: 'Mobile Risk API', code: 'tokenUnavailable', path: '/mra/stream/v2/events' });
      expect(issuer.requests).toHaveLength(1);
      expect(server.requests).toHaveLength(0);
      expect(client.budget.used().requests).toBe(0);
    });

    it('retries a token failure worth retrying after backoff', async () => {
      const clock = new FakeClock(T0);
      const { client, server } = await withIssuer([jsonReply(503, { error: 'temporarily_unavailable' })], [sse({ chunks: [sseEvents('s1', [deviceEvent('e1')])], then: 'hold' })], clock);
      const reading = readUntil(client, () => true);
      await advanceWhenAsleep(clock);
      expect(ids(await reading)).toEqual(['e1']);
      expect(clock.sleeps).toEqual([500]);
      expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer mra-token']);
    });
  });
});
