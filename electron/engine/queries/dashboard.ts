// The dashboard's aggregates: counts, the trend (at most TREND_POINTS_MAX points),
// threat levels, compliance and connector health. A few KB whatever the device count.
import { COMPLIANCE_STATES, hasPartnerData } from '../../../shared/domain/compliance';
import { DAY_MS, DEVICE_STATES, type DeviceState } from '../../../shared/domain/device-state';
import { THREAT_LEVELS } from '../../../shared/domain/threat-level';
import { TREND_POINTS_MAX, type Dashboard } from '../../../shared/ipc/inventory-channels';
import type { MessageParams } from '../../../shared/ipc/errors';
import type { Inventory } from '../inventory/inventory';
import { INTUNE_CONNECTOR, LAST_HEARTBEAT_AT } from '../state-sync/state-sync';
import { heartbeatHistory } from './heartbeat-history';

type Counts = Dashboard['counts'];

function tally<K extends string>(rows: { key: string | null; n: number }[], keys: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) if (row.key !== null && (keys as readonly string[]).includes(row.key)) out[row.key as K] += row.n;
  return out;
}

/** Evenly spaced points, always keeping the newest. */
export function downsample<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}

/** The dashboard but the state sync switches, which the engine's configuration adds; `now` is the engine's (tenant) clock. */
interface SyncErrorRow {
  at: number;
  step: string;
  message: string;
  reason: string | null;
  params: string | null;
}

/** A sync error for the health card; one recorded before errors had reasons is said as it was written. */
function lastError(row: SyncErrorRow): Dashboard['health']['lastErrors'][number] {
  const message = row.message.slice(0, 300);
  const params = row.params === null ? null : (JSON.parse(row.params) as MessageParams);
  return row.reason === null || params === null ? { at: row.at, step: row.step, message, reason: 'general.asWritten', params: { detail: message } } : { at: row.at, step: row.step, message, reason: row.reason, params };
}

export function dashboard(inventory: Inventory, now?: number): Omit<Dashboard, 'stateSync'> {
  const { db } = inventory;
  // One scan of the devices for every count.
  const groups = db
    .prepare('SELECT supported, in_group, in_intune, state, threat_level AS level, compliance, COUNT(*) AS n FROM devices GROUP BY supported, in_group, in_intune, state, threat_level, compliance')
    .all() as { supported: number; in_group: number; in_intune: number; state: DeviceState | null; level: string; compliance: string; n: number }[];
  const counts: Counts = tally(groups.filter((g) => g.supported === 1).map((g) => ({ key: g.state, n: g.n })), DEVICE_STATES);
  const unsupported = groups.filter((g) => g.supported === 0 && g.in_group === 1 && g.in_intune === 1).reduce((sum, g) => sum + g.n, 0);
  const enrolled = groups.filter((g) => g.supported === 1 && g.state !== null && g.state !== 'deactivated');
  // A pending device has no partner data yet: only devices the MTD service protects have a threat level.
  const protectedDevices = enrolled.filter((g) => g.state !== null && hasPartnerData(g.state));
  const threatLevels = tally(protectedDevices.map((g) => ({ key: g.level, n: g.n })), THREAT_LEVELS);
  const compliance = tally(enrolled.map((g) => ({ key: g.compliance, n: g.n })), COMPLIANCE_STATES);
  const trend = downsample(db.prepare('SELECT at, pending, active, disconnected, deactivated FROM state_counts ORDER BY at').all() as (Counts & { at: number })[], TREND_POINTS_MAX);
  const asOf = trend.at(-1)?.at ?? null;
  const heartbeat = inventory.cursor(LAST_HEARTBEAT_AT);
  const lastHeartbeatAt = heartbeat === undefined ? null : Number(heartbeat);
  const connector = JSON.parse(inventory.cursor(INTUNE_CONNECTOR) ?? 'null') as { partnerState?: string; partnerUnresponsivenessThresholdInDays?: number; lastHeartbeatDateTime?: string } | null;
  const threshold = connector?.partnerUnresponsivenessThresholdInDays ?? null;
  const daysLeft = threshold === null || lastHeartbeatAt === null || asOf === null ? null : Math.round((threshold - (asOf - lastHeartbeatAt) / DAY_MS) * 10) / 10;
  return {
    asOf,
    counts,
    unsupported,
    trend,
    threatLevels,
    compliance,
    health: {
      lastHeartbeatAt,
      partnerState: connector?.partnerState ?? null,
      unresponsiveAfterDays: threshold,
      daysLeft,
      lastErrors: (db.prepare('SELECT at, step, message, reason, params FROM sync_errors ORDER BY id DESC LIMIT 5').all() as SyncErrorRow[]).map(lastError),
      heartbeats: heartbeatHistory(inventory, now ?? asOf ?? Date.now(), connector?.lastHeartbeatDateTime, threshold),
    },
    enrollmentGroups: db.prepare('SELECT name, status FROM enrollment_groups ORDER BY name').all() as { name: string; status: string }[],
    platforms: db.prepare('SELECT DISTINCT platform FROM devices WHERE platform IS NOT NULL ORDER BY platform').pluck().all() as string[],
  };
}
