// Incremental discovery between full ones: group membership changes from Graph's
// delta query, the devices of users who joined (batched, 20 per request), and the
// devices Intune synced since the last poll (a lastSyncDateTime filter).
import type { RelistReason } from '../../../shared/ipc';
import { isResyncRequired } from '../../graph/graph-error';
import { ApiError, UNTRUSTED_URL } from '../../http/api-error';
import type { GraphClient } from '../../graph/graph-client';
import { graphPaths } from '../../graph/graph-paths';
import { GROUP_TYPE, USER_TYPE, type GraphDeltaItem } from '../../graph/graph-types';
import type { EngineContext } from '../engine-context';
import { readAllowedLevels } from './compliance-policies';
import { DISCOVERY_CURSORS, WATERMARK_OVERLAP_MS } from './discovery-cursors';
import { fullDiscovery, type DiscoverySummary } from './full-discovery';
import { enrolledGroupIds } from './enrollment-groups';
import { deviceUpserter, isSupportedPlatform, type DeviceListing } from './managed-device-row';

interface GroupDelta {
  id: string;
  displayName?: string;
  'members@delta'?: GraphDeltaItem<{ '@odata.type'?: string; id: string }>[];
}

/**
 * Runs an incremental round, or a full discovery when there is no delta link yet, the
 * groups changed, a full one is due, or the round cannot go on from the stored link:
 * then once, by itself, saying why.
 */
export async function discover(context: EngineContext, forceFull = false): Promise<DiscoverySummary> {
  const { inventory, config, graph } = context;
  const deltaLink = inventory.cursor(DISCOVERY_CURSORS.groupsDeltaLink);
  const storedNames = inventory.cursor(DISCOVERY_CURSORS.groupNames);
  const lastFull = Number(inventory.cursor(DISCOVERY_CURSORS.lastFullAt) ?? Number.NaN);
  const fullDue = !(context.now() - lastFull < config.fullDiscoveryHours * 3_600_000);
  if (forceFull || !deltaLink || storedNames !== JSON.stringify(config.enrollmentGroups) || fullDue) return fullDiscovery(context);
  const relist = async (reason: RelistReason): Promise<DiscoverySummary> => ({ ...(await fullDiscovery(context)), relistedBecause: reason });
  // Links are kept with the address they came from; the token never follows one elsewhere.
  if (originOf(deltaLink) !== originOf(graph.baseUrl)) return relist('otherAddress');
  let round: DiscoverySummary | RelistReason;
  try {
    round = await incrementalDiscovery(context, deltaLink);
  } catch (error) {
    if (error instanceof ApiError && error.code === UNTRUSTED_URL) return relist('otherAddress');
    if (isResyncRequired(error)) return relist('expired');
    throw error;
  }
  return typeof round === 'string' ? relist(round) : round;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

async function incrementalDiscovery(context: EngineContext, deltaLink: string): Promise<DiscoverySummary | RelistReason> {
  const { graph, inventory, signal, config } = context;
  const startedAt = context.now();
  const delta = await graph.delta<GroupDelta>(graphPaths.groupsDelta(), { signal, deltaLink });
  if (delta.resynced) return 'expired';
  const enrolled = enrolledGroupIds(inventory);
  const names = new Set(config.enrollmentGroups);
  const added: [string, string][] = [];
  const removed: [string, string][] = [];
  let nested = 0;
  for (const group of delta.items) {
    if (!enrolled.has(group.id)) {
      // A group created or renamed to an enrollment group's name: only a full resolution can tell.
      if (group.displayName !== undefined && names.has(group.displayName)) return 'groupsChanged';
      continue;
    }
    if (group.displayName !== undefined && !names.has(group.displayName)) return 'groupsChanged';
    for (const member of group['members@delta'] ?? []) {
      if (member['@odata.type'] === GROUP_TYPE) nested += 1;
      if (member['@odata.type'] !== undefined && member['@odata.type'] !== USER_TYPE) continue;
      (member['@removed'] ? removed : added).push([group.id, member.id]);
    }
  }
  // Only the users the delta names can have joined or left; look them up one by one (indexed) rather than loading every membership.
  const { db } = inventory;
  const groupsOf = db.prepare('SELECT group_id FROM group_members WHERE user_id = ?').pluck();
  const touched = new Map<string, Set<string>>();
  for (const [, userId] of [...added, ...removed]) if (!touched.has(userId)) touched.set(userId, new Set(groupsOf.all(userId) as string[]));
  const wasMember = new Set([...touched].filter(([, groups]) => groups.size > 0).map(([userId]) => userId));
  for (const [groupId, userId] of added) touched.get(userId)!.add(groupId);
  for (const [groupId, userId] of removed) touched.get(userId)!.delete(groupId);
  const joined = [...touched].filter(([userId, groups]) => groups.size > 0 && !wasMember.has(userId)).map(([userId]) => userId);
  const left = [...touched].filter(([userId, groups]) => groups.size === 0 && wasMember.has(userId)).map(([userId]) => userId);
  const isMember = (userId: string): boolean => {
    const groups = touched.get(userId);
    return groups ? groups.size > 0 : groupsOf.get(userId) !== undefined;
  };

  const watermark = Number(inventory.cursor(DISCOVERY_CURSORS.lastSyncWatermark) ?? startedAt - WATERMARK_OVERLAP_MS);
  const [joinedDevices, synced, allowed] = await Promise.all([devicesOfUsers(graph, joined, signal), syncedSince(graph, watermark, signal), readAllowedLevels(graph, signal)]);
  return inventory.transaction(() => {
    const addMember = db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)');
    const dropMember = db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?');
    for (const [groupId, userId] of added) addMember.run(groupId, userId);
    for (const [groupId, userId] of removed) dropMember.run(groupId, userId);
    const leave = db.prepare('UPDATE devices SET in_group = 0 WHERE user_id = ?');
    for (const userId of left) leave.run(userId);
    const upsert = deviceUpserter(inventory, startedAt);
    let enrolledCount = 0;
    let unsupported = 0;
    const seen = new Set<string>();
    for (const device of [...joinedDevices, ...synced]) {
      if (seen.has(device.id) || !device.userId || !isMember(device.userId)) continue;
      seen.add(device.id);
      upsert(device);
      if (isSupportedPlatform(device.operatingSystem)) enrolledCount += 1;
      else unsupported += 1;
    }
    inventory.setCursor(DISCOVERY_CURSORS.groupsDeltaLink, delta.deltaLink);
    inventory.setCursor(DISCOVERY_CURSORS.lastSyncWatermark, String(startedAt - WATERMARK_OVERLAP_MS));
    inventory.setCursor(DISCOVERY_CURSORS.compliancePolicies, JSON.stringify(allowed));
    const groups = db.prepare('SELECT name, status FROM enrollment_groups ORDER BY name').all() as { name: string; status: string }[];
    const users = db.prepare('SELECT COUNT(DISTINCT user_id) FROM group_members').pluck().get() as number;
    return { kind: 'incremental' as const, groups, users, devicesListed: joinedDevices.length + synced.length, enrolled: enrolledCount, unsupported, nestedGroupsIgnored: nested };
  });
}

