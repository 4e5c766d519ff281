// How many users and devices a set of enrollment groups would enroll, before it is saved.
import type { EnrollmentPreview } from '../../../shared/ipc';
import type { GraphClient } from '../../graph/graph-client';
import type { ManagedDevice } from '../../graph/graph-types';
import { isSupportedPlatform } from '../../../shared/domain/platforms';
import { graphPaths } from '../../graph/graph-paths';
import { checkGroups, publicCheck } from '../../graph/group-check';


export async function enrollmentPreview(graph: GraphClient, names: readonly string[], signal?: AbortSignal): Promise<EnrollmentPreview> {
  const checks = await checkGroups(graph, names, signal);
  const users = new Set(checks.flatMap((check) => check.userIds));
  const byPlatform: Record<string, number> = {};
  let supported = 0;
  let unsupported = 0;
  if (users.size > 0) {
    // One tenant-wide listing joined locally: a request per user would not scale to 50,000 users.
    for await (const device of graph.items<Pick<ManagedDevice, 'id' | 'userId' | 'operatingSystem'>>(graphPaths.managedDevicePlatforms(), signal ? { signal } : {})) {
      if (!device.userId || !users.has(device.userId)) continue;
      const platform = device.operatingSystem ?? 'Unknown';
      byPlatform[platform] = (byPlatform[platform] ?? 0) + 1;
      if (isSupportedPlatform(platform)) supported += 1;
      else unsupported += 1;
    }
  }
  return {
    groups: checks.map(publicCheck),
    users: users.size,
    devices: { supported, unsupported, byPlatform },
    nestedGroupsIgnored: checks.reduce((sum, check) => sum + (check.nestedGroupsIgnored ?? 0), 0),
  };
}
