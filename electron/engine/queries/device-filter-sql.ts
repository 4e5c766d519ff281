// The explorer's filter and sort as SQL over the devices table: values always bound
// as parameters, columns only from a fixed map.
import type { DeviceFilter, DeviceSort, DeviceSortColumn } from '../../../shared/ipc/inventory-channels';

const SORT_SQL: Record<DeviceSortColumn, string> = {
  deviceName: 'd.device_name COLLATE NOCASE',
  userPrincipalName: 'd.upn COLLATE NOCASE',
  platform: 'd.platform',
  state: 'd.list_state',
  threatLevel: 'd.threat_rank',
  compliance: 'd.compliance',
  lastCheckinAt: 'd.last_checkin_at',
  lastSyncAt: 'd.last_sync_at',
  stateSince: 'd.state_since',
};

/** Listed devices: every enrolled one, and unsupported ones of current members. */
const LISTED = '(d.supported = 1 OR (d.in_group = 1 AND d.in_intune = 1))';

export interface DeviceQuery {
  where: string;
  orderBy: string;
  params: Record<string, string>;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function inList(column: string, name: string, values: readonly string[] | undefined, clauses: string[], params: Record<string, string>): void {
  if (!values || values.length === 0) return;
  const names = values.map((value, index) => {
    params[`${name}${index}`] = value;
    return `@${name}${index}`;
  });
  clauses.push(`${column} IN (${names.join(', ')})`);
}

export function deviceQuery(filter: DeviceFilter, sort: DeviceSort): DeviceQuery {
  const clauses = [LISTED];
  const params: Record<string, string> = {};
  const search = filter.search?.trim();
  if (search) {
    params.search = `%${escapeLike(search)}%`;
    params.exact = search;
    clauses.push("(d.device_name LIKE @search ESCAPE '\\' OR d.upn LIKE @search ESCAPE '\\' OR d.id = @exact)");
  }
  inList('d.list_state', 'state', filter.states, clauses, params);
  inList('d.platform', 'platform', filter.platforms, clauses, params);
  inList('d.threat_level', 'level', filter.threatLevels, clauses, params);
  inList('d.compliance', 'compliance', filter.compliance, clauses, params);
  if (filter.enrollmentGroup !== undefined) {
    params.group = filter.enrollmentGroup;
    clauses.push("d.user_id IN (SELECT user_id FROM group_members WHERE group_id = (SELECT group_id FROM enrollment_groups WHERE name = @group AND status = 'ok'))");
  }
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return { where: clauses.join(' AND '), orderBy: `${SORT_SQL[sort.column]} ${direction}, d.id ${direction}`, params };
}
