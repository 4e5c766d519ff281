// The Threats screen's page: threats across devices, filtered and sorted in the database.
// Values are always bound as parameters; columns come only from a fixed map.
import { DAY_MS } from '../../../shared/domain/device-state';
import type { ThreatAge, ThreatFilter, ThreatOptions, ThreatPage, ThreatPageRequest, ThreatRow, ThreatSortColumn } from '../../../shared/ipc/threat-channels';
import type { Inventory } from '../inventory/inventory';

const DETECTED = 'COALESCE(t.detected_at, t.first_seen_at)';

const SORT_SQL: Record<ThreatSortColumn, string> = {
  detectedAt: DETECTED,
  level: 't.level_rank',
  classification: 't.classifications',
  type: 't.type',
  status: 't.status',
  deviceName: 'd.device_name COLLATE NOCASE',
  userPrincipalName: 'd.upn COLLATE NOCASE',
  platform: 'd.platform',
};

/** Age buckets as [from, to) days before now. */
const AGE_DAYS: Record<ThreatAge, [number, number | null]> = { day: [0, 1], week: [1, 7], month: [7, 30], older: [30, null] };

const FROM = 'threats t LEFT JOIN mtd_devices m ON m.guid = t.device_guid LEFT JOIN devices d ON d.id = m.managed_device_id';

function inList(column: string, name: string, values: readonly string[] | undefined, clauses: string[], params: Record<string, string | number>): void {
  if (!values || values.length === 0) return;
  const names = values.map((value, index) => {
    params[`${name}${index}`] = value;
    return `@${name}${index}`;
  });
  clauses.push(`${column} IN (${names.join(', ')})`);
}

export function threatQuery(filter: ThreatFilter, now: number): { where: string; params: Record<string, string | number> } {
  const clauses = ['1 = 1'];
  const params: Record<string, string | number> = {};
  inList('t.status', 'status', filter.statuses, clauses, params);
  inList('t.level', 'level', filter.levels, clauses, params);
  inList('d.platform', 'platform', filter.platforms, clauses, params);
  if (filter.classifications && filter.classifications.length > 0) {
    const inner: string[] = [];
    inList('c.value', 'class', filter.classifications, inner, params);
    clauses.push(`EXISTS (SELECT 1 FROM json_each(t.classifications) c WHERE ${inner[0]!})`);
  }
  if (filter.ages && filter.ages.length > 0) {
    const ranges = filter.ages.map((age, index) => {
      const [from, to] = AGE_DAYS[age];
      const parts: string[] = [];
      // A detection stamped a little ahead of the console's clock is under a day old, not of no age.
      if (from > 0) {
        params[`ageTo${index}`] = now - from * DAY_MS;
        parts.push(`${DETECTED} <= @ageTo${index}`);
      }
      if (to !== null) {
        params[`ageFrom${index}`] = now - to * DAY_MS;
        parts.push(`${DETECTED} > @ageFrom${index}`);
      }
      return parts.join(' AND ');
    });
    clauses.push(`(${ranges.map((range) => `(${range})`).join(' OR ')})`);
  }
  return { where: clauses.join(' AND '), params };
}

type Raw = Omit<ThreatRow, 'classifications'> & { classifications: string };

export function threatPage(inventory: Inventory, request: ThreatPageRequest, now: number): ThreatPage {
  const { where, params } = threatQuery(request.filter, now);
  const direction = request.sort.direction === 'desc' ? 'DESC' : 'ASC';
  const total = inventory.db.prepare(`SELECT COUNT(*) FROM ${FROM} WHERE ${where}`).pluck().get(params) as number;
  const rows = inventory.db
    .prepare(
      `SELECT t.guid, t.type, t.classifications, t.level, t.status, ${DETECTED} AS detectedAt, t.closed_at AS closedAt, d.id AS deviceId,
        d.device_name AS deviceName, d.upn AS userPrincipalName, d.platform, d.os_version AS osVersion
       FROM ${FROM} WHERE ${where} ORDER BY ${SORT_SQL[request.sort.column]} ${direction}, t.guid ${direction} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: request.limit, offset: request.offset }) as Raw[];
  return { total, offset: request.offset, rows: rows.map((row) => ({ ...row, classifications: JSON.parse(row.classifications) as string[] })) };
}

export function threatOptions(inventory: Inventory): ThreatOptions {
  const { db } = inventory;
  return {
    classifications: db.prepare('SELECT DISTINCT c.value FROM threats t, json_each(t.classifications) c ORDER BY c.value').pluck().all() as string[],
    platforms: db.prepare(`SELECT DISTINCT d.platform FROM ${FROM} WHERE d.platform IS NOT NULL ORDER BY d.platform`).pluck().all() as string[],
  };
}
