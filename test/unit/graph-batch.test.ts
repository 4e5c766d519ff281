import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock';
import { createGraphClient, type GraphClient } from '../../electron/graph/graph-client';
import { type GraphBatchRequest } from '../../electron/graph/graph-types';
import { countingTokenProvider } from '../support/counting-token-provider';
import { advanceWhenAsleep, settle, settledBeforeSleeping } from '../support/fake-time';
import { graphError, type RecordedRequest, type Reply, type ScriptedServer, startScriptedServer } from '../support/scripted-server';

const T0 = Date.UTC(2026, 0, 1);
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface WireItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}
type ItemAnswer = { status: number; headers?: Record<string, string>; body?: unknown };

function itemsOf(request: RecordedRequest): WireItem[] {
  return (JSON.parse(request.body) as { requests: WireItem[] }).requests;
}

/** A $batch endpoint: answers each item as told (round = which $batch call), in reverse order as Graph may. */
function batchEndpoint(answer: (item: WireItem, round: number) => ItemAnswer): Reply {
  let round = 0;
  return (request, response) => {
    const responses = itemsOf(request)
      .map((item) => ({ id: item.id, headers: {}, ...answer(item, round) }))
      .reverse();
    round += 1;
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ responses }));
  };
}

function reads(count: number): GraphBatchRequest[] {
  return Array.from({ length: count }, (_, i) => ({ id: String(i + 1), method: 'GET' as const, url: `/users/u${i + 1}/managedDevices` }));
}

async function setUp(script: Reply | readonly Reply[], clock = new FakeClock(T0), maxAttempts = 4): Promise<{ client: GraphClient; server: ScriptedServer; clock: FakeClock }> {
  server = await startScriptedServer(script, clock);
  const client = createGraphClient({ baseUrl: `${server.origin}/v1.0`, tokens: countingTokenProvider(), clock, retry: { maxAttempts, backoff: { baseMs: 100, capMs: 1000, random: () => 0.5 } } });
  return { client, server, clock };
}

