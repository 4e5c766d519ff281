// A managed device as the inventory keeps it, from Graph's managedDevice.
import { isSupportedPlatform } from '../../../shared/domain/platforms';
import type { ManagedDeviceListing } from '../../graph/graph-paths';
import type { Inventory } from '../inventory/inventory';

export { isSupportedPlatform };

export type DeviceListing = ManagedDeviceListing;

/** Upserts listed devices of enrollment group users; returns a function to call per device inside a transaction. */
export function deviceUpserter(inventory: Inventory, now: number): (device: DeviceListing) => void {
  const statement = inventory.db.prepare(`
    INSERT INTO devices (id, user_id, upn, device_name, platform, os_version, supported, in_intune, in_group, last_sync_at, intune_partner_state, intune_state_at, intune_state_by, intune_compliance, first_seen_at)
    VALUES (@id, @userId, @upn, @deviceName, @platform, @osVersion, @supported, 1, 1, @lastSyncAt, @partnerState, @now, 'listed', @compliance, @now)
    ON CONFLICT(id) DO UPDATE SET
      user_id = excluded.user_id, upn = excluded.upn, device_name = excluded.device_name, platform = excluded.platform,
      os_version = excluded.os_version, supported = excluded.supported, in_intune = 1, in_group = 1,
      last_sync_at = excluded.last_sync_at, intune_partner_state = excluded.intune_partner_state,
      intune_state_at = excluded.intune_state_at, intune_state_by = 'listed', intune_compliance = excluded.intune_compliance`);
  return (device) => {
    const lastSync = Date.parse(device.lastSyncDateTime);
    statement.run({
      id: device.id,
      userId: device.userId,
      upn: device.userPrincipalName,
      deviceName: device.deviceName,
      platform: device.operatingSystem,
      osVersion: device.osVersion,
      supported: isSupportedPlatform(device.operatingSystem) ? 1 : 0,
      lastSyncAt: Number.isNaN(lastSync) ? null : lastSync,
      partnerState: device.partnerReportedThreatState ?? null,
      compliance: device.complianceState ?? null,
      now,
    });
  };
}
