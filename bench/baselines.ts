// What the engine's discovery is measured against: the same managed-device listing
// done the obvious ways, by the official Graph SDK and by one request per user.
import { PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { performance } from 'node:perf_hooks';
import { graphToken, listAll } from '../test/support/demo-tenant-http';
import { sdkClient } from '../test/support/graph-sdk';
import type { ServedTenant } from './served-tenant';

export interface SdkPageIteratorFigures {
  wallMs: number;
  graphRequests: number;
  devices: number;
}

/** Every managed device tenant-wide through the SDK's PageIterator, pages of 1000. */
export async function sdkPageIteratorBaseline(served: ServedTenant): Promise<SdkPageIteratorFigures> {
  const sdk = sdkClient(served.origin, await graphToken(served.credentials));
  await served.resetStats();
  const started = performance.now();
  let devices = 0;
  const first = (await sdk.api('/deviceManagement/managedDevices?$select=id,userId,operatingSystem,lastSyncDateTime&$top=1000').get()) as PageCollection;
  await new PageIterator(sdk, first, () => {
    devices += 1;
    return true;
  }).iterate();
  const wallMs = performance.now() - started;
  return { wallMs: Math.round(wallMs), graphRequests: (await served.stats()).graphRequests, devices };
}

export interface PerUserFigures {
  /** Extrapolated to `users`. */
  wallMs: number;
  /** Extrapolated to `users`. */
  graphRequests: number;
  sampled: number;
  users: number;
  extrapolated: true;
}

/**
 * GET /users/{id}/managedDevices for each user, one after another: timed on `sampleUsers`
 * members of 'Mobile Users' and extrapolated to `users` (listing the users themselves is not counted).
 */
export async function perUserBaseline(served: ServedTenant, sampleUsers = 200, users = 50_000): Promise<PerUserFigures> {
  const graph = served.credentials.graphBaseUrl;
  const token = await graphToken(served.credentials);
  const groups = await listAll<{ id: string; displayName: string }>(`${graph}/groups?$filter=${encodeURIComponent("displayName eq 'Mobile Users'")}`, token);
  const group = groups.items.find((g) => g.displayName === 'Mobile Users');
  if (!group) throw new Error("perUserBaseline: the tenant has no group 'Mobile Users'");
  const response = await fetch(`${graph}/groups/${group.id}/members?$select=id&$top=999`, { headers: { authorization: `Bearer ${token}` } });
  const members = ((await response.json()) as { value: { id: string }[] }).value;
  // Spread over the page rather than the first n, in case users differ along the list.
  const stride = Math.max(1, Math.floor(members.length / sampleUsers));
  const sample = members.filter((_, i) => i % stride === 0).slice(0, sampleUsers);
  if (sample.length === 0) throw new Error('perUserBaseline: no users to sample');

  await served.resetStats();
  const started = performance.now();
  for (const user of sample) await listAll(`${graph}/users/${user.id}/managedDevices`, token);
  const wallMs = performance.now() - started;
  const scale = users / sample.length;
  return { wallMs: Math.round(wallMs * scale), graphRequests: Math.round((await served.stats()).graphRequests * scale), sampled: sample.length, users, extrapolated: true };
}
