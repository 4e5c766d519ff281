// State sync (PRODUCT.md section 5) through the polling engine against the demo
// tenant's partner endpoint: each enrolled device's partnerReportedThreatState at
// Intune follows the mapping, the heartbeat reaches the tenant, the switches change
// what is sent, only changes are re-sent, and a failed batch is one sync error.
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { MTD_PLATFORMS } from '../../electron/demo-tenant/tenant-model';
import type { PollOptions, PollResult } from '../../electron/engine/polling-engine';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { expectedPartnerState, inventoryStates, TruthTracker, type TruthRow } from '../support/tenant-truth';

const MINUTE = 60_000;
const DAY = 86_400_000;
const GROUPS = ['Mobile Users'];

interface SentState {
  managedDeviceId: string;
  partnerReportedThreatState: string;
}

/** What the engine posts to the partner endpoint, request by request (read from the requests themselves, the tenant unchanged). */
function capturePartner(tenant: DemoTenant): { path: string; states: SentState[] | undefined }[] {
  const sent: { path: string; states: SentState[] | undefined }[] = [];
  const handle = tenant.handle.bind(tenant);
  tenant.handle = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/partner/')) {
      const body = (await request.clone().json().catch(() => null)) as { states?: SentState[] } | null;
      sent.push({ path, states: body?.states });
    }
    return handle(request);
  };
  return sent;
}

async function poll(harness: EngineHarness, options: PollOptions = {}): Promise<PollResult> {
  const result = await harness.engine.pollNow(options);
  expect(result.errors).toEqual([]);
  return result;
}

/** Each enrolled device Intune still lists carries the mapped state; every other device still has the initial 'unknown'. */
function expectSynced(harness: EngineHarness, expected: Map<string, TruthRow>, map: (row: TruthRow) => string | null = expectedPartnerState): Set<string> {
  const { tenant } = harness;
  expect(inventoryStates(harness.inventory.db)).toEqual(expected);
  const seen = new Set<string>();
  for (const device of tenant.data.devices) {
    const row = expected.get(device.id);
    if (row && tenant.isDeviceInIntune(device)) {
      const want = map(row) ?? 'unknown';
      expect(device.partnerReportedThreatState, `${row.state} at ${row.level}`).toBe(want);
      seen.add(want);
    } else if (!row) {
      expect(device.partnerReportedThreatState, `a device the console does not enroll (${device.operatingSystem})`).toBe('unknown');
    }
  }
  return seen;
}

function syncErrors(harness: EngineHarness): { step: string; device_id: string | null; message: string }[] {
  return harness.inventory.db.prepare('SELECT step, device_id, message FROM sync_errors ORDER BY id').all() as { step: string; device_id: string | null; message: string }[];
}

