// Contract test: the official Microsoft Graph JavaScript SDK and our Graph client
// page through the demo tenant over HTTP and must get exactly the same objects.
import { PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCredentialsProvider } from '../../electron/auth/client-credentials-provider';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { createGraphClient, type GraphClient } from '../../electron/graph/graph-client';
import { graphToken } from '../support/demo-tenant-http';
import { sdkClient } from '../support/graph-sdk';

describe('Graph SDK contract', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let sdk: ReturnType<typeof sdkClient>;
  let ours: GraphClient;

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'sdk-contract', devices: 3200, speed: 0 });
    served = await serveDemoTenant(tenant);
    sdk = sdkClient(served.origin, await graphToken(served.credentials));
    const { tokenUrl, clientId, clientSecret, graphBaseUrl } = served.credentials;
    ours = createGraphClient({ baseUrl: graphBaseUrl, tokens: new ClientCredentialsProvider({ tokenUrl, clientId, clientSecret, scope: 'https://graph.microsoft.com/.default' }) });
  });
  afterAll(() => served.close());

  async function viaSdk<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    const first = (await sdk.api(path).get()) as PageCollection;
    await new PageIterator(sdk, first, (item: T) => {
      items.push(item);
      return true;
    }).iterate();
    return items;
  }

  async function viaOurs<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    for await (const item of ours.items<T>(path)) items.push(item);
    return items;
  }

  it('lists the managed devices identically, in pages of 1000', async () => {
    const path = '/deviceManagement/managedDevices?$top=1000';
    const [fromSdk, fromOurs] = await Promise.all([viaSdk<{ id: string }>(path), viaOurs<{ id: string }>(path)]);
    expect(fromSdk).toHaveLength(3200);
    expect(fromOurs).toEqual(fromSdk);
  });

  it("lists an enrollment group's members identically, nested group included", async () => {
    const group = tenant.data.groups.find((g) => g.displayName === 'All Mobile Staff')!;
    const path = `/groups/${group.id}/members?$top=50`;
    const [fromSdk, fromOurs] = await Promise.all([viaSdk<{ id: string }>(path), viaOurs<{ id: string }>(path)]);
    expect(fromSdk).toHaveLength(group.memberUserIds.length + group.memberGroupIds.length);
    expect(fromOurs).toEqual(fromSdk);
  });
});
