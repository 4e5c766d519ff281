// The connector's heartbeats over the last 30 days, and the hours left before Intune
// would mark the partner unresponsive, counted from the later of the console's last
// good heartbeat and the one Intune says it last had.
import { DAY_MS } from '../../../shared/domain/device-state';
import { HEARTBEAT_DAYS, type HeartbeatHealth } from '../../../shared/ipc/heartbeat-channels';
import type { Inventory } from '../inventory/inventory';

const HOUR_MS = 3_600_000;

/** Intune's lastHeartbeatDateTime as ms; its "never" (0001-01-01) and bad dates are null. */
export function intuneHeartbeatAt(value: string | undefined): number | null {
  if (!value) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at) || new Date(at).getUTCFullYear() <= 1) return null;
  return at;
}

export function hoursLeft(lastGood: number | null, intuneLast: number | null, thresholdDays: number | null, now: number): number | null {
  const from = Math.max(lastGood ?? -Infinity, intuneLast ?? -Infinity);
  if (thresholdDays === null || from === -Infinity) return null;
  return Math.max(0, Math.ceil((from + thresholdDays * DAY_MS - now) / HOUR_MS));
}

export function heartbeatHistory(inventory: Inventory, now: number, intuneLastHeartbeat: string | undefined, thresholdDays: number | null): HeartbeatHealth {
  const { db } = inventory;
  // Whole days (UTC) of the tenant's clock, today last.
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const first = today - (HEARTBEAT_DAYS - 1) * DAY_MS;
  // Bound numbers are REAL: `%` works in integers, so the day's start is exact.
  const rows = db
    .prepare("SELECT at - at % @day AS day, SUM(outcome = 'ok') AS ok, SUM(outcome = 'failed') AS failed FROM heartbeats WHERE at >= @first AND at < @end GROUP BY day")
    .all({ day: DAY_MS, first, end: today + DAY_MS }) as { day: number; ok: number; failed: number }[];
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days = Array.from({ length: HEARTBEAT_DAYS }, (_, i) => {
    const day = first + i * DAY_MS;
    const row = byDay.get(day);
    return { day, ok: row?.ok ?? 0, failed: row?.failed ?? 0 };
  });
  const last = db.prepare('SELECT at, outcome FROM heartbeats ORDER BY at DESC, id DESC LIMIT 1').get() as { at: number; outcome: 'ok' | 'failed' } | undefined;
  const lastGood = db.prepare("SELECT MAX(at) FROM heartbeats WHERE outcome = 'ok'").pluck().get() as number | null;
  const left = hoursLeft(lastGood, intuneHeartbeatAt(intuneLastHeartbeat), thresholdDays, now);
  return {
    days,
    lastAttempt: last ?? null,
    hoursLeft: left,
    warning: left === null ? null : left === 0 ? 'overdue' : left < 24 ? 'soon' : null,
  };
}
