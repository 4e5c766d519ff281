// The Threats screen's address: the open threats unless it says otherwise, only what the
// contract accepts, and a view written to the address reads back as the same view.
import { describe, expect, it } from 'vitest';
import { channels, CLASSIFICATION_NAME_MAX, THREAT_FILTER_LIST_MAX } from '../../shared/ipc';
import { DEFAULT_THREAT_SORT, isThreatFiltered, parseThreatQuery, threatQueryParams } from '../../renderer/modules/threats/threat-query';

describe('threat list address', () => {
  it('lists the open threats, newest first, when the address says nothing, and every status for status=all', () => {
    expect(parseThreatQuery('')).toEqual({ filter: { statuses: ['open'] }, sort: { column: 'detectedAt', direction: 'desc' } });
    expect(parseThreatQuery('status=all').filter).toEqual({});
    expect(parseThreatQuery('status=resolved&status=all').filter).toEqual({});
    expect(parseThreatQuery('status=bogus').filter).toEqual({ statuses: ['open'] });
    expect(parseThreatQuery('status=ignored&status=resolved').filter).toEqual({ statuses: ['resolved', 'ignored'] });
  });

  it('keeps classification names of capitals, digits and underscores up to the limit, each once, at most the list limit', () => {
    const longest = 'A'.repeat(CLASSIFICATION_NAME_MAX);
    expect(parseThreatQuery(`class=ROOT_ACCESS&class=root_access&class=ROOT ACCESS&class=ROOT_ACCESS&class=${longest}&class=${longest}B&class=`).filter.classifications).toEqual(['ROOT_ACCESS', longest]);
    const many = Array.from({ length: THREAT_FILTER_LIST_MAX + 20 }, (_, i) => `class=C${i}`).join('&');
    expect(parseThreatQuery(many).filter.classifications).toHaveLength(THREAT_FILTER_LIST_MAX);
  });

  it('keeps only the known risk levels (case as the contract spells them) and ages', () => {
    expect(parseThreatQuery('level=High&level=high&level=Severe&age=week&age=year').filter).toEqual({ levels: ['High'], ages: ['week'], statuses: ['open'] });
  });

  it('sorts by a known column only, descending unless the address says asc', () => {
    expect(parseThreatQuery('sort=level&dir=asc').sort).toEqual({ column: 'level', direction: 'asc' });
    expect(parseThreatQuery('sort=level&dir=up').sort).toEqual({ column: 'level', direction: 'desc' });
    expect(parseThreatQuery('sort=severity&dir=asc').sort).toEqual(DEFAULT_THREAT_SORT);
  });

  it('never builds a request main refuses, whatever the address holds', () => {
    for (const search of ['class=%00&level=&platform=&age=&status=', `platform=${'p'.repeat(33)}&class=${'Z'.repeat(200)}`, 'sort=constructor&dir=asc']) {
      const { filter, sort } = parseThreatQuery(search);
      expect(channels['threats.page'].request.safeParse({ filter, sort, offset: 0, limit: 200 }).success, search).toBe(true);
    }
  });

  it('writes nothing for the default view, status=all for every status, and reads a written view back', () => {
    expect(threatQueryParams({ filter: { statuses: ['open'] }, sort: DEFAULT_THREAT_SORT }).toString()).toBe('');
    expect(threatQueryParams({ filter: {}, sort: DEFAULT_THREAT_SORT }).toString()).toBe('status=all');
    const view = { filter: { classifications: ['JAILBREAK'], levels: ['Low' as const, 'High' as const], platforms: ['iOS'], ages: ['day' as const], statuses: ['open' as const, 'resolved' as const] }, sort: { column: 'deviceName' as const, direction: 'asc' as const } };
    expect(parseThreatQuery(threatQueryParams(view).toString())).toEqual(view);
    for (const filter of [{}, { statuses: ['open' as const] }, { statuses: ['ignored' as const] }]) {
      expect(parseThreatQuery(threatQueryParams({ filter, sort: DEFAULT_THREAT_SORT }).toString()).filter).toEqual(filter);
    }
  });

  it('counts only a view beyond the open threats as filtered', () => {
    expect(isThreatFiltered({ statuses: ['open'] })).toBe(false);
    expect(isThreatFiltered({})).toBe(true);
    expect(isThreatFiltered({ statuses: ['open', 'resolved'] })).toBe(true);
    expect(isThreatFiltered({ statuses: ['open'], levels: ['High'] })).toBe(true);
  });
});
