// Threats and the device threat level (PRODUCT.md section 4) through the polling
// engine: a threat's level is its classification's current level, a device's level
// is the highest among its open threats (none, or only None-level ones: secured),
// re-rated when the admin changes a classification, lowered when a threat resolves.
import { afterEach, describe, expect, it } from 'vitest';
import { threatStatusAt } from '../../electron/demo-tenant/agent-state';
import type { DemoDevice, DemoThreat } from '../../electron/demo-tenant/tenant-model';
import type { PollResult } from '../../electron/engine/polling-engine';
import { DEFAULT_THREAT_CLASSIFICATIONS, type RiskLevel } from '../../shared/domain/threat-classifications';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { enrolledDevices, expectedCompliance, inventoryDevices, inventoryStates, truth } from '../support/tenant-truth';

const DAY = 86_400_000;
const GROUPS = ['Mobile Users'];
const RANK: Record<RiskLevel, number> = { None: 0, Low: 1, Medium: 2, High: 3 };

type Levels = Partial<Record<string, RiskLevel>>;

function defaultLevel(classification: string): RiskLevel {
  return DEFAULT_THREAT_CLASSIFICATIONS.find((entry) => entry.classification === classification)!.level;
}

async function poll(harness: EngineHarness): Promise<PollResult> {
  const result = await harness.engine.pollNow();
  expect(result.errors).toEqual([]);
  return result;
}

function moveTo(harness: EngineHarness, at: number): void {
  const now = harness.tenant.clock.now();
  expect(at).toBeGreaterThanOrEqual(now);
  harness.tenant.clock.advance(at - now);
}

function setLevels(harness: EngineHarness, levels: Levels): void {
  harness.engine.configure({ ...harness.config, classificationLevels: levels });
}

function threatRows(harness: EngineHarness): Map<string, { device_guid: string; status: string; level: RiskLevel; severity: string; classifications: string; closed_at: number | null }> {
  const rows = harness.inventory.db.prepare('SELECT guid, device_guid, status, level, severity, classifications, closed_at FROM threats').all() as { guid: string; device_guid: string; status: string; level: RiskLevel; severity: string; classifications: string; closed_at: number | null }[];
  return new Map(rows.map((row) => [row.guid, row]));
}

/** The device rows, the threat rows and every device's compliance equal the tenant's model under these levels. */
function expectTruth(harness: EngineHarness, levels: Levels = {}): void {
  const { tenant } = harness;
  const expected = truth(tenant, GROUPS, { levels });
  expect(inventoryStates(harness.inventory.db)).toEqual(expected);
  const devices = inventoryDevices(harness.inventory.db);
  for (const [id, row] of expected) {
    const want = expectedCompliance(tenant, tenant.devicesById.get(id)!, row);
    if (want !== undefined) expect(devices.get(id)!.compliance, `compliance of ${id} (${row.state}, ${row.level})`).toBe(want);
  }
  const now = tenant.clock.now();
  const stored = threatRows(harness);
  const found = tenant.data.threats.filter((threat) => threat.foundAt <= now);
  expect(new Set(stored.keys())).toEqual(new Set(found.map((threat) => threat.guid)));
  for (const threat of found) {
    expect(stored.get(threat.guid)).toMatchObject({
      device_guid: tenant.data.devices[threat.deviceIndex]!.agent!.guid,
      status: threatStatusAt(threat, now) === 'OPEN' ? 'open' : 'resolved',
      level: levels[threat.classification] ?? defaultLevel(threat.classification),
      severity: threat.severity,
    });
  }
}

function openThreats(harness: EngineHarness, device: DemoDevice, at: number): DemoThreat[] {
  return (harness.tenant.threatsByDevice.get(device.index) ?? []).filter((threat) => threatStatusAt(threat, at) === 'OPEN');
}

function row(harness: EngineHarness, id: string) {
  return inventoryDevices(harness.inventory.db).get(id)!;
}

