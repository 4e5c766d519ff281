// Enrollment group names checked against the directory before they are saved:
// exact case, case-only mismatches (with the directory's spelling), unknown,
// ambiguous, non-security and nested groups.
import type { GroupCheck } from '../../shared/ipc';
import { graphPaths } from './graph-paths';
import type { GraphClient } from './graph-client';
import { GROUP_TYPE, USER_TYPE, type DirectoryObject, type Group } from './graph-types';

export interface ResolvedGroup extends GroupCheck {
  /** Direct user members' ids, when the group resolved. */
  userIds: string[];
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

export async function checkGroup(graph: GraphClient, name: string, signal?: AbortSignal): Promise<ResolvedGroup> {
  const options = signal ? { signal } : {};
  // Graph's eq matches without regard to case; exact-case matching is ours.
  const candidates = await collect(graph.items<Group>(graphPaths.groupsByDisplayName(name), options));
  const exact = candidates.filter((group) => group.displayName === name);
  if (exact.length === 0) {
    const spellings = [...new Set(candidates.map((group) => group.displayName))];
    return spellings.length > 0 ? { name, status: 'caseMismatch', suggestions: spellings, userIds: [] } : { name, status: 'unknown', suggestions: [], userIds: [] };
  }
  if (exact.length > 1) return { name, status: 'ambiguous', suggestions: [], matchingGroupIds: exact.map((group) => group.id), userIds: [] };
  const group = exact[0]!;
  if (!group.securityEnabled) return { name, status: 'notSecurityGroup', suggestions: [], groupId: group.id, userIds: [] };
  const members = await collect(graph.items<DirectoryObject>(graphPaths.groupMembers(group.id), options));
  const userIds = members.filter((member) => member['@odata.type'] === USER_TYPE).map((member) => member.id);
  const nested = members.filter((member) => member['@odata.type'] === GROUP_TYPE).length;
  return { name, status: 'ok', suggestions: [], groupId: group.id, userCount: userIds.length, nestedGroupsIgnored: nested, userIds };
}

export async function checkGroups(graph: GraphClient, names: readonly string[], signal?: AbortSignal): Promise<ResolvedGroup[]> {
  const results: ResolvedGroup[] = [];
  for (const name of names) results.push(await checkGroup(graph, name, signal));
  return results;
}

export function publicCheck({ userIds: _userIds, ...check }: ResolvedGroup): GroupCheck {
  return check;
}
