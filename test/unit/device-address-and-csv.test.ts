// An opened device's address (#/devices/<id>) maps to the Devices module and that id; the CSV
// of the list is written in the screen's words, with every page read and nothing read as a formula.
import { describe, expect, it } from 'vitest';
import type { Api, DevicePage, DeviceRow } from '../../shared/ipc';
import { initI18n } from '../../renderer/i18n/i18n';
import { itemOf, moduleForPath } from '../../renderer/app/modules';
import { csvCell } from '../../shared/domain/csv-cell';
import { devicesCsv } from '../../renderer/modules/devices/devices-csv';

describe('device addresses', () => {
  const devices = moduleForPath('/devices')!;

  it('opens the Devices module at a device id, decoded; the list itself names no device', () => {
    expect(moduleForPath('/devices/abc-123')?.id).toBe('devices');
    expect(itemOf(devices, '/devices/abc-123')).toBe('abc-123');
    expect(itemOf(devices, `/devices/${encodeURIComponent('a b/c')}`)).toBe('a b/c');
    expect(itemOf(devices, '/devices')).toBeNull();
    expect(itemOf(devices, '/devices/')).toBeNull();
  });

  it('refuses deeper paths, bad escapes and sub-paths of modules without items', () => {
    expect(moduleForPath('/devices/a/b')).toBeUndefined();
    expect(moduleForPath('/devices/%E0%A4%A')).toBeUndefined();
    expect(moduleForPath('/devicesX')).toBeUndefined();
    expect(moduleForPath('/preferences/anything')).toBeUndefined();
  });
});

function row(index: number, overrides: Partial<DeviceRow> = {}): DeviceRow {
  return {
    id: `id-${index}`,
    deviceName: `Phone ${index}`,
    userPrincipalName: `user${index}@contoso.com`,
    platform: 'Android',
    osVersion: '14',
    state: 'active',
    stateSince: Date.UTC(2026, 0, 2, 3, 4, 5),
    threatLevel: 'high',
    compliance: 'noncompliant',
    lastCheckinAt: Date.UTC(2026, 0, 3, 4, 5, 6),
    lastSyncAt: null,
    ...overrides,
  };
}

describe('devices CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
  });

  it('writes headers and values in the screen words, across every page', async () => {
    const i18n = await initI18n('en');
    const all = [row(1), row(2, { state: 'pending', threatLevel: 'secured', compliance: 'noPartnerData', osVersion: null, lastCheckinAt: null }), row(3, { deviceName: null, platform: null, state: 'unsupported' })];
    const asked: number[] = [];
    const api = {
      'devices.page': (request: { offset: number; limit: number }): Promise<DevicePage> => {
        asked.push(request.offset);
        // Two rows a page, whatever the limit: the export keeps reading until the total.
        return Promise.resolve({ total: all.length, offset: request.offset, rows: all.slice(request.offset, request.offset + 2) });
      },
    } as unknown as Api;

    const { csv, rows } = await devicesCsv(api, { filter: {}, sort: { column: 'deviceName', direction: 'asc' } }, i18n.t, 'en');
    expect(rows).toBe(3);
    expect(asked).toEqual([0, 2]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Device,User,Platform,State,Threat level,Compliance,Last check-in,In state since,Last Intune sync,Intune device ID');
    const moment = (ms: number) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(ms));
    expect(lines[1]).toBe(
      `Phone 1,user1@contoso.com,Android 14,Active,High,Non-compliant,"${moment(Date.UTC(2026, 0, 3, 4, 5, 6))}","${moment(Date.UTC(2026, 0, 2, 3, 4, 5))}",,id-1`,
    );
    // A device the MTD app does not protect has no threat level data, as the list says.
    expect(lines[2]).toMatch(/^Phone 2,user2@contoso.com,Android,Pending,No data,No partner data,,/);
    expect(lines[3]).toMatch(/^Unnamed device,user3@contoso.com,,Unsupported,No data,/);
    expect(lines[4]).toBe('');
  });
});
