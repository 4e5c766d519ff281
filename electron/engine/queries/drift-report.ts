// The drift report: devices where Intune's partnerReportedThreatState (as last listed)
// differs from what the console computed. Against a real tenant, where state sync is
// report-only, this is what the admin acts on.
import { partnerState, type StateSyncSwitches } from '../../../shared/domain/partner-state';
import type { DeviceState } from '../../../shared/domain/device-state';
import type { ThreatLevel } from '../../../shared/domain/threat-level';
import type { Inventory } from '../inventory/inventory';

export interface DriftRow {
  deviceId: string;
  deviceName: string | null;
  userPrincipalName: string | null;
  intune: string | null;
  console: string;
}

export interface DriftReport {
  total: number;
  rows: DriftRow[];
}

export function driftReport(inventory: Inventory, switches: StateSyncSwitches, limit = 200): DriftReport {
  const rows: DriftRow[] = [];
  let total = 0;
  const query = inventory.db.prepare('SELECT id, device_name, upn, state, threat_level, intune_partner_state FROM devices WHERE supported = 1 AND in_intune = 1 AND state IS NOT NULL ORDER BY device_name, id');
  for (const row of query.iterate() as IterableIterator<{ id: string; device_name: string | null; upn: string | null; state: DeviceState; threat_level: ThreatLevel; intune_partner_state: string | null }>) {
    const wanted = partnerState(row.state, row.threat_level, switches);
    if (wanted === null || wanted === row.intune_partner_state) continue;
    total += 1;
    if (rows.length < limit) rows.push({ deviceId: row.id, deviceName: row.device_name, userPrincipalName: row.upn, intune: row.intune_partner_state, console: wanted });
  }
  return { total, rows };
}
