// Evaluation: every device's state, threat level and compliance from the stored
// facts (PRODUCT.md sections 4 and 5), its state history, and the counts for the
// trend charts, all in one transaction.
import { compliance } from '../../../shared/domain/compliance';
import { deviceState, type DeviceState, type LifecycleFacts } from '../../../shared/domain/device-state';
import { deviceThreatLevel, type ThreatLevel } from '../../../shared/domain/threat-level';
import { allowedLevelFor, type AllowedLevels } from '../discovery/compliance-policies';
import { DISCOVERY_CURSORS } from '../discovery/discovery-cursors';
import { AGENT_OF_DEVICE } from '../inventory/agent-of-device';
import type { Inventory } from '../inventory/inventory';
import { openThreatLevels } from '../telemetry/mtd-records';
import { pruneOldRows } from './housekeeping';

export type StateCounts = Record<DeviceState, number>;

export interface EvaluationSummary {
  counts: StateCounts;
  unsupported: number;
  stateChanges: number;
  levelChanges: number;
}

interface DeviceFactsRow {
  id: string;
  platform: string | null;
  supported: number;
  in_intune: number;
  in_group: number;
  state: DeviceState | null;
  state_reason: string | null;
  threat_level: ThreatLevel;
  compliance: string;
  last_checkin_at: number | null;
  mtd_guid: string | null;
  activation: LifecycleFacts['activation'];
  checkin_at: number | null;
  mtd_confirmed_at: number | null;
}

export const NO_POLICY: AllowedLevels = { ios: null, android: null };

export function evaluateDevices(inventory: Inventory, now: number, disconnectedAfterDays: number): EvaluationSummary {
  const { db } = inventory;
  return inventory.transaction(() => {
    const allowed = JSON.parse(inventory.cursor(DISCOVERY_CURSORS.compliancePolicies) ?? 'null') as AllowedLevels | null ?? NO_POLICY;
    const openLevels = openThreatLevels(inventory);
    // A reinstalled app registers a new agent: AGENT_OF_DEVICE picks the one that counts.
    const rows = db
      .prepare(`
        SELECT d.id, d.platform, d.supported, d.in_intune, d.in_group, d.state, d.state_reason, d.threat_level, d.compliance, d.last_checkin_at,
               m.guid AS mtd_guid, m.activation, m.checkin_at, m.confirmed_at AS mtd_confirmed_at
        FROM devices d
        LEFT JOIN mtd_devices m ON m.guid = ${AGENT_OF_DEVICE}`)
      .all() as DeviceFactsRow[];
    const update = db.prepare('UPDATE devices SET state = ?, state_reason = ?, state_since = CASE WHEN state IS ? THEN state_since ELSE ? END, threat_level = ?, compliance = ?, last_checkin_at = ? WHERE id = ?');
    const history = db.prepare('INSERT INTO state_history (device_id, at, state, reason) VALUES (?, ?, ?, ?)');
    const counts: StateCounts = { pending: 0, active: 0, disconnected: 0, deactivated: 0 };
    let unsupported = 0;
    let stateChanges = 0;
    let levelChanges = 0;
    for (const row of rows) {
      if (row.supported !== 1) {
        unsupported += 1;
        continue;
      }
      const verdict = deviceState(
        { inEnrollmentGroup: row.in_group === 1, inIntune: row.in_intune === 1, activation: row.mtd_guid === null ? null : row.activation, lastCheckinAt: row.checkin_at, checkinConfirmedAt: row.mtd_confirmed_at },
        now,
        disconnectedAfterDays,
      );
      const level = deviceThreatLevel(row.mtd_guid === null ? [] : (openLevels.get(row.mtd_guid) ?? []));
      const rule = compliance(verdict.state, level, allowedLevelFor(allowed, row.platform));
      counts[verdict.state] += 1;
      if (verdict.state !== row.state || verdict.reason !== row.state_reason || level !== row.threat_level || rule !== row.compliance || row.checkin_at !== row.last_checkin_at) {
        update.run(verdict.state, verdict.reason, verdict.state, now, level, rule, row.checkin_at, row.id);
        if (verdict.state !== row.state) {
          history.run(row.id, now, verdict.state, verdict.reason);
          stateChanges += 1;
        }
        if (level !== row.threat_level) levelChanges += 1;
      }
    }
    db.prepare('INSERT INTO state_counts (at, pending, active, disconnected, deactivated) VALUES (?, ?, ?, ?, ?) ON CONFLICT(at) DO UPDATE SET pending = excluded.pending, active = excluded.active, disconnected = excluded.disconnected, deactivated = excluded.deactivated').run(
      now,
      counts.pending,
      counts.active,
      counts.disconnected,
      counts.deactivated,
    );
    pruneOldRows(inventory, now, Date.now());
    return { counts, unsupported, stateChanges, levelChanges };
  });
}
