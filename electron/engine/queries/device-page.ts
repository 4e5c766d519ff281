// One page of the device explorer, and its CSV export, straight from the inventory.
import { csvCell } from '../../../shared/domain/csv-cell';
import type { DeviceFilter, DevicePage, DeviceRow, DeviceSort } from '../../../shared/ipc/inventory-channels';
import type { Inventory } from '../inventory/inventory';
import { deviceQuery } from './device-filter-sql';

const ROW_COLUMNS = `d.id, d.device_name AS deviceName, d.upn AS userPrincipalName, d.platform, d.os_version AS osVersion, d.list_state AS state,
  d.state_since AS stateSince, d.threat_level AS threatLevel, d.compliance, d.last_checkin_at AS lastCheckinAt, d.last_sync_at AS lastSyncAt`;

export function devicePage(inventory: Inventory, request: { filter: DeviceFilter; sort: DeviceSort; offset: number; limit: number }): DevicePage {
  const query = deviceQuery(request.filter, request.sort);
  const total = inventory.db.prepare(`SELECT COUNT(*) FROM devices d WHERE ${query.where}`).pluck().get(query.params) as number;
  const rows = inventory.db
    .prepare(`SELECT ${ROW_COLUMNS} FROM devices d WHERE ${query.where} ORDER BY ${query.orderBy} LIMIT @limit OFFSET @offset`)
    .all({ ...query.params, limit: request.limit, offset: request.offset }) as DeviceRow[];
  return { total, offset: request.offset, rows };
}

const CSV_HEADER = ['Device name', 'User', 'Platform', 'OS version', 'State', 'State since (UTC)', 'Threat level', 'Compliance', 'Last check-in (UTC)', 'Last Intune sync (UTC)', 'Intune device ID'];

const time = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function devicesCsv(inventory: Inventory, filter: DeviceFilter, sort: DeviceSort): { csv: string; rows: number } {
  const query = deviceQuery(filter, sort);
  const lines = [CSV_HEADER.join(',')];
  for (const row of inventory.db.prepare(`SELECT ${ROW_COLUMNS} FROM devices d WHERE ${query.where} ORDER BY ${query.orderBy}`).iterate(query.params) as IterableIterator<DeviceRow>) {
    lines.push(
      [row.deviceName, row.userPrincipalName, row.platform, row.osVersion, row.state, time(row.stateSince), row.threatLevel, row.compliance, time(row.lastCheckinAt), time(row.lastSyncAt), row.id]
        .map((cell) => csvCell(cell))
        .join(','),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}
