// The demo tenant's Mobile Risk API v2 and its fault injection, spoken raw over loopback.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { PROJECT_ROOT } from '../../electron/host/project-paths';
import { graphToken, mraToken } from '../support/demo-tenant-http';
import { firstLine } from '../support/first-line';

interface StreamedEvent {
  id: string;
  type: string;
  created_time: string;
}

/** Reads an SSE stream until `count` events arrived; returns them and the last SSE id. */
async function readEvents(url: string, token: string, count: number, lastEventId?: string): Promise<{ events: StreamedEvent[]; lastId: string }> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) }, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: StreamedEvent[] = [];
  let lastId = lastEventId ?? '0';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const id = /^id: (.*)$/m.exec(message)?.[1];
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (data) events.push(...(JSON.parse(data) as { events: StreamedEvent[] }).events);
      if (id) lastId = id;
    }
  }
  controller.abort();
  return { events, lastId };
}

describe('demo tenant Mobile Risk API v2 over loopback', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let token: string;

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'mra-contract', devices: 400, speed: 0 });
    served = await serveDemoTenant(tenant);
    token = await mraToken(served.credentials);
  });
  afterAll(() => served.close());

  it('issues tokens only for the application key', async () => {
    const response = await fetch(served.credentials.mraTokenUrl, { method: 'POST', headers: { authorization: 'Bearer wrong-key' }, body: 'grant_type=client_credentials' });
    expect(response.status).toBe(401);
    expect((await fetch(`${served.credentials.mraBaseUrl}/mra/api/v2/devices`)).status).toBe(401);
  });

  it('lists devices in pages by oid, each once', async () => {
    const seen: number[] = [];
    let oid = 0;
    let count: number | undefined;
    for (;;) {
      const body = (await (await fetch(`${served.credentials.mraBaseUrl}/mra/api/v2/devices?limit=50&oid=${oid}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { count: number; devices: { oid: number; status: { activation_status: string } }[] };
      count = body.count;
      if (body.devices.length === 0) break;
      seen.push(...body.devices.map((d) => d.oid));
      oid = body.devices.at(-1)!.oid;
    }
    const truth = tenant.data.devices.filter((d) => d.agent && d.agent.createdAt <= tenant.clock.now()).length;
    expect(count).toBe(truth);
    expect(seen).toHaveLength(truth);
    expect(new Set(seen).size).toBe(truth);
    expect((await fetch(`${served.credentials.mraBaseUrl}/mra/api/v2/devices?limit=1001`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(400);
  });

  it('streams events in order and resumes after the last event id with no gap or repeat', async () => {
    const url = `${served.credentials.mraBaseUrl}/mra/stream/v2/events?types=DEVICE,THREAT`;
    const first = await readEvents(url, token, 150);
    const second = await readEvents(url, token, 50, first.lastId);
    const ids = [...first.events, ...second.events].map((e) => Number(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(Number(second.events[0]!.id)).toBeGreaterThan(Number(first.lastId));
    const expected = tenant.data.events.filter((e) => e.type !== 'AUDIT' && e.at <= tenant.clock.now()).map((e) => e.id);
    expect(ids.slice(0, 100)).toEqual(expected.slice(0, 100));
    expect([...first.events, ...second.events].every((e) => e.type === 'DEVICE' || e.type === 'THREAT')).toBe(true);
  });

  it('pushes new events as demo time passes', async () => {
    const now = tenant.clock.now();
    const pastIds = tenant.data.events.filter((e) => e.at <= now);
    const lastPast = pastIds.at(-1)!.id;
    const next = tenant.data.events.find((e) => e.at > now)!;
    const reading = readEvents(`${served.credentials.mraBaseUrl}/mra/stream/v2/events`, token, 1, String(lastPast));
    setTimeout(() => tenant.clock.advance(next.at - now), 100);
    const { events } = await reading;
    expect(events[0]!.id).toBe(String(next.id));
  });

  it('refuses unknown event types and bad resume ids', async () => {
    const bad = await fetch(`${served.credentials.mraBaseUrl}/mra/stream/v2/events?types=DEVICE,NOPE`, { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    const badId = await fetch(`${served.credentials.mraBaseUrl}/mra/stream/v2/events`, { headers: { authorization: `Bearer ${token}`, 'last-event-id': '-1' } });
    expect(badId.status).toBe(400);
  });
});

describe('demo tenant fault injection', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let token: string;
  const devices = () => fetch(`${served.credentials.graphBaseUrl}/deviceManagement/managedDevices?$top=10`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'faults', devices: 100, speed: 0 });
    served = await serveDemoTenant(tenant);
    token = await graphToken(served.credentials);
  });
  afterAll(() => served.close());

  it('throttles with Retry-After in seconds, as an HTTP date, or without it', async () => {
    tenant.faults.set([{ kind: 'throttle', retryAfterSeconds: 7, times: 1 }, { kind: 'throttle-date', retryAfterSeconds: 30, times: 1 }, { kind: 'throttle-bare', times: 1 }]);
    const seconds = await devices();
    expect([seconds.status, seconds.headers.get('retry-after')]).toEqual([429, '7']);
    const date = await devices();
    expect(date.status).toBe(429);
    expect(Date.parse(date.headers.get('retry-after')!) - Date.now()).toBeGreaterThan(20_000);
    const bare = await devices();
    expect([bare.status, bare.headers.get('retry-after')]).toEqual([429, null]);
    expect((await devices()).status).toBe(200);
  });

  it('answers 500, 502, 503 and 504 on demand', async () => {
    for (const status of [500, 502, 503, 504] as const) {
      tenant.faults.set([{ kind: 'server-error', status, times: 1 }]);
      expect((await devices()).status).toBe(status);
    }
  });

  it('resets the connection, over HTTP and in process', async () => {
    tenant.faults.set([{ kind: 'reset', times: 2 }]);
    await expect(devices()).rejects.toThrow();
    await expect(tenant.fetch(`${tenant.credentials().graphBaseUrl}/organization`)).rejects.toThrow(TypeError);
  });

  it('ends a page without its nextLink, sends malformed JSON, and expires tokens', async () => {
    tenant.faults.set([{ kind: 'truncated-page', times: 1 }]);
    const truncated = (await (await devices()).json()) as Record<string, unknown>;
    expect(truncated['@odata.nextLink']).toBeUndefined();
    expect(((await (await devices()).json()) as Record<string, unknown>)['@odata.nextLink']).toBeDefined();
    tenant.faults.set([{ kind: 'malformed-json', times: 1 }]);
    await expect((await devices()).json()).rejects.toThrow(SyntaxError);
    tenant.faults.set([{ kind: 'expired-token', times: 1 }]);
    expect((await devices()).status).toBe(401);
  });

  it('throttles single items inside a 200 $batch, and answers 410 on delta', async () => {
    tenant.faults.set([{ kind: 'batch-item-throttle', times: 1, retryAfterSeconds: 3 }]);
    const batch = await fetch(`${served.credentials.graphBaseUrl}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/organization' }, { id: 'b', method: 'GET', url: '/organization' }] }),
    });
    expect(batch.status).toBe(200);
    const body = (await batch.json()) as { responses: { id: string; status: number; headers: Record<string, string> }[] };
    expect(body.responses.map((r) => r.status)).toEqual([429, 200]);
    expect(body.responses[0]!.headers['Retry-After']).toBe('3');
    tenant.faults.set([{ kind: 'delta-gone', times: 1 }]);
    expect((await fetch(`${served.credentials.graphBaseUrl}/groups/delta`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(410);
  });

  it('applies a rate, seeded, so the same seed fails the same requests', async () => {
    const outcomes = async (): Promise<number[]> => {
      tenant.faults.set([{ kind: 'server-error', status: 503, rate: 0.3 }], 'fixed-seed');
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await devices()).status);
      return statuses;
    };
    const first = await outcomes();
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await outcomes()).toEqual(first);
    tenant.faults.clear();
  });
});

describe('npm run demo-tenant', () => {
  it('prints exactly one DEMO_TENANT line with what a client needs, then serves', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/demo-tenant/cli.ts', '--devices', '10', '--port', '0', '--seed', 'cli'], { cwd: PROJECT_ROOT });
    const line = await firstLine(child);
    try {
      expect(line.trim().split('\n')).toHaveLength(1);
      expect(line).toMatch(/^DEMO_TENANT \{/);
      const info = JSON.parse(line.slice('DEMO_TENANT '.length)) as Record<string, string>;
      for (const key of ['tenantId', 'graphBaseUrl', 'tokenUrl', 'clientId', 'clientSecret', 'mraBaseUrl', 'mraTokenUrl', 'mraAppKey']) expect(info[key]).toBeTruthy();
      expect(info.graphBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graph\/v1\.0$/);
      const token = await graphToken(info as never);
      expect((await fetch(`${info.graphBaseUrl}/organization`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      child.kill();
    }
  });
});
