// One device with its state history and its threats, for the detail view.
import type { DeviceDetail, DeviceRow } from '../../../shared/ipc/inventory-channels';
import { AGENT_ORDER } from '../inventory/agent-of-device';
import type { Inventory } from '../inventory/inventory';

export function deviceDetail(inventory: Inventory, id: string): DeviceDetail | null {
  const { db } = inventory;
  const device = db
    .prepare(`
      SELECT d.id, d.device_name AS deviceName, d.upn AS userPrincipalName, d.platform, d.os_version AS osVersion, d.list_state AS state,
        d.state_since AS stateSince, d.threat_level AS threatLevel, d.compliance, d.last_checkin_at AS lastCheckinAt, d.last_sync_at AS lastSyncAt,
        d.state_reason AS stateReason, d.reported_state AS reportedState, d.intune_partner_state AS intunePartnerState,
        d.reported_at AS reportedAt, d.intune_state_at AS intuneStateAt, d.intune_state_by AS intuneStateBy, d.user_id AS userId
      FROM devices d WHERE d.id = ?`)
    .get(id) as (DeviceRow & Pick<DeviceDetail['device'], 'stateReason' | 'reportedState' | 'reportedAt' | 'intunePartnerState' | 'intuneStateAt' | 'intuneStateBy'> & { userId: string | null }) | undefined;
  if (!device) return null;
  const agents = db.prepare(`SELECT guid, activation FROM mtd_devices WHERE managed_device_id = ? ORDER BY ${AGENT_ORDER}`).all(id) as { guid: string; activation: string | null }[];
  const groups = db
    .prepare("SELECT g.name FROM enrollment_groups g JOIN group_members m ON m.group_id = g.group_id WHERE m.user_id = ? AND g.status = 'ok' ORDER BY g.name")
    .pluck()
    .all(device.userId) as string[];
  const history = db.prepare('SELECT at, state, reason FROM state_history WHERE device_id = ? ORDER BY at, rowid').all(id) as DeviceDetail['history'];
  const threats = agents.length === 0
    ? []
    : (db
        .prepare(`SELECT guid, type, classifications, level, status, detected_at AS detectedAt, closed_at AS closedAt FROM threats WHERE device_guid IN (${agents.map(() => '?').join(', ')}) ORDER BY status = 'open' DESC, detected_at DESC`)
        .all(...agents.map((agent) => agent.guid)) as (Omit<DeviceDetail['threats'][number], 'classifications'> & { classifications: string })[]);
  const { userId: _userId, ...row } = device;
  return {
    device: { ...row, enrollmentGroups: groups, mtdDeviceId: agents[0]?.guid ?? null, activation: agents[0]?.activation ?? null },
    history,
    threats: threats.map((threat) => ({ ...threat, classifications: JSON.parse(threat.classifications) as string[] })),
  };
}
