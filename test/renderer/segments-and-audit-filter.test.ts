// A dashboard segment opens the device list of exactly the devices it counts; the audit log's
// date filters cover whole days in the admin's time zone, and a date it cannot read is no filter.
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/ipc';
import { complianceSegments, stateSegments, threatSegments } from '../../renderer/modules/dashboard/segments';
import { filterOf, formatValue, isFiltered, NO_FILTER } from '../../renderer/modules/audit-log/audit-format';

const board = (parts: Pick<Dashboard, 'counts' | 'unsupported' | 'threatLevels' | 'compliance'>): Dashboard => parts as unknown as Dashboard;
const counts = { pending: 3, active: 10, disconnected: 2, deactivated: 4 };

describe('dashboard segments', () => {
  it('links a state segment to that state only', () => {
    const segments = stateSegments(board({ counts, unsupported: 5, threatLevels: { secured: 0, low: 0, medium: 0, high: 0 }, compliance: { compliant: 0, noncompliant: 0, noPartnerData: 0 } }));
    expect(segments.map((segment) => [segment.key, segment.count, segment.filter])).toEqual([
      ['pending', 3, { states: ['pending'] }],
      ['active', 10, { states: ['active'] }],
      ['disconnected', 2, { states: ['disconnected'] }],
      ['deactivated', 4, { states: ['deactivated'] }],
    ]);
  });

  it('scopes threat levels to the protected devices and compliance to the enrolled ones when the totals say so', () => {
    const dashboard = board({ counts, unsupported: 5, threatLevels: { secured: 6, low: 3, medium: 2, high: 1 }, compliance: { compliant: 9, noncompliant: 3, noPartnerData: 3 } });
    expect(threatSegments(dashboard).find((segment) => segment.key === 'high')!.filter).toEqual({ threatLevels: ['high'], states: ['active', 'disconnected'] });
    expect(complianceSegments(dashboard).find((segment) => segment.key === 'compliant')!.filter).toEqual({ compliance: ['compliant'], states: ['pending', 'active', 'disconnected'] });
  });

  it('follows the states main counted when its total matches another set, and drops the state filter when it counted every device', () => {
    // 19 = every lifecycle state: main counted deactivated devices too.
    const lifecycle = board({ counts, unsupported: 5, threatLevels: { secured: 10, low: 5, medium: 3, high: 1 }, compliance: { compliant: 20, noncompliant: 3, noPartnerData: 1 } });
    expect(threatSegments(lifecycle)[0]!.filter).toEqual({ threatLevels: ['secured'], states: ['pending', 'active', 'disconnected', 'deactivated'] });
    expect(complianceSegments(lifecycle)[0]!.filter).toEqual({ compliance: ['compliant'] });
  });
});

describe('audit log filter', () => {
  it('covers the whole of each chosen day in local time, and sends no empty or unreadable filter', () => {
    const filter = filterOf({ action: 'sign-in', actor: '  ada ', from: '2026-03-01', to: '2026-03-31' });
    expect(filter).toEqual({ action: 'sign-in', actor: 'ada', from: new Date(2026, 2, 1).toISOString(), to: new Date(2026, 2, 31, 23, 59, 59, 999).toISOString() });
    expect(filterOf({ action: '', actor: '   ', from: '03/01/2026', to: '2026-3-1' })).toEqual({});
    expect(filterOf(NO_FILTER)).toEqual({});
  });

  it('counts a filter of spaces as no filter, and a date alone as one', () => {
    expect(isFiltered({ ...NO_FILTER, actor: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, to: '2026-01-01' })).toBe(true);
  });

  it('shows a change as text: unset values by the word for none, lists joined, anything else as JSON', () => {
    expect(formatValue(null, '(none)')).toBe('(none)');
    expect(formatValue(undefined, '(none)')).toBe('(none)');
    expect(formatValue('', '(none)')).toBe('');
    expect(formatValue(['A', 'B'], '(none)')).toBe('A, B');
    expect(formatValue([1, 'B'], '(none)')).toBe('[1,"B"]');
    expect(formatValue({ high: true }, '(none)')).toBe('{"high":true}');
    expect(formatValue(15, '(none)')).toBe('15');
  });
});
