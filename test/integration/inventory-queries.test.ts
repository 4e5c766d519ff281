// The dashboard and device explorer queries over an inventory the engine filled from
// the demo tenant: aggregates equal the tenant's truth, filters list exactly the
// matching devices, sorting and paging neither lose nor repeat one, CSV holds the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboard, downsample } from '../../electron/engine/queries/dashboard';
import { deviceDetail } from '../../electron/engine/queries/device-detail';
import { csvCell } from '../../shared/domain/csv-cell';
import { devicePage, devicesCsv } from '../../electron/engine/queries/device-page';
import type { DeviceFilter, DeviceRow, DeviceSort } from '../../shared/ipc';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { truth } from '../support/tenant-truth';

const DAY = 86_400_000;
const BY_NAME: DeviceSort = { column: 'deviceName', direction: 'asc' };

describe('inventory queries', () => {
  let harness: EngineHarness;
  const all = (filter: DeviceFilter, sort: DeviceSort = BY_NAME): DeviceRow[] => {
    const rows: DeviceRow[] = [];
    for (let offset = 0; ; offset += 97) {
      const page = devicePage(harness.inventory, { filter, sort, offset, limit: 97 });
      rows.push(...page.rows);
      if (page.rows.length < 97) {
        expect(rows).toHaveLength(page.total);
        return rows;
      }
    }
  };

  beforeAll(async () => {
    harness = createEngineHarness({ seed: 'queries', devices: 1500, config: { enrollmentGroups: ['Mobile Users', 'Mobile Pilot'] } });
    await harness.engine.pollNow({ sync: true });
    harness.tenant.clock.advance(9 * DAY);
    await harness.engine.pollNow({ sync: true });
  });
  afterAll(() => harness.close());

  it('counts devices by state, threat level and compliance as the tenant\'s truth has them', () => {
    const expected = truth(harness.tenant, harness.config.enrollmentGroups);
    const board = dashboard(harness.inventory);
    const count = (predicate: (row: { state: string; level: string }) => boolean): number => [...expected.values()].filter(predicate).length;
    expect(board.counts).toEqual({
      pending: count((row) => row.state === 'pending'),
      active: count((row) => row.state === 'active'),
      disconnected: count((row) => row.state === 'disconnected'),
      deactivated: count((row) => row.state === 'deactivated'),
    });
    expect(board.counts.disconnected).toBeGreaterThan(0);
    const live = (row: { state: string }): boolean => row.state !== 'deactivated';
    const protectedDevice = (row: { state: string }): boolean => row.state === 'active' || row.state === 'disconnected';
    expect(board.threatLevels).toEqual({
      secured: count((row) => protectedDevice(row) && row.level === 'secured'),
      low: count((row) => protectedDevice(row) && row.level === 'low'),
      medium: count((row) => protectedDevice(row) && row.level === 'medium'),
      high: count((row) => protectedDevice(row) && row.level === 'high'),
    });
    expect(board.compliance.compliant + board.compliance.noncompliant + board.compliance.noPartnerData).toBe(count(live));
    expect(board.compliance.noPartnerData).toBe(board.counts.pending);
    expect(board.trend).toHaveLength(2);
    expect(board.trend.at(-1)).toMatchObject(board.counts);
    expect(board.health.lastHeartbeatAt).toBe(harness.tenant.clock.now());
    expect(board.health).toMatchObject({ partnerState: 'enabled', unresponsiveAfterDays: 7, daysLeft: 7 });
    expect(board.enrollmentGroups.map((group) => group.name)).toEqual(['Mobile Pilot', 'Mobile Users']);
    expect(board.platforms).toEqual(expect.arrayContaining(['Android', 'iOS']));
    expect(JSON.stringify(board).length).toBeLessThan(64 * 1024);
  });

  it('lists exactly the devices of a state, and every listed device once', () => {
    const expected = truth(harness.tenant, harness.config.enrollmentGroups);
    const disconnected = all({ states: ['disconnected'] });
    expect(new Set(disconnected.map((row) => row.id))).toEqual(new Set([...expected].filter(([, row]) => row.state === 'disconnected').map(([id]) => id)));
    const everything = all({});
    expect(new Set(everything.map((row) => row.id)).size).toBe(everything.length);
    const unsupported = everything.filter((row) => row.state === 'unsupported');
    expect(unsupported.length).toBeGreaterThan(0);
    expect(everything.length).toBe(expected.size + unsupported.length);
  });

  it('combines filters: platform, threat level, compliance, enrollment group and search', () => {
    const everything = all({});
    const android = all({ platforms: ['Android'], threatLevels: ['low', 'medium', 'high'] });
    expect(android).toEqual(everything.filter((row) => row.platform === 'Android' && row.threatLevel !== 'secured'));
    expect(all({ compliance: ['noncompliant'] })).toEqual(everything.filter((row) => row.compliance === 'noncompliant'));
    const pilot = new Set(harness.tenant.data.groups.find((group) => group.displayName === 'Mobile Pilot')!.memberUserIds);
    expect(all({ enrollmentGroup: 'Mobile Pilot' }).map((row) => row.id)).toEqual(everything.filter((row) => pilot.has(harness.tenant.devicesById.get(row.id)!.userId)).map((row) => row.id));
    const one = everything[7]!;
    expect(all({ search: one.deviceName!.toLowerCase() }).map((row) => row.id)).toEqual([one.id]);
    expect(all({ search: one.id }).map((row) => row.id)).toEqual([one.id]);
    expect(all({ search: one.userPrincipalName!.toUpperCase() }).length).toBeGreaterThanOrEqual(1);
    for (const hostile of ["' OR 1=1 --", '%', '_', '\\', "'); DROP TABLE devices; --", '<script>alert(1)</script>']) {
      expect(all({ search: hostile })).toEqual([]);
    }
    expect(all({})).toHaveLength(everything.length);
  });

  it.each<[DeviceSort['column'], (row: DeviceRow) => string | number]>([
    ['deviceName', (row) => row.deviceName!.toLowerCase()],
    ['userPrincipalName', (row) => row.userPrincipalName!.toLowerCase()],
    ['lastSyncAt', (row) => row.lastSyncAt ?? -1],
  ])('sorts by %s both ways, in the database, without losing or repeating a device', (column, key) => {
    const ascending = all({}, { column, direction: 'asc' });
    const descending = all({}, { column, direction: 'desc' });
    const keys = ascending.map((row) => key(row));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(descending.map((row) => row.id)).toEqual(ascending.map((row) => row.id).reverse());
  });

  it('sorts threat levels by severity, not by name', () => {
    const levels = all({}, { column: 'threatLevel', direction: 'desc' }).map((row) => row.threatLevel);
    const rank = { secured: 0, low: 1, medium: 2, high: 3 };
    expect(levels.map((level) => rank[level])).toEqual(levels.map((level) => rank[level]).sort((a, b) => b - a));
  });

  it('exports the filtered rows as CSV, with formulas defused', () => {
    const filter: DeviceFilter = { states: ['active'], platforms: ['iOS'] };
    const { csv, rows } = devicesCsv(harness.inventory, filter, BY_NAME);
    const expected = all(filter);
    expect(rows).toBe(expected.length);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Device name,User,Platform,OS version,State,State since (UTC),Threat level,Compliance,Last check-in (UTC),Last Intune sync (UTC),Intune device ID');
    expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual(expected.map((row) => row.id));
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
  });

  it('details a device with its state history and its threats', () => {
    const withThreat = harness.inventory.db
      .prepare("SELECT m.managed_device_id FROM threats t JOIN mtd_devices m ON m.guid = t.device_guid JOIN devices d ON d.id = m.managed_device_id WHERE d.state_since IS NOT NULL LIMIT 1")
      .pluck()
      .get() as string;
    const detail = deviceDetail(harness.inventory, withThreat)!;
    expect(detail.device.id).toBe(withThreat);
    expect(detail.history.length).toBeGreaterThan(0);
    expect(detail.history.at(-1)!.state).toBe(detail.device.state);
    expect(detail.threats.length).toBeGreaterThan(0);
    expect(detail.device.enrollmentGroups).toContain('Mobile Users');
    expect(deviceDetail(harness.inventory, 'no-such-device')).toBeNull();
  });

  it('stays under 64 KB with years of trend behind it', () => {
    const insert = harness.inventory.db.prepare('INSERT OR IGNORE INTO state_counts (at, pending, active, disconnected, deactivated) VALUES (?, 99999, 99999, 99999, 99999)');
    harness.inventory.transaction(() => {
      for (let i = 1; i <= 20_000; i++) insert.run(i * 3_600_000);
    });
    const board = dashboard(harness.inventory);
    expect(board.trend).toHaveLength(240);
    expect(board.trend.at(-1)!.at).toBe(harness.inventory.db.prepare('SELECT MAX(at) FROM state_counts').pluck().get());
    expect(new TextEncoder().encode(JSON.stringify({ ok: true, result: board })).length).toBeLessThan(64 * 1024);
  });

  it('keeps the trend to evenly spaced points with the newest last', () => {
    const points = Array.from({ length: 1000 }, (_, i) => i);
    const sampled = downsample(points, 240);
    expect(sampled).toHaveLength(240);
    expect(sampled[0]).toBe(0);
    expect(sampled.at(-1)).toBe(999);
    expect(downsample([1, 2, 3], 240)).toEqual([1, 2, 3]);
  });
});
