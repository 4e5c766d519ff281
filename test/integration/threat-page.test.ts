// The Threats screen's query over an inventory the engine filled from the demo tenant:
// every filter lists exactly the matching threats, sorting and paging neither lose nor
// repeat one, ages split the threats without overlap, and bad requests are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threatOptions, threatPage } from '../../electron/engine/queries/threat-page';
import { THREAT_SORT_COLUMNS, threatPageRequestSchema, type ThreatFilter, type ThreatRow, type ThreatSort } from '../../shared/ipc/threat-channels';
import { RISK_LEVELS } from '../../shared/domain/threat-classifications';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';

const DAY = 86_400_000;

describe('threats across devices', () => {
  let harness: EngineHarness;
  let now: number;
  const all = (filter: ThreatFilter, sort: ThreatSort = { column: 'detectedAt', direction: 'desc' }, limit = 37): ThreatRow[] => {
    const rows: ThreatRow[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = threatPage(harness.inventory, { filter, sort, offset, limit }, now);
      rows.push(...page.rows);
      if (page.rows.length < limit) {
        expect(rows).toHaveLength(page.total);
        return rows;
      }
    }
  };

  beforeAll(async () => {
    harness = createEngineHarness({ seed: 'threats', devices: 800, config: { enrollmentGroups: ['Mobile Users', 'Mobile Pilot'] } });
    await harness.engine.pollNow({ sync: true });
    harness.tenant.clock.advance(12 * DAY);
    await harness.engine.pollNow({ sync: true });
    now = harness.tenant.clock.now();
  });
  afterAll(() => harness.close());

  it('lists every threat the inventory holds, once, in every sort order and direction', () => {
    const stored = harness.inventory.db.prepare('SELECT COUNT(*) FROM threats').pluck().get() as number;
    expect(stored).toBeGreaterThan(10);
    for (const column of THREAT_SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const rows = all({}, { column, direction });
        expect(new Set(rows.map((row) => row.guid)).size).toBe(stored);
      }
    }
    const byTime = all({}, { column: 'detectedAt', direction: 'asc' }).map((row) => row.detectedAt);
    expect(byTime).toEqual([...byTime].sort((a, b) => a - b));
  });

  it('filters by status, risk level, classification and platform exactly', () => {
    const everything = all({});
    const open = all({ statuses: ['open'] });
    expect(open.length).toBeGreaterThan(0);
    expect(open).toEqual(expect.arrayContaining(everything.filter((row) => row.status === 'open')));
    expect(open.every((row) => row.status === 'open')).toBe(true);
    const levelled = RISK_LEVELS.map((level) => {
      const rows = all({ levels: [level] });
      expect(rows.map((row) => row.guid).sort()).toEqual(everything.filter((row) => row.level === level).map((row) => row.guid).sort());
      return rows.length;
    });
    expect(levelled.filter((count) => count > 0).length).toBeGreaterThan(1);
    const { classifications, platforms } = threatOptions(harness.inventory);
    expect(classifications.length).toBeGreaterThan(0);
    const chosen = classifications[0]!;
    expect(all({ classifications: [chosen] }).map((row) => row.guid).sort()).toEqual(everything.filter((row) => row.classifications.includes(chosen)).map((row) => row.guid).sort());
    for (const platform of platforms) {
      expect(all({ platforms: [platform] }).every((row) => row.platform === platform)).toBe(true);
    }
    // Filters combine with AND; a value nothing has lists nothing.
    expect(all({ statuses: ['open'], levels: ['High'] }).every((row) => row.status === 'open' && row.level === 'High')).toBe(true);
    expect(all({ classifications: ['NO_SUCH_CLASSIFICATION'] })).toEqual([]);
  });

  it('splits threats by age into buckets that neither overlap nor leave one out', () => {
    const everything = all({});
    const buckets = (['day', 'week', 'month', 'older'] as const).map((age) => all({ ages: [age] }));
    expect(buckets.reduce((sum, rows) => sum + rows.length, 0)).toBe(everything.length);
    const ageOf = (row: ThreatRow): number => (now - row.detectedAt) / DAY;
    expect(buckets[0]!.every((row) => ageOf(row) < 1)).toBe(true);
    expect(buckets[1]!.every((row) => ageOf(row) >= 1 && ageOf(row) < 7)).toBe(true);
    expect(buckets[2]!.every((row) => ageOf(row) >= 7 && ageOf(row) < 30)).toBe(true);
    expect(buckets[3]!.every((row) => ageOf(row) >= 30)).toBe(true);
    expect(all({ ages: ['day', 'week'] })).toHaveLength(buckets[0]!.length + buckets[1]!.length);
  });

  it('links a threat to its Intune device where Intune lists it', () => {
    const linked = all({}).filter((row) => row.deviceId !== null);
    expect(linked.length).toBeGreaterThan(0);
    const device = harness.inventory.db.prepare('SELECT device_name FROM devices WHERE id = ?').pluck();
    for (const row of linked.slice(0, 20)) expect(device.get(row.deviceId)).toBe(row.deviceName);
  });

  it('refuses bad requests, naming the field and the rule', () => {
    const valid = { filter: {}, sort: { column: 'detectedAt', direction: 'desc' }, offset: 0, limit: 50 };
    const refused = (request: unknown): string[] => {
      const parsed = threatPageRequestSchema.safeParse(request);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(refused(valid)).toEqual([]);
    expect(refused({ ...valid, limit: 500 })).toEqual([]);
    expect(refused({ ...valid, limit: 501 })).toEqual(['limit: A page has at most 500 threats.']);
    expect(refused({ ...valid, limit: 0 })).toEqual(['limit: limit is at least 1.']);
    expect(refused({ ...valid, offset: -1 })).toEqual(['offset: offset is 0 or more.']);
    expect(refused({ ...valid, offset: '0' })).toHaveLength(1);
    expect(refused({ ...valid, sort: { column: 'guid; DROP TABLE threats', direction: 'asc' } })[0]).toMatch(/^sort\.column: Threats sort by one of/);
    expect(refused({ ...valid, filter: { classifications: ["ROOT' OR 1=1 --"] } })[0]).toMatch(/^filter\.classifications\.0: A classification is written in capitals/);
    expect(refused({ ...valid, filter: { classifications: ['A'.repeat(65)] } })[0]).toMatch(/at most 64 characters/);
    expect(refused({ ...valid, filter: { classifications: ['A'.repeat(64)] } })).toEqual([]);
    expect(refused({ ...valid, filter: { classifications: ['\uD800'] } })).toHaveLength(1);
    expect(refused({ ...valid, filter: { levels: ['critical'] } })[0]).toMatch(/^filter\.levels\.0: A risk level is one of/);
    expect(refused({ ...valid, filter: { statuses: 'open' } }).length).toBeGreaterThan(0);
    expect(refused({ ...valid, filter: { platforms: ['x'.repeat(33)] } })[0]).toMatch(/at most 32 characters/);
    expect(refused({ ...valid, extra: true })).toHaveLength(1);
    // An injection string that passes as a platform name is only ever a bound value.
    expect(threatPage(harness.inventory, { ...valid, filter: { platforms: ["'; DROP TABLE threats; --"] } } as never, now).total).toBe(0);
    expect(harness.inventory.db.prepare('SELECT COUNT(*) FROM threats').pluck().get()).toBeGreaterThan(0);
  });
});
