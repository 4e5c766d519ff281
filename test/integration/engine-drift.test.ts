// The drift report: devices where Intune's view differs from the console's, why, and
// when each was last reported. Against a real tenant state sync is report-only:
// nothing is written to Intune. Intune's view is what it listed, or what the console
// reported since, so a device's partner state is never a stale listing.
import { afterEach, describe, expect, it } from 'vitest';
import { deviceDetail } from '../../electron/engine/queries/device-detail';
import { driftReport } from '../../electron/engine/queries/drift-report';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { truth } from '../support/tenant-truth';

const DAY = 86_400_000;
const WIRE: Record<string, string> = { pending: 'unknown', disconnected: 'unresponsive', deactivated: 'deactivated' };
const LEVEL: Record<string, string> = { secured: 'secured', low: 'lowSeverity', medium: 'mediumSeverity', high: 'highSeverity' };
/** State sync is due only when asked: a month between heartbeats. */
const RARE_SYNC = { heartbeatMinutes: 30 * 1440 };

describe('drift report', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it('in report-only mode writes nothing to Intune and reports every device whose state differs, never reported', async () => {
    harness = createEngineHarness({ seed: 'drift', devices: 400, reportOnly: true });
    const listedAt = harness.tenant.clock.now();
    const result = await harness.engine.pollNow({ sync: true });
    expect(result.errors).toEqual([]);
    expect(harness.tenant.data.devices.every((device) => device.partnerReportedThreatState === 'unknown')).toBe(true);
    expect(harness.tenant.data.connector.lastHeartbeatAt).toBeNull();
    const expected = [...truth(harness.tenant, harness.config.enrollmentGroups)]
      .map(([id, row]) => ({ id, wanted: row.state === 'active' ? LEVEL[row.level]! : WIRE[row.state]! }))
      .filter((row) => row.wanted !== 'unknown');
    const report = driftReport(harness.inventory, harness.config.stateSync, 10_000, true);
    expect(report.total).toBe(expected.length);
    expect(report.total).toBeGreaterThan(0);
    expect(report.reportOnly).toBe(true);
    expect(new Map(report.rows.map((row) => [row.deviceId, row.console]))).toEqual(new Map(expected.map((row) => [row.id, row.wanted])));
    expect(report.rows.every((row) => row.intune === 'unknown' && row.reason === 'neverReported' && row.reportedAt === null && row.intuneAt === listedAt)).toBe(true);
    expect(driftReport(harness.inventory, harness.config.stateSync, 5).rows).toHaveLength(5);
    // The poll says nothing was sent, and how many devices differ.
    expect(result.stateSync).toEqual({ deviceStatus: true, threatStatus: true, mode: 'reportOnly', sent: 0, unknownDevices: 0, failedBatches: 0, drift: report.total });
    // The device detail says what Intune listed, and when it was read.
    const detail = deviceDetail(harness.inventory, report.rows[0]!.deviceId)!.device;
    expect(detail).toMatchObject({ intunePartnerState: 'unknown', intuneStateBy: 'listed', intuneStateAt: listedAt, reportedState: null, reportedAt: null });
  });

  it('shows no drift once state sync has written the states, and the device detail says the console reported them, and when', async () => {
    harness = createEngineHarness({ seed: 'drift', devices: 400 });
    const result = await harness.engine.pollNow({ sync: true });
    const syncedAt = harness.tenant.clock.now();
    expect(result.stateSync).toMatchObject({ deviceStatus: true, threatStatus: true, mode: 'sync', failedBatches: 0, drift: 0 });
    expect(result.stateSync.sent).toBeGreaterThan(0);
    expect(driftReport(harness.inventory, harness.config.stateSync)).toEqual({ total: 0, rows: [], reportOnly: false });
    const reported = harness.tenant.data.devices.find((device) => device.partnerReportedThreatState === 'highSeverity' || device.partnerReportedThreatState === 'unresponsive')!;
    expect(reported).toBeDefined();
    expect(deviceDetail(harness.inventory, reported.id)!.device).toMatchObject({
      reportedState: reported.partnerReportedThreatState,
      reportedAt: syncedAt,
      intunePartnerState: reported.partnerReportedThreatState,
      intuneStateBy: 'reported',
      intuneStateAt: syncedAt,
    });
    // Intune lists them back: its own word, read then.
    harness.tenant.clock.advance(60_000);
    await harness.engine.pollNow({ full: true });
    expect(driftReport(harness.inventory, harness.config.stateSync)).toEqual({ total: 0, rows: [], reportOnly: false });
    expect(deviceDetail(harness.inventory, reported.id)!.device).toMatchObject({ intunePartnerState: reported.partnerReportedThreatState, intuneStateBy: 'listed', intuneStateAt: syncedAt + 60_000, reportedAt: syncedAt });
  });

  it('lists the devices whose state changed since the last report, and a sync reports exactly those at once', async () => {
    harness = createEngineHarness({ seed: 'drift-later', devices: 400, config: RARE_SYNC });
    const first = await harness.engine.pollNow({ sync: true });
    const firstAt = harness.tenant.clock.now();
    expect(first.stateSync.mode).toBe('sync');
    harness.tenant.clock.advance(10 * DAY);
    const quiet = await harness.engine.pollNow();
    expect(quiet.errors).toEqual([]);
    // The heartbeat was not due: nothing was sent, and the poll says so.
    expect(quiet.stateSync).toEqual({ deviceStatus: true, threatStatus: true, mode: null, sent: 0, unknownDevices: 0, failedBatches: 0, drift: null });
    const report = driftReport(harness.inventory, harness.config.stateSync, 10_000);
    expect(report.total).toBeGreaterThan(0);
    for (const row of report.rows) {
      expect(row.reason).toBe('changedSinceReport');
      expect(row.reportedAt).toBe(firstAt);
      expect(row.intune).not.toBe(row.console);
      expect(harness.tenant.devicesById.get(row.deviceId)!.partnerReportedThreatState).toBe(row.intune);
    }
    const synced = await harness.engine.pollNow({ sync: true });
    expect(synced.stateSync).toMatchObject({ mode: 'sync', sent: report.total, failedBatches: 0, drift: 0 });
    for (const row of report.rows) expect(harness.tenant.devicesById.get(row.deviceId)!.partnerReportedThreatState).toBe(row.console);
    expect(driftReport(harness.inventory, harness.config.stateSync).total).toBe(0);
  });

  it('lists a device Intune lists with another state than the console reported, and the next sync reports it again', async () => {
    harness = createEngineHarness({ seed: 'drift-other', devices: 300, config: RARE_SYNC });
    await harness.engine.pollNow({ sync: true });
    const device = harness.tenant.data.devices.find((candidate) => candidate.partnerReportedThreatState === 'secured')!;
    expect(device).toBeDefined();
    // Someone else wrote to Intune; a full listing reads it.
    device.partnerReportedThreatState = 'compromised';
    harness.tenant.clock.advance(60_000);
    await harness.engine.pollNow({ full: true });
    const report = driftReport(harness.inventory, harness.config.stateSync);
    expect(report.rows).toEqual([expect.objectContaining({ deviceId: device.id, intune: 'compromised', console: 'secured', reason: 'intuneDiffers', intuneAt: harness.tenant.clock.now() })]);
    expect(report.total).toBe(1);
    const synced = await harness.engine.pollNow({ sync: true });
    expect(synced.stateSync).toMatchObject({ mode: 'sync', sent: 1, drift: 0 });
    expect(device.partnerReportedThreatState).toBe('secured');
  });

  it('says in each poll which switches were on, and sends only what they allow', async () => {
    harness = createEngineHarness({ seed: 'drift-switches', devices: 200, config: { stateSync: { deviceStatus: true, threatStatus: false } } });
    const result = await harness.engine.pollNow({ sync: true });
    expect(result.stateSync).toMatchObject({ deviceStatus: true, threatStatus: false, mode: 'sync', drift: 0 });
    const states = new Set(harness.tenant.data.devices.map((device) => device.partnerReportedThreatState));
    expect(states.has('secured') || states.has('highSeverity') || states.has('lowSeverity') || states.has('mediumSeverity')).toBe(false);
    harness.config.stateSync = { deviceStatus: false, threatStatus: false };
    harness.engine.configure(harness.config);
    const off = await harness.engine.pollNow({ sync: true });
    expect(off.stateSync).toMatchObject({ deviceStatus: false, threatStatus: false, mode: 'sync', sent: 0, drift: 0 });
  });
});
