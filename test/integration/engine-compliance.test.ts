// Intune compliance as the console computes it (PRODUCT.md section 4) against the
// demo tenant's own compliance policies (iOS/iPadOS allow Low, Android Medium):
// disconnected is non-compliant, pending has no partner data, an active device is
// non-compliant only above its platform's allowed level.
import { afterEach, describe, expect, it } from 'vitest';
import type { RequiredSecurityLevel } from '../../electron/demo-tenant/tenant-model';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { allowedLevelOf, expectedCompliance, inventoryDevices, inventoryStates, truth, type TruthRow } from '../support/tenant-truth';

const DAY = 86_400_000;
const GROUPS = ['Mobile Users'];
const LEVELS = ['secured', 'low', 'medium', 'high'];

async function poll(harness: EngineHarness, full = false): Promise<void> {
  const result = await harness.engine.pollNow({ full });
  expect(result.errors).toEqual([]);
}

/** Every enrolled device's compliance equals the oracle; returns what was seen, by platform family, state and verdict. */
function checkCompliance(harness: EngineHarness): Set<string> {
  const { tenant } = harness;
  const expected = truth(tenant, GROUPS);
  expect(inventoryStates(harness.inventory.db)).toEqual(expected);
  const rows = inventoryDevices(harness.inventory.db);
  const seen = new Set<string>();
  for (const [id, row] of expected) {
    const device = tenant.devicesById.get(id)!;
    const want = expectedCompliance(tenant, device, row);
    if (want === undefined) continue;
    expect(rows.get(id)!.compliance, `${device.operatingSystem} ${row.state} at ${row.level}`).toBe(want);
    seen.add(`${device.operatingSystem === 'Android' ? 'android' : 'ios'}/${row.state}/${row.state === 'active' ? row.level : '-'}/${want}`);
  }
  return seen;
}

function setPolicy(harness: EngineHarness, odataType: string, change: { enabled?: boolean; level?: RequiredSecurityLevel }): void {
  const policy = harness.tenant.data.policies.find((entry) => entry.odataType === odataType)!;
  if (change.enabled !== undefined) policy.deviceThreatProtectionEnabled = change.enabled;
  if (change.level !== undefined) policy.deviceThreatProtectionRequiredSecurityLevel = change.level;
}

describe('compliance against the tenant\'s policies', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it('the demo tenant allows Low on iOS and iPadOS, Medium on Android', () => {
    harness = createEngineHarness({ devices: 200 });
    const { tenant } = harness;
    const of = (os: string) => allowedLevelOf(tenant, tenant.data.devices.find((device) => device.operatingSystem === os)!);
    expect([of('iOS'), of('iPadOS'), of('Android'), of('Windows')]).toEqual(['low', 'low', 'medium', null]);
  });

  it('pending: no partner data; disconnected: non-compliant; active: compliant at or below the allowed level, non-compliant above it', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    const seen = new Set<string>();
    for (const step of [0, 4, 4, 4, 4]) {
      tenant.clock.advance(step * DAY);
      await poll(harness);
      for (const entry of checkCompliance(harness)) seen.add(entry);
    }
    // Every branch of the rule was exercised on both platform families.
    for (const family of ['ios', 'android']) {
      expect(seen).toContain(`${family}/pending/-/noPartnerData`);
      expect(seen).toContain(`${family}/disconnected/-/noncompliant`);
      expect(seen).toContain(`${family}/active/secured/compliant`);
      expect(seen).toContain(`${family}/active/high/noncompliant`);
    }
    expect(seen).toContain('ios/active/low/compliant');
    expect(seen).toContain('ios/active/medium/noncompliant');
    expect(seen).toContain('android/active/medium/compliant');
  });

  it('follows the tenant\'s policies when they change (read at full discovery)', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    tenant.clock.advance(12 * DAY);
    await poll(harness, true);
    checkCompliance(harness);
    const expected = truth(tenant, GROUPS);
    const active = (os: string[], level: string) => [...expected].filter(([id, row]) => row.state === 'active' && row.level === level && os.includes(tenant.devicesById.get(id)!.operatingSystem)).map(([id]) => id);
    const iosLow = active(['iOS', 'iPadOS'], 'low');
    const androidHigh = active(['Android'], 'high');
    expect(iosLow.length).toBeGreaterThan(0);
    expect(androidHigh.length).toBeGreaterThan(0);
    for (const id of iosLow) expect(inventoryDevices(harness.inventory.db).get(id)!.compliance).toBe('compliant');
    for (const id of androidHigh) expect(inventoryDevices(harness.inventory.db).get(id)!.compliance).toBe('noncompliant');

    // iOS now requires Secured; Android's policy no longer checks the threat level (not configured).
    setPolicy(harness, '#microsoft.graph.iosCompliancePolicy', { level: 'secured' });
    setPolicy(harness, '#microsoft.graph.androidCompliancePolicy', { enabled: false });
    await poll(harness, true);
    checkCompliance(harness);
    for (const id of iosLow) expect(inventoryDevices(harness.inventory.db).get(id)!.compliance).toBe('noncompliant');
    for (const id of androidHigh) expect(inventoryDevices(harness.inventory.db).get(id)!.compliance).toBe('compliant');

    // Two policies for one platform: the strictest applies.
    tenant.data.policies.push({ id: 'extra-android', odataType: '#microsoft.graph.androidWorkProfileCompliancePolicy', displayName: 'Android - strict', platforms: ['Android'], deviceThreatProtectionEnabled: true, deviceThreatProtectionRequiredSecurityLevel: 'low' });
    setPolicy(harness, '#microsoft.graph.androidCompliancePolicy', { enabled: true, level: 'high' });
    await poll(harness, true);
    checkCompliance(harness);
    const androidMedium = active(['Android'], 'medium');
    expect(androidMedium.length).toBeGreaterThan(0);
    for (const id of androidMedium) expect(inventoryDevices(harness.inventory.db).get(id)!.compliance).toBe('noncompliant');
  });

  it('a disconnected device is non-compliant whatever its level, and is judged by its level again once the disconnected-after days allow it', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    tenant.clock.advance(10 * DAY);
    await poll(harness);
    checkCompliance(harness);
    const rows = (): Map<string, TruthRow> => truth(tenant, GROUPS);
    const disconnected = [...rows()].filter(([, row]) => row.state === 'disconnected').map(([id]) => id);
    expect(disconnected.length).toBeGreaterThan(0);
    for (const id of disconnected) expect(inventoryDevices(harness.inventory.db).get(id)!.compliance).toBe('noncompliant');
    // With 90 days allowed the same devices are active again, judged by their level.
    harness.engine.configure({ ...harness.config, disconnectedAfterDays: 90 });
    await poll(harness);
    const expected = truth(tenant, GROUPS, { disconnectedAfterDays: 90 });
    expect(inventoryStates(harness.inventory.db)).toEqual(expected);
    for (const id of disconnected) {
      const row = expected.get(id)!;
      expect(row.state).toBe('active');
      const allowed = allowedLevelOf(tenant, tenant.devicesById.get(id)!)!;
      expect(inventoryDevices(harness.inventory.db).get(id)!.compliance).toBe(LEVELS.indexOf(row.level) > LEVELS.indexOf(allowed) ? 'noncompliant' : 'compliant');
    }
  });
});
