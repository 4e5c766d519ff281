// Our Graph client against the demo tenant over loopback, with no faults and with
// each fault kind: every listing equals the tenant's truth, nothing lost or
// duplicated, and no retry leaves before the server's Retry-After.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCredentialsProvider } from '../../electron/auth/client-credentials-provider';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import type { FaultRule } from '../../electron/demo-tenant/faults';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { createGraphClient, type GraphClient } from '../../electron/graph/graph-client';

const DEVICES_PATH = '/deviceManagement/managedDevices';

describe('Graph client against the demo tenant', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let client: GraphClient;
  let truth: string[];

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'client-faults', devices: 3000, speed: 0 });
    served = await serveDemoTenant(tenant);
    const { tokenUrl, clientId, clientSecret, graphBaseUrl } = served.credentials;
    client = createGraphClient({
      baseUrl: graphBaseUrl,
      tokens: new ClientCredentialsProvider({ tokenUrl, clientId, clientSecret, scope: 'https://graph.microsoft.com/.default' }),
      // Short backoff where the server gives no Retry-After, so the suite stays fast.
      retry: { maxAttempts: 6, backoff: { baseMs: 20, capMs: 200 } },
    });
    truth = tenant.data.devices.map((d) => d.id).sort();
    tenant.recordRequests = true;
  });
  afterAll(() => served.close());
  beforeEach(() => {
    tenant.faults.clear();
    tenant.requestLog.length = 0;
  });

  async function listDeviceIds(): Promise<string[]> {
    const ids: string[] = [];
    for await (const device of client.items<{ id: string }>(`${DEVICES_PATH}?$top=1000&$select=id`)) ids.push(device.id);
    return ids;
  }

  it('lists every managed device exactly once without faults', async () => {
    const ids = await listDeviceIds();
    expect(ids).toHaveLength(truth.length);
    expect([...ids].sort()).toEqual(truth);
  });

  const recoverable: [string, FaultRule[]][] = [
    ['429 with Retry-After in seconds', [{ kind: 'throttle', path: DEVICES_PATH, retryAfterSeconds: 1, times: 2 }]],
    ['429 with Retry-After as an HTTP date', [{ kind: 'throttle-date', path: DEVICES_PATH, retryAfterSeconds: 2, times: 1 }]],
    ['429 without Retry-After', [{ kind: 'throttle-bare', path: DEVICES_PATH, times: 3 }]],
    ['500, 502, 503 and 504', [500, 502, 503, 504].map((status) => ({ kind: 'server-error', path: DEVICES_PATH, status: status as 500, times: 1 }))],
    ['connection resets', [{ kind: 'reset', path: DEVICES_PATH, times: 2 }]],
    ['an expired token (401)', [{ kind: 'expired-token', path: DEVICES_PATH, times: 1 }]],
    ['slow answers', [{ kind: 'slow', path: DEVICES_PATH, delayMs: 300, times: 2 }]],
    ['a mix at a seeded rate', [{ kind: 'server-error', path: DEVICES_PATH, status: 503, rate: 0.3 }, { kind: 'throttle-bare', path: DEVICES_PATH, rate: 0.2 }]],
  ];

  for (const [name, rules] of recoverable) {
    it(`recovers from ${name} with nothing lost or duplicated`, async () => {
      tenant.faults.set(rules, name);
      const ids = await listDeviceIds();
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(truth);
      expect(tenant.faults.injected.length).toBeGreaterThan(0);
    });
  }

  it('sends no retry before the Retry-After has elapsed', async () => {
    tenant.faults.set([{ kind: 'throttle', path: DEVICES_PATH, retryAfterSeconds: 1, times: 1 }, { kind: 'throttle-date', path: DEVICES_PATH, retryAfterSeconds: 2, times: 1 }]);
    await listDeviceIds();
    const log = tenant.requestLog.filter((entry) => entry.path.endsWith(DEVICES_PATH));
    const throttled = log.filter((entry) => entry.status === 429);
    expect(throttled).toHaveLength(2);
    const [first, second] = throttled as [(typeof log)[number], (typeof log)[number]];
    const after = (entry: (typeof log)[number]) => log[log.indexOf(entry) + 1]!;
    expect(after(first).at - first.at).toBeGreaterThanOrEqual(1000);
    // An HTTP date has whole-second precision: the wait is at least the date minus the second it was cut to.
    expect(after(second).at - second.at).toBeGreaterThanOrEqual(1000);
  });

  it('stops, with a typed error, when a page is malformed', async () => {
    tenant.faults.set([{ kind: 'malformed-json', path: DEVICES_PATH, times: 1 }]);
    await expect(listDeviceIds()).rejects.toThrow();
  });

  it('ends a listing at a page without nextLink (the tenant decides where it ends)', async () => {
    tenant.faults.set([{ kind: 'truncated-page', path: DEVICES_PATH, times: 1 }]);
    expect(await listDeviceIds()).toHaveLength(1000);
  });

  it('retries throttled items inside a $batch and answers every item in order', async () => {
    const users = tenant.data.users.slice(0, 45);
    tenant.faults.set([{ kind: 'batch-item-throttle', retryAfterSeconds: 1, times: 3 }]);
    const answers = await client.batch(users.map((user, i) => ({ id: String(i), method: 'GET' as const, url: `/users/${user.id}` })));
    expect(answers.map((a) => a.status)).toEqual(users.map(() => 200));
    expect(answers.map((a) => (a.body as { id: string }).id)).toEqual(users.map((u) => u.id));
  });

  it('resyncs a group delta from the start when the delta link is gone (410)', async () => {
    const first = await client.delta<{ id: string }>('/groups/delta?$select=displayName,members');
    expect(first.items.length).toBe(tenant.data.groups.length);
    tenant.faults.set([{ kind: 'delta-gone', times: 1 }]);
    const again = await client.delta<{ id: string }>('/groups/delta?$select=displayName,members', { deltaLink: first.deltaLink });
    expect(again.resynced).toBe(true);
    expect(again.items.length).toBe(tenant.data.groups.length);
  });
});