async function devicesOfUsers(graph: GraphClient, userIds: readonly string[], signal: AbortSignal): Promise<DeviceListing[]> {
  if (userIds.length === 0) return [];
  const requests = userIds.map((userId, index) => ({ id: String(index), method: 'GET' as const, url: graphPaths.userManagedDevices(userId) }));
  const answers = await graph.batch(requests, { signal });
  const devices: DeviceListing[] = [];
  for (const answer of answers) {
    const body = answer.body as { value?: DeviceListing[]; '@odata.nextLink'?: string } | undefined;
    if (answer.status === 404) continue;
    if (answer.status !== 200 || !Array.isArray(body?.value)) {
      throw new ApiError({ service: 'Microsoft Graph', status: answer.status, method: 'GET', url: requests[Number(answer.id)]!.url, code: 'batchItemFailed', message: `A user's managed devices could not be listed (HTTP ${answer.status}).` });
    }
    devices.push(...body.value);
    if (body['@odata.nextLink']) for await (const device of graph.items<DeviceListing>(body['@odata.nextLink'], { signal })) devices.push(device);
  }
  return devices;
}

async function syncedSince(graph: GraphClient, since: number, signal: AbortSignal): Promise<DeviceListing[]> {
  const devices: DeviceListing[] = [];
  for await (const device of graph.items<DeviceListing>(graphPaths.managedDevices(since), { signal })) devices.push(device);
  return devices;
}
