// Before enrollment groups are removed: how many enrolled devices would be deactivated
// (their users are in no remaining enrollment group), so the UI can confirm with the count.
import type { RemovalImpactView } from '../../../shared/ipc/engine-channels';
import type { Inventory } from '../inventory/inventory';

export function removalImpact(inventory: Inventory, removedNames: readonly string[]): RemovalImpactView {
  const { db } = inventory;
  const rows = db.prepare("SELECT name, group_id FROM enrollment_groups WHERE status = 'ok' AND group_id IS NOT NULL").all() as { name: string; group_id: string }[];
  const removed = new Set(rows.filter((row) => removedNames.includes(row.name)).map((row) => row.group_id));
  const kept = new Set(rows.filter((row) => !removedNames.includes(row.name)).map((row) => row.group_id));
  if (removed.size === 0) return { groups: [...removedNames], users: 0, devices: 0 };
  const membership = new Map<string, Set<string>>();
  for (const row of db.prepare('SELECT group_id, user_id FROM group_members').iterate() as IterableIterator<{ group_id: string; user_id: string }>) {
    (membership.get(row.user_id) ?? membership.set(row.user_id, new Set()).get(row.user_id)!).add(row.group_id);
  }
  const leaving = new Set<string>();
  for (const [userId, groups] of membership) {
    if ([...groups].some((id) => removed.has(id)) && ![...groups].some((id) => kept.has(id))) leaving.add(userId);
  }
  let devices = 0;
  const owners = new Set<string>();
  for (const row of db.prepare("SELECT user_id FROM devices WHERE supported = 1 AND state IS NOT NULL AND state != 'deactivated'").iterate() as IterableIterator<{ user_id: string | null }>) {
    if (!row.user_id || !leaving.has(row.user_id)) continue;
    devices += 1;
    owners.add(row.user_id);
  }
  // The users whose enrolled devices would be deactivated, as the confirmation says.
  return { groups: [...removedNames], users: owners.size, devices };
}