describe('Graph $batch', () => {
  it('sends 20 requests as one $batch to {base}/$batch', async () => {
    const { client, server } = await setUp(batchEndpoint((item) => ({ status: 200, body: { value: [item.id] } })));
    const answers = await client.batch(reads(20));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1.0/$batch' });
    expect(itemsOf(server.requests[0] as RecordedRequest)).toHaveLength(20);
    expect(answers.map((answer) => answer.id)).toEqual(reads(20).map((request) => request.id));
  });

  it('splits 21 requests into a batch of 20 and one of 1, answers in the caller\'s order', async () => {
    const { client, server } = await setUp(batchEndpoint((item) => ({ status: 200, body: { value: [item.url] } })));
    const requests = reads(21);
    const answers = await client.batch(requests);
    expect(server.requests.map((request) => itemsOf(request).length)).toEqual([20, 1]);
    expect(answers.map((answer) => answer.id)).toEqual(requests.map((request) => request.id));
    expect(answers[20]).toMatchObject({ id: '21', status: 200, body: { value: ['/users/u21/managedDevices'] } });
  });

  it('sends nothing for no requests', async () => {
    const { client, server } = await setUp([]);
    expect(await client.batch([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('retries only the items answered 429 inside a 200, after their Retry-After', async () => {
    const { client, server, clock } = await setUp(
      batchEndpoint((item, round) => (round === 0 && item.id === '2' ? { status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests' } } } : { status: 200, body: { id: item.id } })),
    );
    const result = client.batch(reads(3));
    await advanceWhenAsleep(clock, 6999);
    await settle();
    expect(server.requests).toHaveLength(1);
    await clock.advance(1);
    const answers = await result;
    expect(answers.map((answer) => [answer.id, answer.status])).toEqual([['1', 200], ['2', 200], ['3', 200]]);
    expect(server.requests.map((request) => itemsOf(request).map((item) => item.id))).toEqual([['1', '2', '3'], ['2']]);
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 7000]);
  });

  it('waits for the longest Retry-After among the items it resends', async () => {
    const { client, server, clock } = await setUp(
      batchEndpoint((item, round) => {
        if (round > 0) return { status: 200 };
        if (item.id === '1') return { status: 429, headers: { 'retry-after': '2' } };
        if (item.id === '2') return { status: 429, headers: { 'Retry-After': new Date(T0 + 4000).toUTCString() } };
        return { status: 503 };
      }),
    );
    const result = client.batch(reads(3));
    await advanceWhenAsleep(clock);
    await result;
    expect(clock.sleeps).toEqual([4000]);
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 4000]);
  });

  it('backs off with jitter for 5xx items that came without Retry-After', async () => {
    const { client, clock } = await setUp(batchEndpoint((_item, round) => ({ status: round === 0 ? 502 : 200 })));
    const retried = client.batch(reads(2));
    await advanceWhenAsleep(clock);
    expect((await retried).map((answer) => answer.status)).toEqual([200, 200]);
    expect(clock.sleeps).toEqual([50]);
  });

  it('returns an item still throttled when the tries run out, as it was answered; Retry-After 0 still waits its backoff', async () => {
    const { client, server, clock } = await setUp(
      batchEndpoint((item) => (item.id === '1' ? { status: 429, headers: { 'Retry-After': '0' } } : { status: 204 })),
      new FakeClock(T0),
      3,
    );
    const result = client.batch(reads(2));
    await advanceWhenAsleep(clock);
    await advanceWhenAsleep(clock);
    const answers = await result;
    expect(answers.map((answer) => answer.status)).toEqual([429, 204]);
    expect(clock.sleeps).toEqual([50, 100]);
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 50, 150]);
  });

  it("fails fast when an item's Retry-After is beyond the maximum, and holds the budget for a 503 with Retry-After", async () => {
    const { client, server, clock } = await setUp(batchEndpoint((item, round) => (round === 0 && item.id === '1' ? { status: 503, headers: { 'Retry-After': '3600' } } : { status: 200 })));
    const failure = settledBeforeSleeping(client.batch(reads(2)), clock);
    await expect(failure).rejects.toMatchObject({ status: 503, code: 'retryAfterTooLong', retryAfterMs: 3_600_000, path: '/users/u1/managedDevices' });
    expect(server.requests).toHaveLength(1);
    const next = client.batch(reads(1));
    await advanceWhenAsleep(clock);
    await next;
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 300_000]);
  });

  it('retries the whole $batch when it is throttled itself', async () => {
    const { client, server, clock } = await setUp([graphError(429, 'TooManyRequests', { 'Retry-After': '1' }), batchEndpoint(() => ({ status: 200 }))]);
    const result = client.batch(reads(2));
    await advanceWhenAsleep(clock);
    expect((await result).map((answer) => answer.status)).toEqual([200, 200]);
    expect(server.requests.map((request) => request.at - T0)).toEqual([0, 1000]);
  });

  it('stops waiting to resend throttled items when the signal aborts', async () => {
    const { client, server, clock } = await setUp(batchEndpoint(() => ({ status: 429, headers: { 'Retry-After': '30' } })));
    const controller = new AbortController();
    const result = client.batch(reads(2), { signal: controller.signal });
    await advanceWhenAsleep(clock, 1000);
    controller.abort(new Error('poll cancelled'));
    await expect(result).rejects.toThrow('poll cancelled');
    await clock.advance(60_000);
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it('puts headers and a JSON content type on items with a body', async () => {
    const { client, server } = await setUp(batchEndpoint(() => ({ status: 204 })));
    await client.batch([
      { id: 'a', method: 'PATCH', url: '/deviceManagement/managedDevices/d1', body: { partnerReportedThreatState: 'secured' } },
      { id: 'b', method: 'GET', url: '/groups/g1/members', headers: { ConsistencyLevel: 'eventual' } },
    ]);
    expect(itemsOf(server.requests[0] as RecordedRequest)).toEqual([
      { id: 'a', method: 'PATCH', url: '/deviceManagement/managedDevices/d1', headers: { 'Content-Type': 'application/json' }, body: { partnerReportedThreatState: 'secured' } },
      { id: 'b', method: 'GET', url: '/groups/g1/members', headers: { ConsistencyLevel: 'eventual' } },
    ]);
  });

  it('charges the budget for every item, writes as writes', async () => {
    const { client } = await setUp(batchEndpoint(() => ({ status: 204 })));
    await client.batch([...reads(3), { id: 'w', method: 'PATCH', url: '/x', body: {} }]);
    expect(client.budget.used()).toEqual({ requests: 4, writes: 1 });
  });

  it('refuses duplicate ids and answers that leave items out', async () => {
    const { client } = await setUp((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ responses: [{ id: itemsOf(request)[0]?.id, status: 200 }] }));
    });
    await expect(client.batch([...reads(1), ...reads(1)])).rejects.toThrow(/used twice/);
    await expect(client.batch(reads(2))).rejects.toMatchObject({ code: 'invalidResponse' });
  });
});