describe('threats and the device threat level', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it('a device\'s level is the highest level among its open threats, poll after poll as threats are found and resolved', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    const start = tenant.clock.now();
    let mixed = 0;
    for (let day = 0; day <= 20; day += 2) {
      moveTo(harness, start + day * DAY);
      await poll(harness);
      expectTruth(harness);
      // Devices with several open threats of different levels: the highest wins.
      for (const device of enrolledDevices(tenant, GROUPS)) {
        const open = openThreats(harness, device, tenant.clock.now());
        const levels = new Set(open.map((threat) => defaultLevel(threat.classification)));
        if (levels.size < 2) continue;
        mixed += 1;
        const highest = Math.max(...open.map((threat) => RANK[defaultLevel(threat.classification)]));
        expect(row(harness, device.id).threat_level).toBe(['secured', 'low', 'medium', 'high'][highest]);
      }
    }
    expect(mixed, 'devices seen with open threats of different levels').toBeGreaterThan(0);
  });

  it('re-rates every threat of a classification when its level changes, and the device level and compliance follow', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    moveTo(harness, tenant.clock.now() + 12 * DAY);
    await poll(harness);
    expectTruth(harness);
    const now = tenant.clock.now();
    const active = truth(tenant, GROUPS);
    // An active device whose only open threat is Low or Medium.
    const target = enrolledDevices(tenant, GROUPS).find((device) => {
      const open = openThreats(harness, device, now);
      return active.get(device.id)?.state === 'active' && open.length === 1 && ['Low', 'Medium'].includes(defaultLevel(open[0]!.classification));
    });
    expect(target, 'an active device with one Low or Medium open threat').toBeDefined();
    const threat = openThreats(harness, target!, now)[0]!;
    const classification = threat.classification;
    const before = row(harness, target!.id);
    expect(before.threat_level).toBe(defaultLevel(classification).toLowerCase());

    setLevels(harness, { [classification]: 'High' });
    await poll(harness);
    expect(threatRows(harness).get(threat.guid)).toMatchObject({ level: 'High', severity: threat.severity });
    expect(row(harness, target!.id)).toMatchObject({ threat_level: 'high', compliance: 'noncompliant' });
    expectTruth(harness, { [classification]: 'High' });

    setLevels(harness, { [classification]: 'None' });
    await poll(harness);
    expect(threatRows(harness).get(threat.guid)!.level).toBe('None');
    expect(row(harness, target!.id)).toMatchObject({ threat_level: 'secured', compliance: 'compliant' });
    expectTruth(harness, { [classification]: 'None' });

    // New threats found while the override is in force get the overridden level too.
    moveTo(harness, now + 6 * DAY);
    await poll(harness);
    expectTruth(harness, { [classification]: 'None' });

    setLevels(harness, {});
    await poll(harness);
    expectTruth(harness);
  });

  it('a threat resolved later lowers the device level', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    const start = tenant.clock.now();
    // The device's highest open threat resolves while a lower one (or none) stays open.
    let chosen: { device: DemoDevice; at: number; resolvedAt: number } | undefined;
    for (const device of enrolledDevices(tenant, GROUPS)) {
      if (device.agent!.deactivateAt !== null || device.agent!.silentFrom !== null) continue;
      for (const threat of tenant.threatsByDevice.get(device.index) ?? []) {
        if (threat.resolvedAt === null || threat.foundAt < start) continue;
        const at = threat.foundAt;
        const levelAt = (t: number) => Math.max(0, ...openThreats(harness, device, t).map((open) => RANK[defaultLevel(open.classification)]));
        if (levelAt(threat.resolvedAt) < levelAt(at)) {
          chosen = { device, at, resolvedAt: threat.resolvedAt };
          break;
        }
      }
      if (chosen) break;
    }
    expect(chosen, 'a device whose worst threat resolves').toBeDefined();
    await poll(harness);
    moveTo(harness, chosen!.at);
    await poll(harness);
    expectTruth(harness);
    const high = row(harness, chosen!.device.id).threat_level;
    moveTo(harness, chosen!.resolvedAt);
    await poll(harness);
    expectTruth(harness);
    const low = row(harness, chosen!.device.id).threat_level;
    expect(['secured', 'low', 'medium', 'high'].indexOf(low)).toBeLessThan(['secured', 'low', 'medium', 'high'].indexOf(high));
    const resolved = (tenant.threatsByDevice.get(chosen!.device.index) ?? []).filter((threat) => threat.resolvedAt === chosen!.resolvedAt);
    for (const threat of resolved) expect(threatRows(harness).get(threat.guid)).toMatchObject({ status: 'resolved', closed_at: chosen!.resolvedAt });
  });

  it('None-level classifications leave a device secured, whatever severity the service reported', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    const start = tenant.clock.now();
    // The tenant's own None-level threats (VPN_NOT_ENABLED, UNAUTHORIZED_CONTENT): a moment when one is a device's only open threat.
    let natural: { device: DemoDevice; at: number; threat: DemoThreat } | undefined;
    for (const threat of tenant.data.threats) {
      if (defaultLevel(threat.classification) !== 'None') continue;
      const device = tenant.data.devices[threat.deviceIndex]!;
      const at = Math.max(threat.foundAt, start);
      if (threatStatusAt(threat, at) !== 'OPEN' || !enrolledDevices(tenant, GROUPS).includes(device)) continue;
      if (openThreats(harness, device, at).every((open) => defaultLevel(open.classification) === 'None')) {
        natural = { device, at, threat };
        break;
      }
    }
    expect(natural, 'a device whose only open threats are None-level').toBeDefined();
    moveTo(harness, natural!.at);
    await poll(harness);
    expectTruth(harness);
    expect(threatRows(harness).get(natural!.threat.guid)).toMatchObject({ status: 'open', level: 'None', severity: 'LOW' });
    expect(row(harness, natural!.device.id).threat_level).toBe('secured');

    // Overriding every classification a device's open threats have to None: secured, and compliant while active.
    const expected = truth(tenant, GROUPS);
    const target = enrolledDevices(tenant, GROUPS).find((device) => expected.get(device.id)?.state === 'active' && expected.get(device.id)?.level === 'high');
    expect(target, 'an active device at High').toBeDefined();
    const overrides: Levels = Object.fromEntries(openThreats(harness, target!, tenant.clock.now()).map((threat) => [threat.classification, 'None' as const]));
    setLevels(harness, overrides);
    await poll(harness);
    expect(row(harness, target!.id)).toMatchObject({ threat_level: 'secured', compliance: 'compliant' });
    expectTruth(harness, overrides);
  });
});
