// Full discovery: resolve the enrollment groups, list every managed device of the
// tenant in pages of 1000 and join them to the groups' users locally (a request per
// user would not scale to 50,000 users), then store it all in one transaction.
import type { RelistReason } from '../../../shared/ipc';
import { graphPaths } from '../../graph/graph-paths';
import type { ResolvedGroup } from '../../graph/group-check';
import type { EngineContext } from '../engine-context';
import { devicesStillThere, membersConfirmed } from './absence-check';
import { readAllowedLevels } from './compliance-policies';
import { DISCOVERY_CURSORS, WATERMARK_OVERLAP_MS } from './discovery-cursors';
import { resolveEnrollmentGroups, storeEnrollmentGroups } from './enrollment-groups';
import { deviceUpserter, isSupportedPlatform, type DeviceListing } from './managed-device-row';

export interface DiscoverySummary {
  kind: 'full' | 'incremental';
  groups: { name: string; status: string }[];
  users: number;
  devicesListed: number;
  enrolled: number;
  unsupported: number;
  nestedGroupsIgnored: number;
  /** Set when an incremental round could not go on from where the last one left off. */
  relistedBecause?: RelistReason;
}

export async function fullDiscovery(context: EngineContext): Promise<DiscoverySummary> {
  const { graph, inventory, signal } = context;
  const startedAt = context.now();
  // Taken first, so membership changes made while we list are in the next incremental round.
  const delta = await graph.delta(graphPaths.groupsDelta(), { signal, deltaLink: `${graph.baseUrl}${graphPaths.groupsDeltaFromNow()}` });
  const listing: DeviceListing[] = [];
  const listDevices = async (): Promise<void> => {
    for await (const page of graph.pages<DeviceListing>(graphPaths.managedDevices(), { signal })) {
      listing.push(...page.items);
      context.progress('discovery', listing.length, null);
    }
  };
  const [groups, , allowed] = await Promise.all([resolveEnrollmentGroups(graph, context.config.enrollmentGroups, signal), listDevices(), readAllowedLevels(graph, signal)]);
  // What one listing misses is checked again before anything is marked gone.
  const listedIds = new Set(listing.map((device) => device.id));
  const known = inventory.db.prepare('SELECT id FROM devices WHERE in_intune = 1').pluck().all() as string[];
  listing.push(...(await devicesStillThere(graph, known.filter((id) => !listedIds.has(id)), signal)));
  const storedMembers = inventory.db.prepare('SELECT user_id FROM group_members WHERE group_id = ?').pluck();
  for (const group of groups) {
    if (group.status !== 'ok' || !group.groupId) continue;
    group.userIds = await membersConfirmed(graph, group.groupId, group.userIds, storedMembers.all(group.groupId) as string[], signal);
  }
  return inventory.transaction(() => {
    storeEnrollmentGroups(inventory, groups, startedAt);
    const members = new Set(groups.flatMap((group) => (group.status === 'ok' ? group.userIds : [])));
    const upsert = deviceUpserter(inventory, startedAt);
    const seen = new Set<string>();
    let enrolled = 0;
    let unsupported = 0;
    for (const device of listing) {
      seen.add(device.id);
      if (!device.userId || !members.has(device.userId)) continue;
      upsert(device);
      if (isSupportedPlatform(device.operatingSystem)) enrolled += 1;
      else unsupported += 1;
    }
    markAbsent(context, seen, members);
    inventory.setCursor(DISCOVERY_CURSORS.groupsDeltaLink, delta.deltaLink);
    inventory.setCursor(DISCOVERY_CURSORS.lastSyncWatermark, String(startedAt - WATERMARK_OVERLAP_MS));
    inventory.setCursor(DISCOVERY_CURSORS.groupNames, JSON.stringify(context.config.enrollmentGroups));
    inventory.setCursor(DISCOVERY_CURSORS.lastFullAt, String(startedAt));
    inventory.setCursor(DISCOVERY_CURSORS.compliancePolicies, JSON.stringify(allowed));
    return summary('full', groups, members.size, listing.length, enrolled, unsupported);
  });
}

/** Devices no longer listed left Intune; listed ones whose user left every group left the groups. */
function markAbsent(context: EngineContext, listed: ReadonlySet<string>, members: ReadonlySet<string>): void {
  const { db } = context.inventory;
  const rows = db.prepare('SELECT id, user_id, in_intune, in_group FROM devices').all() as { id: string; user_id: string | null; in_intune: number; in_group: number }[];
  const leftIntune = db.prepare('UPDATE devices SET in_intune = 0 WHERE id = ?');
  const leftGroups = db.prepare('UPDATE devices SET in_group = 0 WHERE id = ?');
  for (const row of rows) {
    if (!listed.has(row.id)) {
      if (row.in_intune === 1) leftIntune.run(row.id);
    } else if ((!row.user_id || !members.has(row.user_id)) && row.in_group === 1) {
      leftGroups.run(row.id);
    }
  }
}

export function summary(kind: DiscoverySummary['kind'], groups: readonly ResolvedGroup[], users: number, devicesListed: number, enrolled: number, unsupported: number): DiscoverySummary {
  return {
    kind,
    groups: groups.map((group) => ({ name: group.name, status: group.status })),
    users,
    devicesListed,
    enrolled,
    unsupported,
    nestedGroupsIgnored: groups.reduce((sum, group) => sum + (group.nestedGroupsIgnored ?? 0), 0),
  };
}
