// The device list's address: whatever is typed into it, the filter sent to main is one the
// contract accepts, and a filter written to the address reads back as the same filter.
import { describe, expect, it } from 'vitest';
import { channels, DEVICE_SORT_COLUMNS, SEARCH_MAX } from '../../shared/ipc';
import { DEFAULT_SORT, deviceQueryParams, devicesHref, isFiltered, parseDeviceQuery } from '../../renderer/modules/devices/device-query';

const accepted = (search: string): boolean => {
  const { filter, sort } = parseDeviceQuery(search);
  return channels['devices.page'].request.safeParse({ filter, sort, offset: 0, limit: 200 }).success;
};

describe('device list address', () => {
  it('reads an empty address as every device, sorted by name', () => {
    expect(parseDeviceQuery('')).toEqual({ filter: {}, sort: DEFAULT_SORT });
    expect(DEFAULT_SORT).toEqual({ column: 'deviceName', direction: 'asc' });
  });

  it('trims the search, drops a blank one and cuts a long one to what main accepts', () => {
    expect(parseDeviceQuery('q=%20%20pixel%20').filter).toEqual({ search: 'pixel' });
    expect(parseDeviceQuery('q=%20%20%20').filter).toEqual({});
    const long = parseDeviceQuery(`q=${'a'.repeat(SEARCH_MAX + 50)}`).filter.search!;
    expect(long).toHaveLength(SEARCH_MAX);
  });

  it('keeps only known states, each once, in the vocabulary order whatever the address order', () => {
    expect(parseDeviceQuery('state=unsupported&state=bogus&state=pending&state=pending').filter).toEqual({ states: ['pending', 'unsupported'] });
    expect(parseDeviceQuery('state=PENDING').filter).toEqual({});
  });

  it('keeps platforms of 1 to 32 characters, each once, at most ten', () => {
    const many = Array.from({ length: 14 }, (_, i) => `platform=P${i}`).join('&');
    expect(parseDeviceQuery(many).filter.platforms).toHaveLength(10);
    expect(parseDeviceQuery(`platform=iOS&platform=iOS&platform=&platform=${'x'.repeat(33)}&platform=${'y'.repeat(32)}`).filter.platforms).toEqual(['iOS', 'y'.repeat(32)]);
  });

  it('drops unknown threat levels and compliance values, and an enrollment group over 256 characters', () => {
    expect(parseDeviceQuery('threat=high&threat=critical&compliance=compliant&compliance=maybe').filter).toEqual({ threatLevels: ['high'], compliance: ['compliant'] });
    expect(parseDeviceQuery(`group=${'g'.repeat(256)}`).filter.enrollmentGroup).toHaveLength(256);
    expect(parseDeviceQuery(`group=${'g'.repeat(257)}`).filter).toEqual({});
  });

  it('sorts by a known column only, ascending unless the address says desc', () => {
    expect(parseDeviceQuery('sort=platform&dir=desc').sort).toEqual({ column: 'platform', direction: 'desc' });
    expect(parseDeviceQuery('sort=platform&dir=DESC').sort).toEqual({ column: 'platform', direction: 'asc' });
    expect(parseDeviceQuery('sort=platform').sort).toEqual({ column: 'platform', direction: 'asc' });
    expect(parseDeviceQuery('sort=password&dir=desc').sort).toEqual(DEFAULT_SORT);
  });

  it('never builds a request main refuses, whatever the address holds', () => {
    for (const search of [
      `q=${'%F0%9F%98%80'.repeat(300)}`,
      `platform=${'%00'.repeat(5)}&group=%E2%80%8B`,
      'state=&threat=&compliance=&sort=&dir=',
      "q=';DROP TABLE devices;--&sort=__proto__",
      Array.from({ length: 60 }, (_, i) => `platform=${i}&state=active&threat=low`).join('&'),
    ]) {
      expect(accepted(search), search.slice(0, 60)).toBe(true);
    }
  });

  it('writes a filter and sort to the address so that it reads back the same, leaving the default sort out', () => {
    const query = {
      filter: { search: 'a&b=c', states: ['active' as const, 'disconnected' as const], platforms: ['Android'], threatLevels: ['low' as const], compliance: ['noncompliant' as const], enrollmentGroup: 'Mobile Users' },
      sort: { column: 'lastCheckinAt' as const, direction: 'desc' as const },
    };
    expect(parseDeviceQuery(deviceQueryParams(query).toString())).toEqual(query);
    for (const column of DEVICE_SORT_COLUMNS) {
      const sort = { column, direction: 'desc' as const };
      expect(parseDeviceQuery(deviceQueryParams({ filter: {}, sort }).toString()).sort).toEqual(sort);
    }
    expect(deviceQueryParams({ filter: {}, sort: DEFAULT_SORT }).toString()).toBe('');
  });

  it('links a chart segment to the list with its filter, and counts any filter as filtered', () => {
    expect(devicesHref({})).toBe('#/devices');
    expect(devicesHref({ states: ['disconnected'] })).toBe('#/devices?state=disconnected');
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ search: 'x' })).toBe(true);
  });
});
