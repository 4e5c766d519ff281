// The demo tenant's Graph contract over loopback HTTP, spoken raw (no client of ours).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoTenant } from '../../electron/demo-tenant/build-tenant';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { DEMO_STATS_PATH, serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { graphToken, listAll } from '../support/demo-tenant-http';

describe('demo tenant data', () => {
  it('is the same for the same seed and size, and differs for another seed', () => {
    const a = buildDemoTenant({ seed: 's1', devices: 50 });
    const b = buildDemoTenant({ seed: 's1', devices: 50 });
    const c = buildDemoTenant({ seed: 's2', devices: 50 });
    expect(b.tenantId).toBe(a.tenantId);
    expect(b.devices.map((d) => d.id)).toEqual(a.devices.map((d) => d.id));
    expect(b.events.length).toBe(a.events.length);
    expect(c.tenantId).not.toBe(a.tenantId);
    expect(a.tenantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('builds from 10 to 100,000 devices and refuses sizes outside', () => {
    expect(buildDemoTenant({ devices: 10 }).devices).toHaveLength(10);
    for (const bad of [9, 100_001, 0, -1, 10.5, Number.NaN]) expect(() => buildDemoTenant({ devices: bad })).toThrow(/from 10 to 100000/);
  });

  it('has the groups the console must handle: nested, case variants, duplicates, a Microsoft 365 group, the two access groups', () => {
    const { groups } = buildDemoTenant({ devices: 100 });
    const names = groups.map((g) => g.displayName);
    expect(names).toContain('Sales Devices');
    expect(names).toContain('Sales devices');
    expect(names.filter((n) => n === 'Field Staff')).toHaveLength(2);
    expect(groups.find((g) => g.displayName === 'All Mobile Staff')?.memberGroupIds).toHaveLength(1);
    expect(groups.find((g) => g.displayName === 'Mobile Team')).toMatchObject({ securityEnabled: false, groupTypes: ['Unified'] });
    expect(names).toEqual(expect.arrayContaining(['MTD Console Full Access', 'MTD Console Restricted Access']));
    const platforms = new Set(buildDemoTenant({ devices: 500 }).devices.map((d) => d.operatingSystem));
    expect([...platforms].sort()).toEqual(['Android', 'Windows', 'iOS', 'iPadOS', 'macOS']);
  });
});

describe('demo tenant Graph v1.0 over loopback', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let token: string;
  let graph: string;
  const get = (path: string, bearer: string | null = token) => fetch(`${graph}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'graph-contract', devices: 2500, speed: 0 });
    served = await serveDemoTenant(tenant);
    graph = served.credentials.graphBaseUrl;
    token = await graphToken(served.credentials);
  });
  afterAll(() => served.close());

  it('serves on 127.0.0.1 with a base URL ending in /v1.0', () => {
    expect(served.credentials.graphBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graph\/v1\.0$/);
  });

  it('answers 401 InvalidAuthenticationToken without a token or with a bad one', async () => {
    for (const bearer of [null, 'not-a-token', "x'; DROP TABLE--"]) {
      const response = await get('/organization', bearer);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    }
  });

  it('refuses a wrong client secret with an OAuth error that does not echo it', async () => {
    const response = await fetch(served.credentials.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: served.credentials.clientId, client_secret: 'wrong-secret-value' }),
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toContain('invalid_client');
    expect(text).not.toContain('wrong-secret-value');
  });

  it('pages every managed device once, with $top and @odata.nextLink', async () => {
    const { items, pages } = await listAll<{ id: string }>(`${graph}/deviceManagement/managedDevices?$top=1000`, token);
    expect(pages).toBe(3);
    expect(items.map((d) => d.id).sort()).toEqual(tenant.data.devices.map((d) => d.id).sort());
  });

  it('filters managed devices by operatingSystem and lastSyncDateTime, and selects fields', async () => {
    const truth = tenant.data.devices.filter((d) => d.operatingSystem === 'Android').length;
    const { items } = await listAll<Record<string, unknown>>(`${graph}/deviceManagement/managedDevices?$filter=operatingSystem eq 'Android'&$select=id,operatingSystem&$top=500`, token);
    expect(items).toHaveLength(truth);
    expect(Object.keys(items[0]!).sort()).toEqual(['@odata.type', 'id', 'operatingSystem']);
    const future = new Date(tenant.clock.now() + 86_400_000).toISOString();
    const none = await listAll(`${graph}/deviceManagement/managedDevices?$filter=lastSyncDateTime ge ${future}`, token);
    expect(none.items).toHaveLength(0);
    expect((await get("/deviceManagement/managedDevices?$filter=serialNumber eq 'x'")).status).toBe(400);
    expect((await get('/deviceManagement/managedDevices?$top=1001')).status).toBe(400);
  });

  it('lists the directory\'s users a page at a time, filtered by userPrincipalName, as Test connection reads them', async () => {
    const { items, pages } = await listAll<{ id: string }>(`${graph}/users?$top=50&$select=id`, token);
    expect(items.map((u) => u.id).sort()).toEqual(tenant.data.users.map((u) => u.id).sort());
    expect(pages).toBe(Math.ceil(tenant.data.users.length / 50));
    const someone = tenant.data.users[0]!;
    const { items: found } = await listAll<{ userPrincipalName: string }>(`${graph}/users?$filter=userPrincipalName eq '${someone.userPrincipalName}'`, token);
    expect(found.map((u) => u.userPrincipalName)).toEqual([someone.userPrincipalName]);
    expect((await get('/users?$top=1000')).status).toBe(400);
  });

  it("matches displayName without regard to case, as Graph does (exact case is the console's job)", async () => {
    const { items } = await listAll<{ displayName: string }>(`${graph}/groups?$filter=displayName eq 'sales devices'`, token);
    expect(items.map((g) => g.displayName).sort()).toEqual(['Sales Devices', 'Sales devices']);
    const quoted = await listAll(`${graph}/groups?$filter=displayName eq 'O''Brien'`, token);
    expect(quoted.items).toHaveLength(0);
  });

  it('lists direct members with @odata.type, the user cast without groups, and transitive members', async () => {
    const staff = tenant.data.groups.find((g) => g.displayName === 'All Mobile Staff')!;
    const pilot = tenant.data.groups.find((g) => g.displayName === 'Mobile Pilot')!;
    const members = await listAll<{ '@odata.type': string; id: string }>(`${graph}/groups/${staff.id}/members`, token);
    expect(members.items.filter((m) => m['@odata.type'] === '#microsoft.graph.group').map((m) => m.id)).toEqual([pilot.id]);
    const users = await listAll<{ '@odata.type': string }>(`${graph}/groups/${staff.id}/members/microsoft.graph.user?$top=999`, token);
    expect(users.items).toHaveLength(staff.memberUserIds.length);
    expect(users.items.every((m) => m['@odata.type'] === '#microsoft.graph.user')).toBe(true);
    const transitive = await listAll<{ id: string }>(`${graph}/groups/${staff.id}/transitiveMembers/microsoft.graph.user?$top=999`, token);
    expect(transitive.items).toHaveLength(new Set([...staff.memberUserIds, ...pilot.memberUserIds]).size);
  });

  it("lists a user's groups and the Global Administrator role in memberOf", async () => {
    const admin = tenant.data.users.find((u) => u.role === 'globalAdmin')!;
    const { items } = await listAll<{ '@odata.type': string; displayName: string }>(`${graph}/users/${admin.id}/memberOf`, token);
    expect(items).toContainEqual(expect.objectContaining({ '@odata.type': '#microsoft.graph.directoryRole', displayName: 'Global Administrator' }));
    expect(items).toContainEqual(expect.objectContaining({ displayName: 'MTD Console Full Access' }));
    expect((await get('/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('answers $batch per item, and refuses 21 requests', async () => {
    const users = tenant.data.users.slice(0, 20);
    const batch = (count: number) =>
      fetch(`${graph}/$batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requests: Array.from({ length: count }, (_, i) => ({ id: String(i + 1), method: 'GET', url: i === 0 ? '/users/nope' : `/users/${users[i % 20]!.id}` })) }),
      });
    const ok = (await (await batch(20)).json()) as { responses: { id: string; status: number }[] };
    expect(ok.responses).toHaveLength(20);
    expect(ok.responses[0]).toMatchObject({ id: '1', status: 404 });
    expect(ok.responses.slice(1).every((r) => r.status === 200)).toBe(true);
    expect((await batch(21)).status).toBe(400);
  });

  it('reports membership changes through groups/delta, removals marked @removed', async () => {
    let link = `${graph}/groups/delta?$select=displayName,members`;
    let deltaLink: string | undefined;
    while (link) {
      const body = (await (await get(link.slice(graph.length))).json()) as { '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
      deltaLink = body['@odata.deltaLink'];
      link = body['@odata.nextLink'] ?? '';
    }
    expect(deltaLink).toBeDefined();
    const pilot = tenant.data.groups.find((g) => g.displayName === 'Mobile Pilot')!;
    const leaving = pilot.memberUserIds[0]!;
    tenant.removeGroupMember(pilot.id, leaving);
    const changes = (await (await get(deltaLink!.slice(graph.length))).json()) as { value: { id: string; 'members@delta': { id: string; '@removed'?: unknown }[] }[] };
    expect(changes.value).toEqual([expect.objectContaining({ id: pilot.id, 'members@delta': [{ '@odata.type': '#microsoft.graph.user', id: leaving, '@removed': { reason: 'deleted' } }] })]);
  });

  it('starts tracking from now with $deltatoken=latest: no initial sync, later changes only', async () => {
    const latest = (await (await get('/groups/delta?$select=displayName,members&$deltatoken=latest')).json()) as { value: unknown[]; '@odata.deltaLink'?: string; '@odata.nextLink'?: string };
    expect(latest.value).toEqual([]);
    expect(latest['@odata.nextLink']).toBeUndefined();
    const deltaLink = latest['@odata.deltaLink']!;
    const link = new URL(deltaLink);
    expect([link.pathname, link.searchParams.get('$select')]).toEqual(['/graph/v1.0/groups/delta', 'displayName,members']);
    expect(link.searchParams.get('$deltatoken')).not.toBe('latest');
    expect((await (await get(deltaLink.slice(graph.length))).json()) as { value: unknown[] }).toMatchObject({ value: [] });
    const sales = tenant.data.groups.find((g) => g.displayName === 'Sales Devices')!;
    const joining = tenant.data.groups.find((g) => g.displayName === 'Sales devices')!.memberUserIds[0]!;
    tenant.addGroupMember(sales.id, joining);
    const changes = (await (await get(deltaLink.slice(graph.length))).json()) as { value: unknown[] };
    expect(changes.value).toEqual([expect.objectContaining({ id: sales.id, 'members@delta': [{ '@odata.type': '#microsoft.graph.user', id: joining }] })]);
  });

  it('reflects partner sync in managedDevices and the connector, and computes compliance from the policies', async () => {
    const android = tenant.data.devices.find((d) => d.operatingSystem === 'Android')!;
    const ios = tenant.data.devices.find((d) => d.operatingSystem === 'iOS')!;
    const post = (path: string, body: unknown) =>
      fetch(`${served.credentials.partnerBaseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // Android's policy allows medium, iOS's only low.
    const sync = await post('/deviceThreatStates', { states: [{ managedDeviceId: android.id, partnerReportedThreatState: 'mediumSeverity' }, { managedDeviceId: ios.id, partnerReportedThreatState: 'mediumSeverity' }, { managedDeviceId: 'gone', partnerReportedThreatState: 'secured' }] });
    expect(await sync.json()).toEqual({ updated: 2, unknownDevices: ['gone'] });
    const view = async (id: string) => (await (await get(`/deviceManagement/managedDevices/${id}`)).json()) as { partnerReportedThreatState: string; complianceState: string };
    expect(await view(android.id)).toMatchObject({ partnerReportedThreatState: 'mediumSeverity', complianceState: 'compliant' });
    expect(await view(ios.id)).toMatchObject({ partnerReportedThreatState: 'mediumSeverity', complianceState: 'noncompliant' });
    expect((await post('/deviceThreatStates', { states: [{ managedDeviceId: ios.id, partnerReportedThreatState: 'pwned' }] })).status).toBe(400);

    const connectorBefore = (await (await get('/deviceManagement/mobileThreatDefenseConnectors')).json()) as { value: { partnerState: string }[] };
    expect(connectorBefore.value[0]!.partnerState).toBe('unavailable');
    expect((await post('/heartbeat', {})).status).toBe(200);
    const connector = (await (await get('/deviceManagement/mobileThreatDefenseConnectors')).json()) as { value: { partnerState: string; lastHeartbeatDateTime: string }[] };
    expect(connector.value[0]).toMatchObject({ partnerState: 'enabled', lastHeartbeatDateTime: new Date(tenant.clock.now()).toISOString() });
    tenant.clock.advance(8 * 86_400_000);
    const late = (await (await get('/deviceManagement/mobileThreatDefenseConnectors')).json()) as { value: { partnerState: string }[] };
    expect(late.value[0]!.partnerState).toBe('unresponsive');
  });
});

describe('served demo tenant: added latency and request counts', () => {
  it('delays every request by latencyMs and counts requests by path prefix at /_demo/stats', async () => {
    const served = await serveDemoTenant(createDemoTenant({ seed: 'served-extras', devices: 10, speed: 0 }), 0, { latencyMs: 60 });
    try {
      const token = await graphToken(served.credentials);
      const stats = async () => (await (await fetch(`${served.origin}${DEMO_STATS_PATH}`)).json()) as Record<string, number>;
      const started = performance.now();
      const organization = await fetch(`${served.credentials.graphBaseUrl}/organization`, { headers: { authorization: `Bearer ${token}` } });
      expect(organization.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
      await fetch(`${served.credentials.graphBaseUrl}/groups`, { headers: { authorization: `Bearer ${token}` } });
      await fetch(`${served.credentials.mraBaseUrl}/mra/stream/v2/events`);
      expect(await stats()).toEqual({ graphRequests: 2, mraRequests: 1, partnerRequests: 0 });
      expect(served.stats()).toEqual({ graphRequests: 2, mraRequests: 1, partnerRequests: 0 });
      expect((await fetch(`${served.origin}${DEMO_STATS_PATH}/reset`, { method: 'POST' })).status).toBe(204);
      expect(await stats()).toEqual({ graphRequests: 0, mraRequests: 0, partnerRequests: 0 });
      expect((await fetch(`${served.origin}/_demo/other`)).status).toBe(404);
    } finally {
      await served.close();
    }
  });
});
