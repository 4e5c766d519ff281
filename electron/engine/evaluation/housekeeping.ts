// What the inventory keeps: a year of state history and trend, three months of
// reported sync errors, a month of sent mail, 35 days of heartbeats, the last thousand polls.
import type { Inventory } from '../inventory/inventory';

const DAY_MS = 86_400_000;
export const KEEP = { historyDays: 365, reportedErrorDays: 90, sentMailDays: 30, heartbeatDays: 35, polls: 1000 } as const;

/** Runs inside the evaluation's transaction; `now` is the tenant's time, `realNow` the outbox's. */
export function pruneOldRows(inventory: Inventory, now: number, realNow: number): void {
  const { db } = inventory;
  db.prepare('DELETE FROM state_history WHERE at < ?').run(now - KEEP.historyDays * DAY_MS);
  db.prepare('DELETE FROM state_counts WHERE at < ?').run(now - KEEP.historyDays * DAY_MS);
  db.prepare('DELETE FROM sync_errors WHERE reported = 1 AND at < ?').run(now - KEEP.reportedErrorDays * DAY_MS);
  db.prepare('DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?').run(realNow - KEEP.sentMailDays * DAY_MS);
  db.prepare('DELETE FROM heartbeats WHERE at < ?').run(now - KEEP.heartbeatDays * DAY_MS);
  db.prepare('DELETE FROM polls WHERE id <= (SELECT MAX(id) FROM polls) - ?').run(KEEP.polls);
}
