// Our Mobile Risk API client against the demo tenant over loopback: the lists and
// the event stream equal the tenant's truth, through faults and a dropped stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import type { FaultRule } from '../../electron/demo-tenant/faults';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { connectMobileRisk, type MobileRiskClient } from '../../electron/mobile-risk/mobile-risk-client';

describe('Mobile Risk API client against the demo tenant', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let client: MobileRiskClient;

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'mra-client', devices: 1500, speed: 0 });
    served = await serveDemoTenant(tenant);
    client = connectMobileRisk({ baseUrl: served.credentials.mraBaseUrl, appKey: served.credentials.mraAppKey, retry: { maxAttempts: 6, backoff: { baseMs: 20, capMs: 200 } } });
  });
  afterAll(() => served.close());

  // Pages of 500 keep the whole file well inside the API's 100 requests a minute.
  const LIST = '/mra/api/v2/devices';
  const faults: [string, FaultRule[]][] = [
    ['429 with Retry-After in seconds', [{ kind: 'throttle', path: LIST, retryAfterSeconds: 1, times: 1 }]],
    ['429 with Retry-After as an HTTP date', [{ kind: 'throttle-date', path: LIST, retryAfterSeconds: 2, times: 1 }]],
    ['429 without Retry-After', [{ kind: 'throttle-bare', path: LIST, times: 2 }]],
    ['500, 502, 503 and 504', [500, 502, 503, 504].map((status) => ({ kind: 'server-error', path: LIST, status: status as 500, times: 1 }))],
    ['connection resets', [{ kind: 'reset', path: LIST, times: 2 }]],
    ['an expired token (401)', [{ kind: 'expired-token', path: LIST, times: 1 }]],
    ['slow answers', [{ kind: 'slow', path: LIST, delayMs: 300, times: 1 }]],
  ];

  for (const [name, rules] of faults) {
    it(`lists every MTD device once through ${name}`, async () => {
      tenant.faults.set(rules, name);
      const guids: string[] = [];
      for await (const device of client.devices({ limit: 500 })) guids.push(device.guid);
      expect(tenant.faults.injected.length).toBeGreaterThan(0);
      tenant.faults.clear();
      const truth = tenant.data.devices.filter((d) => d.agent && d.agent.createdAt <= tenant.clock.now()).map((d) => d.agent!.guid);
      expect(new Set(guids).size).toBe(guids.length);
      expect([...guids].sort()).toEqual([...truth].sort());
    });
  }

  it('streams every past DEVICE and THREAT event once, in order, reconnecting after a refused connection', async () => {
    const now = tenant.clock.now();
    const truth = tenant.data.events.filter((e) => e.type !== 'AUDIT' && e.at <= now).map((e) => String(e.id));
    tenant.faults.set([{ kind: 'reset', path: '/mra/stream/v2/events', times: 1 }]);
    const controller = new AbortController();
    const seen: string[] = [];
    let lastEventId: string | undefined;
    for await (const batch of client.events({ types: ['DEVICE', 'THREAT'], signal: controller.signal })) {
      seen.push(...batch.events.map((event) => event.id));
      lastEventId = batch.lastEventId;
      if (seen.length >= truth.length) controller.abort();
    }
    tenant.faults.clear();
    expect(seen).toEqual(truth);
    expect(lastEventId).toBe(truth.at(-1));
  });
});
