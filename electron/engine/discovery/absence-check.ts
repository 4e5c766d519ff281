// A listing that ends early (a page without its next link) looks exactly like devices
// or members that are gone. Nothing is taken as gone on one listing's word: missing
// devices are looked up one by one (batched) or listed again, missing members are
// listed again, and only what is missing twice is gone.
import type { GraphClient } from '../../graph/graph-client';
import { graphPaths } from '../../graph/graph-paths';
import { USER_TYPE, type DirectoryObject } from '../../graph/graph-types';
import type { DeviceListing } from './managed-device-row';

/** Up to this many missing devices are looked up one by one; more, and the whole listing is read again. */
export const LOOKUP_LIMIT = 200;

/** The missing devices that Intune still has, with their current listing. */
export async function devicesStillThere(graph: GraphClient, missing: readonly string[], signal: AbortSignal): Promise<DeviceListing[]> {
  if (missing.length === 0) return [];
  if (missing.length > LOOKUP_LIMIT) {
    const wanted = new Set(missing);
    const found: DeviceListing[] = [];
    for await (const device of graph.items<DeviceListing>(graphPaths.managedDevices(), { signal })) {
      if (wanted.has(device.id)) found.push(device);
    }
    return found;
  }
  const answers = await graph.batch(
    missing.map((id, index) => ({ id: String(index), method: 'GET' as const, url: graphPaths.managedDeviceListing(id) })),
    { signal },
  );
  const found: DeviceListing[] = [];
  for (const answer of answers) {
    if (answer.status === 200 && answer.body) found.push(answer.body as DeviceListing);
    else if (answer.status !== 404) throw new Error(`Intune did not confirm whether device ${missing[Number(answer.id)]!} still exists (HTTP ${answer.status}).`);
  }
  return found;
}

/** The group's direct user members, read again when some known members were missing from the first listing. */
export async function membersConfirmed(graph: GraphClient, groupId: string, listed: readonly string[], known: readonly string[], signal: AbortSignal): Promise<string[]> {
  const present = new Set(listed);
  if (known.every((userId) => present.has(userId))) return [...listed];
  for await (const member of graph.items<DirectoryObject>(graphPaths.groupMembers(groupId), { signal })) {
    if (member['@odata.type'] === USER_TYPE) present.add(member.id);
  }
  return [...present];
}
