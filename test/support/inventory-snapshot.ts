// An inventory's content without what legitimately differs between two runs (poll
// bookkeeping, outbox timing), for comparing an interrupted run with an uninterrupted one.
import Database from 'better-sqlite3';

export function inventorySnapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).all();
    return {
      enrollmentGroups: all('SELECT name, group_id, status, user_count, nested_groups_ignored FROM enrollment_groups ORDER BY name'),
      groupMembers: all('SELECT group_id, user_id FROM group_members ORDER BY group_id, user_id'),
      devices: all('SELECT * FROM devices ORDER BY id'),
      mtdDevices: all('SELECT * FROM mtd_devices ORDER BY guid'),
      threats: all('SELECT * FROM threats ORDER BY guid'),
      stateHistory: all('SELECT device_id, at, state, reason FROM state_history ORDER BY device_id, at, state'),
      stateCounts: all('SELECT * FROM state_counts ORDER BY at'),
      // Delta links name the tenant's origin, which differs between two served tenants.
      cursors: (all('SELECT name, value FROM cursors ORDER BY name') as { name: string; value: string }[]).map((row) => ({ ...row, value: row.value.replace(/^https?:\/\/[^/]+/, '') })),
      syncErrors: all('SELECT step, device_id, message, reported FROM sync_errors ORDER BY id'),
      outbox: all('SELECT dedupe_key, kind, recipients, subject, body, sent_at IS NOT NULL AS sent FROM outbox ORDER BY dedupe_key'),
    };
  } finally {
    db.close();
  }
}
