// The group pickers' directory look-ups, through the tenant's Graph client.
import type { GroupSuggestion, ResolvedGroupView } from '../../../shared/ipc';
import { ApiError } from '../../http/api-error';
import type { GraphClient } from '../../graph/graph-client';
import { graphPaths } from '../../graph/graph-paths';
import type { Group } from '../../graph/graph-types';

const DEFAULT_SUGGESTIONS = 10;
const EVENTUAL = { headers: { ConsistencyLevel: 'eventual' } };

export async function searchSecurityGroups(graph: GraphClient, prefix: string, limit = DEFAULT_SUGGESTIONS): Promise<GroupSuggestion[]> {
  const page = await graph.get<{ value: Pick<Group, 'id' | 'displayName'>[] }>(graphPaths.securityGroupsByPrefix(prefix, limit));
  return page.value.map((group) => ({ id: group.id, displayName: group.displayName })).sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0));
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export async function resolveGroups(graph: GraphClient, ids: readonly string[]): Promise<ResolvedGroupView[]> {
  const out: ResolvedGroupView[] = [];
  for (const id of ids) {
    try {
      const group = await graph.get<Pick<Group, 'id' | 'displayName' | 'securityEnabled'>>(graphPaths.group(id));
      const members = await graph.get<{ '@odata.count'?: number }>(graphPaths.groupMemberCount(id), EVENTUAL);
      out.push({ id, found: true, displayName: group.displayName, securityEnabled: group.securityEnabled, ...(typeof members['@odata.count'] === 'number' ? { memberCount: members['@odata.count'] } : {}) });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      out.push({ id, found: false });
    }
  }
  return out;
}