describe('state sync', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it('reports every enrolled device\'s state as partnerReportedThreatState, per the mapping, and the heartbeat', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    expect((await poll(harness, { sync: true })).synced).toBe(true);
    const seen = expectSynced(harness, tracker.expected(GROUPS));
    expect(tenant.data.connector.lastHeartbeatAt).toBe(tenant.clock.now());

    // Later: silent devices disconnected, threats found, the service deactivated some, a user left the groups.
    tenant.clock.advance(10 * DAY);
    const leaver = tenant.data.devices.find((device) => MTD_PLATFORMS.includes(device.operatingSystem) && tracker.known.has(device.id))!;
    tenant.removeGroupMember(tenant.data.groups.find((group) => group.displayName === 'Mobile Users')!.id, leaver.userId);
    expect((await poll(harness, { sync: true })).synced).toBe(true);
    for (const state of expectSynced(harness, tracker.expected(GROUPS))) seen.add(state);
    expect(leaver.partnerReportedThreatState).toBe('deactivated');
    expect(tenant.data.connector.lastHeartbeatAt).toBe(tenant.clock.now());
    expect([...seen].sort()).toEqual(['deactivated', 'highSeverity', 'lowSeverity', 'mediumSeverity', 'secured', 'unknown', 'unresponsive']);

    // Intune's own view of the connector: enabled, with the heartbeat we sent.
    const connector = (await (await tenant.fetch(`${tenant.credentials().graphBaseUrl}/deviceManagement/mobileThreatDefenseConnectors`, { headers: { authorization: `Bearer ${tenant.tokens.issue({ audience: 'graph', subject: 'test', kind: 'app' }).token}` } })).json()) as { value: { partnerState: string; lastHeartbeatDateTime: string }[] };
    expect(connector.value[0]).toMatchObject({ partnerState: 'enabled', lastHeartbeatDateTime: new Date(tenant.clock.now()).toISOString() });
  });

  it('syncs and sends the heartbeat each heartbeat interval, not on every poll', async () => {
    harness = createEngineHarness({ devices: 200 });
    const { tenant } = harness;
    const start = tenant.clock.now();
    expect((await poll(harness)).synced).toBe(true);
    expect(tenant.data.connector.lastHeartbeatAt).toBe(start);
    tenant.clock.advance(harness.config.heartbeatMinutes * MINUTE - 1);
    expect((await poll(harness)).synced).toBe(false);
    expect(tenant.data.connector.lastHeartbeatAt).toBe(start);
    tenant.clock.advance(1);
    expect((await poll(harness)).synced).toBe(true);
    expect(tenant.data.connector.lastHeartbeatAt).toBe(start + harness.config.heartbeatMinutes * MINUTE);
  });

  it('device status off: pending, disconnected and deactivated are not sent; threat status off: active devices are reported "activated"', async () => {
    harness = createEngineHarness({ devices: 1000, config: { stateSync: { deviceStatus: false, threatStatus: true } } });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    tenant.clock.advance(10 * DAY);
    await poll(harness, { sync: true });
    const threatOnly = expectSynced(harness, tracker.expected(GROUPS), (row) => (row.state === 'active' ? expectedPartnerState(row) : null));
    expect(threatOnly).toContain('highSeverity');

    harness.engine.configure({ ...harness.config, stateSync: { deviceStatus: true, threatStatus: false } });
    await poll(harness, { sync: true });
    const deviceOnly = expectSynced(harness, tracker.expected(GROUPS), (row) => (row.state === 'active' ? 'activated' : expectedPartnerState(row)));
    expect([...deviceOnly].sort()).toEqual(['activated', 'deactivated', 'unknown', 'unresponsive']);

    harness.engine.configure({ ...harness.config, stateSync: { deviceStatus: true, threatStatus: true } });
    await poll(harness, { sync: true });
    expectSynced(harness, tracker.expected(GROUPS));
  });

  it('both switches off: no device state is sent', async () => {
    harness = createEngineHarness({ devices: 400, config: { stateSync: { deviceStatus: false, threatStatus: false } } });
    const { tenant } = harness;
    const sent = capturePartner(tenant);
    tenant.clock.advance(5 * DAY);
    await poll(harness, { sync: true });
    expect(sent.filter((request) => request.path.endsWith('/deviceThreatStates'))).toEqual([]);
    for (const device of tenant.data.devices) expect(device.partnerReportedThreatState).toBe('unknown');
  });

  it('re-sends only the states that changed since the last successful report', async () => {
    harness = createEngineHarness({ devices: 400 });
    const { tenant } = harness;
    tenant.recordRequests = true;
    const sent = capturePartner(tenant);
    const tracker = new TruthTracker(tenant);
    const statesRequests = () => tenant.requestLog.filter((entry) => entry.path === '/partner/v1/deviceThreatStates');

    await poll(harness, { sync: true });
    const first = tracker.expected(GROUPS);
    expectSynced(harness, first);
    const firstStates = sent.flatMap((request) => request.states ?? []);
    expect(new Set(firstStates.map((state) => state.managedDeviceId))).toEqual(new Set(first.keys()));
    expect(firstStates).toHaveLength(first.size);
    expect(statesRequests()).toHaveLength(1);

    // Nothing changed: only the heartbeat goes out.
    sent.length = 0;
    tenant.requestLog.length = 0;
    tenant.clock.advance(MINUTE);
    await poll(harness, { sync: true });
    expect(statesRequests()).toHaveLength(0);
    expect(tenant.requestLog.filter((entry) => entry.path === '/partner/v1/heartbeat')).toHaveLength(1);
    expect(tenant.data.connector.lastHeartbeatAt).toBe(tenant.clock.now());

    // Two days later: exactly the devices whose mapped state changed are sent, once each.
    sent.length = 0;
    tenant.requestLog.length = 0;
    tenant.clock.advance(2 * DAY);
    await poll(harness, { sync: true });
    const second = tracker.expected(GROUPS);
    const changed = new Map([...second].filter(([id, row]) => first.get(id) === undefined || expectedPartnerState(first.get(id)!) !== expectedPartnerState(row)).map(([id, row]) => [id, expectedPartnerState(row)]));
    expect(changed.size).toBeGreaterThan(0);
    expect(changed.size).toBeLessThan(second.size);
    const secondStates = sent.flatMap((request) => request.states ?? []);
    expect(new Map(secondStates.map((state) => [state.managedDeviceId, state.partnerReportedThreatState]))).toEqual(changed);
    expect(secondStates).toHaveLength(changed.size);
    expectSynced(harness, second);
  });

  it('a partner outage is one sync error per batch (never one per device) and one error report; the next sync sends everything', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    tenant.faults.set([{ kind: 'server-error', path: '/partner/', status: 503 }]);
    const failed = await harness.engine.pollNow({ sync: true });
    const expected = tracker.expected(GROUPS);
    expect(inventoryStates(harness.inventory.db)).toEqual(expected);
    for (const device of tenant.data.devices) expect(device.partnerReportedThreatState).toBe('unknown');
    expect(tenant.data.connector.lastHeartbeatAt).toBeNull();
    const errors = syncErrors(harness);
    const stateErrors = errors.filter((error) => error.step === 'stateSync');
    // Fewer than 1000 devices: one batch, one error naming how many states it held.
    expect(expected.size).toBeLessThan(1000);
    expect(stateErrors).toHaveLength(1);
    expect(stateErrors[0]!.device_id).toBeNull();
    expect(stateErrors[0]!.message).toContain(String(expected.size));
    expect(errors.filter((error) => error.step === 'heartbeat')).toHaveLength(1);
    expect(errors.every((error) => error.device_id === null)).toBe(true);
    const reports = harness.inventory.db.prepare("SELECT recipients FROM outbox WHERE kind = 'errorReport'").all() as { recipients: string }[];
    expect(reports).toHaveLength(1);
    expect(reports[0]!.recipients).toContain(harness.config.errorReportRecipients[0]!);
    expect(failed.id).toBeGreaterThan(0);

    tenant.faults.clear();
    tenant.clock.advance(MINUTE);
    await poll(harness, { sync: true });
    expectSynced(harness, tracker.expected(GROUPS));
    expect(tenant.data.connector.lastHeartbeatAt).toBe(tenant.clock.now());
    expect(syncErrors(harness)).toHaveLength(errors.length);
    expect(harness.inventory.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'errorReport'").get()).toEqual({ n: 1 });
  });

  it('after a failed sync the next scheduled heartbeat retries without being asked', async () => {
    harness = createEngineHarness({ devices: 400 });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    tenant.faults.set([{ kind: 'server-error', path: '/partner/', status: 500 }]);
    await harness.engine.pollNow();
    expect(syncErrors(harness).filter((error) => error.step === 'stateSync')).toHaveLength(1);
    tenant.faults.clear();
    tenant.clock.advance(harness.config.heartbeatMinutes * MINUTE);
    expect((await poll(harness)).synced).toBe(true);
    expectSynced(harness, tracker.expected(GROUPS));
  });

  it('partner throttling within the retry budget costs no sync error', async () => {
    harness = createEngineHarness({ devices: 400 });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    tenant.faults.set([{ kind: 'throttle', path: '/partner/', times: 3, retryAfterSeconds: 0 }]);
    await poll(harness, { sync: true });
    expect(tenant.faults.injected.length).toBe(3);
    expect(syncErrors(harness)).toEqual([]);
    expectSynced(harness, tracker.expected(GROUPS));
  });
});
