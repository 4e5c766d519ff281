// The enrollment groups as the directory resolves them (exact case, direct user members only), stored with their members.
import { checkGroups, type ResolvedGroup } from '../../graph/group-check';
import type { GraphClient } from '../../graph/graph-client';
import type { Inventory } from '../inventory/inventory';

export async function resolveEnrollmentGroups(graph: GraphClient, names: readonly string[], signal: AbortSignal): Promise<ResolvedGroup[]> {
  return checkGroups(graph, names, signal);
}

/** Replaces the stored groups and their members; call inside the poll's transaction. */
export function storeEnrollmentGroups(inventory: Inventory, groups: readonly ResolvedGroup[], now: number): void {
  const { db } = inventory;
  db.prepare('DELETE FROM enrollment_groups').run();
  db.prepare('DELETE FROM group_members').run();
  const group = db.prepare('INSERT INTO enrollment_groups (name, group_id, status, suggestions, user_count, nested_groups_ignored, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const member = db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)');
  for (const resolved of groups) {
    group.run(resolved.name, resolved.groupId ?? null, resolved.status, JSON.stringify(resolved.suggestions), resolved.userIds.length, resolved.nestedGroupsIgnored ?? 0, now);
    if (resolved.status !== 'ok' || !resolved.groupId) continue;
    for (const userId of resolved.userIds) member.run(resolved.groupId, userId);
  }
}

export function enrolledGroupIds(inventory: Inventory): Set<string> {
  const rows = inventory.db.prepare("SELECT group_id FROM enrollment_groups WHERE status = 'ok' AND group_id IS NOT NULL").all() as { group_id: string }[];
  return new Set(rows.map((row) => row.group_id));
}

export function memberUserIds(inventory: Inventory): Set<string> {
  const rows = inventory.db.prepare('SELECT DISTINCT user_id FROM group_members').all() as { user_id: string }[];
  return new Set(rows.map((row) => row.user_id));
}
