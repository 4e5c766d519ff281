// Against a real tenant state sync is report-only: nothing is written to Intune, and the
// drift report lists the devices where Intune's view differs from the console's.
import { afterEach, describe, expect, it } from 'vitest';
import { driftReport } from '../../electron/engine/queries/drift-report';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { truth } from '../support/tenant-truth';

const WIRE: Record<string, string> = { pending: 'unknown', disconnected: 'unresponsive', deactivated: 'deactivated' };
const LEVEL: Record<string, string> = { secured: 'secured', low: 'lowSeverity', medium: 'mediumSeverity', high: 'highSeverity' };

describe('drift report', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it('in report-only mode writes nothing to Intune and reports every device whose state differs', async () => {
    harness = createEngineHarness({ seed: 'drift', devices: 400, reportOnly: true });
    const result = await harness.engine.pollNow({ sync: true });
    expect(result.errors).toEqual([]);
    expect(harness.tenant.data.devices.every((device) => device.partnerReportedThreatState === 'unknown')).toBe(true);
    expect(harness.tenant.data.connector.lastHeartbeatAt).toBeNull();
    const expected = [...truth(harness.tenant, harness.config.enrollmentGroups)]
      .map(([id, row]) => ({ id, wanted: row.state === 'active' ? LEVEL[row.level]! : WIRE[row.state]! }))
      .filter((row) => row.wanted !== 'unknown');
    const report = driftReport(harness.inventory, harness.config.stateSync, 10_000);
    expect(report.total).toBe(expected.length);
    expect(report.total).toBeGreaterThan(0);
    expect(new Map(report.rows.map((row) => [row.deviceId, row.console]))).toEqual(new Map(expected.map((row) => [row.id, row.wanted])));
    expect(report.rows.every((row) => row.intune === 'unknown')).toBe(true);
    expect(driftReport(harness.inventory, harness.config.stateSync, 5).rows).toHaveLength(5);
  });

  it('shows no drift once state sync has written the states and Intune lists them back', async () => {
    harness = createEngineHarness({ seed: 'drift', devices: 400 });
    await harness.engine.pollNow({ sync: true });
    expect(driftReport(harness.inventory, harness.config.stateSync).total).toBeGreaterThan(0);
    await harness.engine.pollNow({ full: true });
    expect(driftReport(harness.inventory, harness.config.stateSync)).toEqual({ total: 0, rows: [] });
  });
});
