// Dates, counts, lists and "in N minutes" in the admin's language, at the boundaries where the unit changes.
import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatIn, formatList } from '../../renderer/forms/format';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('formatting', () => {
  it('says seconds below 90 s, minutes below 90 min, hours beyond, and never a time in the past', () => {
    expect(formatIn(NOW + 89_000, NOW, 'en')).toBe('in 89 seconds');
    expect(formatIn(NOW + 90_000, NOW, 'en')).toBe('in 2 minutes');
    expect(formatIn(NOW + 89 * 60_000, NOW, 'en')).toBe('in 89 minutes');
    expect(formatIn(NOW + 90 * 60_000, NOW, 'en')).toBe('in 2 hours');
    expect(formatIn(NOW - 60_000, NOW, 'en')).toBe('in 0 seconds');
  });

  it('shows a date it cannot read as it was given, and a readable one in the language', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
    expect(formatDateTime('2026-03-04T05:06:00Z', 'en')).toMatch(/2026/);
    expect(formatDateTime('2026-03-04T05:06:00Z', 'en')).not.toBe(formatDateTime('2026-03-04T05:06:00Z', 'de'));
  });

  it('joins names as a phrase and groups digits', () => {
    expect(formatList(['A'], 'en')).toBe('A');
    expect(formatList(['A', 'B'], 'en')).toBe('A and B');
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(formatCount(100_000, 'en')).toBe('100,000');
    expect(formatCount(100_000, 'de')).toBe('100.000');
  });
});
