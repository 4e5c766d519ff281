// The drift report: devices where Intune's partnerReportedThreatState (as last known:
// listed by Intune, or reported by the console since) differs from what the console
// computed, and why. Against a real tenant, where state sync is report-only, this is
// what the admin acts on.
import { partnerState, type StateSyncSwitches } from '../../../shared/domain/partner-state';
import type { DeviceState } from '../../../shared/domain/device-state';
import { driftReason, inDrift } from '../../../shared/domain/drift';
import type { ThreatLevel } from '../../../shared/domain/threat-level';
import type { DriftReportView } from '../../../shared/ipc/engine-channels';
import type { Inventory } from '../inventory/inventory';
import { SYNCED_DEVICES } from '../state-sync/state-sync';

type DriftRow = DriftReportView['rows'][number];

interface Row {
  id: string;
  device_name: string | null;
  upn: string | null;
  state: DeviceState;
  threat_level: ThreatLevel;
  intune_partner_state: string | null;
  intune_state_at: number | null;
  reported_state: string | null;
  reported_at: number | null;
}

export function driftReport(inventory: Inventory, switches: StateSyncSwitches, limit = 200, reportOnly = false): DriftReportView {
  const rows: DriftRow[] = [];
  let total = 0;
  const query = inventory.db.prepare(`
    SELECT id, device_name, upn, state, threat_level, intune_partner_state, intune_state_at, reported_state, reported_at
    FROM devices WHERE ${SYNCED_DEVICES} ORDER BY device_name, id`);
  for (const row of query.iterate() as IterableIterator<Row>) {
    const wanted = partnerState(row.state, row.threat_level, switches);
    if (wanted === null || !inDrift(wanted, row.intune_partner_state)) continue;
    total += 1;
    if (rows.length < limit) {
      rows.push({
        deviceId: row.id,
        deviceName: row.device_name,
        userPrincipalName: row.upn,
        intune: row.intune_partner_state,
        console: wanted,
        reason: driftReason(wanted, row.reported_state),
        reportedAt: row.reported_at,
        intuneAt: row.intune_state_at,
      });
    }
  }
  return { total, rows, reportOnly };
}
