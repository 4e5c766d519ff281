// The polling engine against the demo tenant: after a poll the inventory holds
// exactly the enrollment groups' supported devices, each in the state and threat
// level the tenant's own model gives, and moves with the tenant's time through every
// transition of PRODUCT.md section 5.
import { afterEach, describe, expect, it } from 'vitest';
import { lastCheckin } from '../../electron/demo-tenant/agent-state';
import type { DemoDevice } from '../../electron/demo-tenant/tenant-model';
import type { PollOptions, PollResult } from '../../electron/engine/polling-engine';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { enrolledDevices, enrolledUsers, inventoryDevices, inventoryStates, seededRandom, stateHistory, truth, TruthTracker } from '../support/tenant-truth';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const FAR = Number.MAX_SAFE_INTEGER;

function inventoryRows(harness: EngineHarness) {
  return inventoryStates(harness.inventory.db);
}

function device(harness: EngineHarness, id: string) {
  const row = inventoryDevices(harness.inventory.db).get(id);
  expect(row, `device ${id} is in the inventory`).toBeDefined();
  return row!;
}

async function poll(harness: EngineHarness, options: PollOptions = {}): Promise<PollResult> {
  const result = await harness.engine.pollNow(options);
  expect(result.errors).toEqual([]);
  expect(result.outcome).toBe('ok');
  return result;
}

/** Moves the frozen tenant clock to an absolute demo time (never back). */
function moveTo(harness: EngineHarness, at: number): void {
  const now = harness.tenant.clock.now();
  expect(at, 'the test only moves time forward').toBeGreaterThanOrEqual(now);
  harness.tenant.clock.advance(at - now);
}

function pick(devices: DemoDevice[], what: string, keep: (device: DemoDevice) => boolean): DemoDevice {
  const found = devices.find(keep);
  expect(found, `the demo tenant has ${what}`).toBeDefined();
  return found!;
}

function groupId(harness: EngineHarness, name: string): string {
  const groups = harness.tenant.data.groups.filter((group) => group.displayName === name);
  expect(groups).toHaveLength(1);
  return groups[0]!.id;
}

describe('polling engine lifecycle', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it('enrolls exactly the enrollment groups\' supported devices, each in its true state and level', async () => {
    harness = createEngineHarness();
    const result = await harness.engine.pollNow();
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('full');
    const expected = truth(harness.tenant, ['Mobile Users']);
    expect(expected.size).toBeGreaterThan(50);
    expect(inventoryRows(harness)).toEqual(expected);
    const states = [...expected.values()].map((row) => row.state);
    for (const state of ['pending', 'active']) expect(states).toContain(state);
    expect(result.counts).toEqual({
      pending: states.filter((s) => s === 'pending').length,
      active: states.filter((s) => s === 'active').length,
      disconnected: states.filter((s) => s === 'disconnected').length,
      deactivated: states.filter((s) => s === 'deactivated').length,
    });
  });

  it('Pending -> Active when the MTD app activates, not a millisecond before', async () => {
    harness = createEngineHarness({ devices: 400 });
    const { tenant } = harness;
    const now = tenant.clock.now();
    const target = pick(enrolledDevices(tenant, ['Mobile Users']), 'a device that activates later', (d) => d.agent!.activateAt !== null && d.agent!.activateAt > now + HOUR && d.agent!.silentFrom === null && d.agent!.deactivateAt === null);
    await poll(harness);
    expect(device(harness, target.id)).toMatchObject({ state: 'pending', compliance: 'noPartnerData' });

    moveTo(harness, target.agent!.activateAt! - 1);
    await poll(harness);
    expect(device(harness, target.id).state).toBe('pending');
    expect(inventoryRows(harness)).toEqual(truth(tenant, ['Mobile Users']));

    moveTo(harness, target.agent!.activateAt!);
    await poll(harness);
    expect(device(harness, target.id)).toMatchObject({ state: 'active', state_reason: null });
    expect(inventoryRows(harness)).toEqual(truth(tenant, ['Mobile Users']));
    expect(stateHistory(harness.inventory.db).get(target.id)!.map((row) => row.state)).toEqual(['pending', 'active']);
  });

  it.each([1, 7, 90])('Active -> Disconnected after %i days without a check-in: exactly N days still active, N days + 1 ms disconnected', async (days) => {
    harness = createEngineHarness({ devices: 1000, config: { disconnectedAfterDays: days } });
    const { tenant } = harness;
    const now = tenant.clock.now();
    // A device that goes silent for good: its last check-in is then fixed.
    const target = pick(enrolledDevices(tenant, ['Mobile Users']), 'a device that goes silent for good', (d) => {
      const agent = d.agent!;
      return agent.silentFrom !== null && agent.silentUntil === null && agent.deactivateAt === null && lastCheckin(agent, FAR)! + days * DAY > now + HOUR;
    });
    const last = lastCheckin(target.agent!, FAR)!;
    await poll(harness);
    const expected = () => truth(tenant, ['Mobile Users'], { disconnectedAfterDays: days });

    moveTo(harness, last + days * DAY);
    await poll(harness);
    expect(device(harness, target.id).state).toBe('active');
    expect(inventoryRows(harness)).toEqual(expected());

    tenant.clock.advance(1);
    await poll(harness);
    expect(device(harness, target.id)).toMatchObject({ state: 'disconnected', compliance: 'noncompliant' });
    expect(inventoryRows(harness)).toEqual(expected());
    const history = stateHistory(harness.inventory.db).get(target.id)!;
    expect(history.at(-1)).toEqual({ at: last + days * DAY + 1, state: 'disconnected', reason: null });
    expect(history.at(-2)!.state).toBe('active');
  });

  it('Disconnected -> Active again on the next check-in', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    const now = tenant.clock.now();
    const target = pick(enrolledDevices(tenant, ['Mobile Users']), 'a device that goes silent for a while', (d) => {
      const agent = d.agent!;
      return agent.silentFrom !== null && agent.silentUntil !== null && agent.deactivateAt === null && lastCheckin(agent, agent.silentFrom)! + 7 * DAY > now;
    });
    const agent = target.agent!;
    await poll(harness);

    moveTo(harness, lastCheckin(agent, agent.silentFrom!)! + 7 * DAY + 1);
    expect(tenant.clock.now()).toBeLessThan(agent.silentUntil!);
    await poll(harness);
    expect(device(harness, target.id).state).toBe('disconnected');
    expect(inventoryRows(harness)).toEqual(truth(tenant, ['Mobile Users']));

    moveTo(harness, agent.silentUntil!);
    await poll(harness);
    expect(device(harness, target.id)).toMatchObject({ state: 'active', state_reason: null });
    expect(inventoryRows(harness)).toEqual(truth(tenant, ['Mobile Users']));
    expect(stateHistory(harness.inventory.db).get(target.id)!.map((row) => row.state).slice(-2)).toEqual(['disconnected', 'active']);
  });

  it('any -> Deactivated when the MTD service deactivates the device', async () => {
    harness = createEngineHarness({ devices: 1000 });
    const { tenant } = harness;
    const now = tenant.clock.now();
    const target = pick(enrolledDevices(tenant, ['Mobile Users']), 'a device the service deactivates later', (d) => d.agent!.deactivateAt !== null && d.agent!.deactivateAt > now);
    await poll(harness);
    moveTo(harness, target.agent!.deactivateAt! - 1);
    await poll(harness);
    expect(device(harness, target.id).state).not.toBe('deactivated');
    moveTo(harness, target.agent!.deactivateAt!);
    await poll(harness);
    expect(device(harness, target.id)).toMatchObject({ state: 'deactivated', state_reason: 'deactivatedByService' });
    expect(inventoryRows(harness)).toEqual(truth(tenant, ['Mobile Users']));
  });

  it('any -> Deactivated when the user leaves every enrollment group (incremental, by the groups delta); back when the user rejoins', async () => {
    const groups = ['Mobile Users', 'Mobile Pilot'];
    harness = createEngineHarness({ devices: 400, config: { enrollmentGroups: groups } });
    const { tenant } = harness;
    const users = harness.tenant.data.groups.find((group) => group.displayName === 'Mobile Pilot')!.memberUserIds;
    const userId = users.find((id) => enrolledDevices(tenant, groups).some((d) => d.userId === id && d.agent!.activateAt !== null && d.agent!.activateAt < tenant.clock.now() && d.agent!.deactivateAt === null));
    expect(userId, 'a pilot user with an activated device').toBeDefined();
    const devices = enrolledDevices(tenant, groups).filter((d) => d.userId === userId);
    const tracker = new TruthTracker(tenant);
    await poll(harness);
    expect(inventoryRows(harness)).toEqual(tracker.expected(groups));
    const before = new Map(devices.map((d) => [d.id, device(harness, d.id).state]));

    // Still in Mobile Users: nothing changes.
    tenant.removeGroupMember(groupId(harness, 'Mobile Pilot'), userId!);
    tenant.clock.advance(5 * MINUTE);
    expect((await poll(harness)).kind).toBe('incremental');
    for (const d of devices) expect(device(harness, d.id).state).toBe(before.get(d.id));
    expect(inventoryRows(harness)).toEqual(tracker.expected(groups));

    // Out of every enrollment group: deactivated.
    tenant.removeGroupMember(groupId(harness, 'Mobile Users'), userId!);
    tenant.clock.advance(5 * MINUTE);
    expect((await poll(harness)).kind).toBe('incremental');
    for (const d of devices) expect(device(harness, d.id)).toMatchObject({ state: 'deactivated', state_reason: 'leftEnrollmentGroups', in_group: 0 });
    expect(inventoryRows(harness)).toEqual(tracker.expected(groups));

    // Back in one group: the devices come back, the same rows, no duplicates.
    tenant.addGroupMember(groupId(harness, 'Mobile Users'), userId!);
    tenant.clock.advance(5 * MINUTE);
    expect((await poll(harness)).kind).toBe('incremental');
    for (const d of devices) expect(device(harness, d.id)).toMatchObject({ state: before.get(d.id), state_reason: null, in_group: 1 });
    expect(inventoryRows(harness)).toEqual(tracker.expected(groups));
    for (const d of devices) expect(stateHistory(harness.inventory.db).get(d.id)!.map((row) => row.state)).toEqual([before.get(d.id), 'deactivated', before.get(d.id)]);
  });

  it('enrolls the devices of a user who joins an enrollment group, in an incremental poll', async () => {
    harness = createEngineHarness({ devices: 400 });
    const { tenant } = harness;
    const members = enrolledUsers(tenant, ['Mobile Users']);
    const joiners = tenant.data.users.filter((user) => !members.has(user.id) && (tenant.devicesByUser.get(user.id) ?? []).some((d) => d.agent !== null)).slice(0, 15);
    expect(joiners.length).toBe(15);
    const tracker = new TruthTracker(tenant);
    await poll(harness);
    expect(inventoryRows(harness)).toEqual(tracker.expected(['Mobile Users']));
    for (const user of joiners) tenant.addGroupMember(groupId(harness, 'Mobile Users'), user.id);
    tenant.clock.advance(5 * MINUTE);
    expect((await poll(harness)).kind).toBe('incremental');
    const expected = tracker.expected(['Mobile Users']);
    for (const user of joiners) for (const d of tenant.devicesByUser.get(user.id)!.filter((d) => d.agent !== null)) expect(expected.has(d.id)).toBe(true);
    expect(inventoryRows(harness)).toEqual(expected);
  });

  it('any -> Deactivated when the device leaves Intune: found by a forced full poll, and by the scheduled full discovery', async () => {
    harness = createEngineHarness({ devices: 400 });
    const { tenant } = harness;
    const now = tenant.clock.now();
    const [first, second] = enrolledDevices(tenant, ['Mobile Users']).filter((d) => d.agent!.activateAt !== null && d.agent!.activateAt < now && d.agent!.deactivateAt === null && d.agent!.silentFrom === null);
    const tracker = new TruthTracker(tenant);
    await poll(harness);
    expect(inventoryRows(harness)).toEqual(tracker.expected(['Mobile Users']));
    expect(device(harness, first!.id).state).toBe('active');

    tenant.removeDevice(first!.id);
    tenant.clock.advance(5 * MINUTE);
    expect((await poll(harness, { full: true })).kind).toBe('full');
    expect(device(harness, first!.id)).toMatchObject({ state: 'deactivated', state_reason: 'leftIntune', in_intune: 0 });
    expect(inventoryRows(harness)).toEqual(tracker.expected(['Mobile Users']));

    // Without forcing: the next full discovery is due fullDiscoveryHours after the last one.
    tenant.removeDevice(second!.id);
    tenant.clock.advance(harness.config.fullDiscoveryHours * HOUR);
    expect((await poll(harness)).kind).toBe('full');
    expect(device(harness, second!.id)).toMatchObject({ state: 'deactivated', state_reason: 'leftIntune' });
    expect(inventoryRows(harness)).toEqual(tracker.expected(['Mobile Users']));
  });

  it('any -> Deactivated when the admin removes an enrollment group from the configuration; back when it is added again', async () => {
    const both = ['Mobile Users', 'Sales Devices'];
    harness = createEngineHarness({ devices: 1000, config: { enrollmentGroups: both } });
    const { tenant } = harness;
    const onlySales = enrolledDevices(tenant, ['Sales Devices']).filter((d) => !enrolledUsers(tenant, ['Mobile Users']).has(d.userId));
    expect(onlySales.length).toBeGreaterThan(5);
    const tracker = new TruthTracker(tenant);
    await poll(harness);
    expect(inventoryRows(harness)).toEqual(tracker.expected(both));
    const before = inventoryRows(harness);

    harness.engine.configure({ ...harness.config, enrollmentGroups: ['Mobile Users'] });
    tenant.clock.advance(5 * MINUTE);
    await poll(harness);
    for (const d of onlySales) expect(device(harness, d.id)).toMatchObject({ state: 'deactivated', state_reason: 'leftEnrollmentGroups' });
    expect(inventoryRows(harness)).toEqual(tracker.expected(['Mobile Users']));
    for (const [id, row] of inventoryRows(harness)) if (!onlySales.some((d) => d.id === id)) expect(row).toEqual(before.get(id));

    harness.engine.configure({ ...harness.config, enrollmentGroups: both });
    tenant.clock.advance(5 * MINUTE);
    await poll(harness);
    expect(inventoryRows(harness)).toEqual(tracker.expected(both));
    expect(inventoryRows(harness)).toEqual(before);

    // Mobile Users out, Mobile Pilot (a subset of it) in: pilot users' devices stay, the other Mobile Users' go.
    const pilotOnly = ['Mobile Pilot', 'Sales Devices'];
    const pilot = enrolledUsers(tenant, ['Mobile Pilot']);
    harness.engine.configure({ ...harness.config, enrollmentGroups: pilotOnly });
    tenant.clock.advance(5 * MINUTE);
    await poll(harness);
    expect(inventoryRows(harness)).toEqual(tracker.expected(pilotOnly));
    for (const d of enrolledDevices(tenant, ['Mobile Users'])) {
      if (pilot.has(d.userId)) expect(inventoryRows(harness).get(d.id)).toEqual(before.get(d.id));
      else expect(device(harness, d.id)).toMatchObject({ state: 'deactivated', state_reason: 'leftEnrollmentGroups' });
    }
  });

  // More MTD agents than one Mobile Risk page (1000) with one page read per poll: the check-in sweep needs two polls to reach every device.
  it('a device whose check-in the sweep has not read yet is not taken for silent, nor reported unresponsive', async () => {
    harness = createEngineHarness({ devices: 1500, seed: 'sweep', config: { disconnectedAfterDays: 1, checkinPagesPerPoll: 1 } });
    const { tenant } = harness;
    expect(tenant.data.devices.filter((d) => d.agent !== null).length).toBeGreaterThan(1000);
    for (const move of [0, 2 * DAY, 5 * MINUTE, 5 * MINUTE]) {
      tenant.clock.advance(move);
      await poll(harness, { sync: true });
      const expected = truth(tenant, ['Mobile Users'], { disconnectedAfterDays: 1 });
      const stored = inventoryRows(harness);
      const checkingIn = [...expected].filter(([, row]) => row.state === 'active').map(([id]) => id);
      const disconnected = checkingIn.filter((id) => stored.get(id)!.state === 'disconnected');
      const unresponsive = checkingIn.filter((id) => tenant.devicesById.get(id)!.partnerReportedThreatState === 'unresponsive');
      expect({ disconnected: disconnected.length, unresponsive: unresponsive.length }, `after moving ${move} ms: active devices taken for silent`).toEqual({ disconnected: 0, unresponsive: 0 });
    }
    expect(inventoryRows(harness)).toEqual(truth(tenant, ['Mobile Users'], { disconnectedAfterDays: 1 }));
  });

  it('after many polls, clock moves, membership and configuration changes and a restart, the inventory equals the truth every time; state_history has one row per change', async () => {
    harness = createEngineHarness({ devices: 600, seed: 'walk' });
    const { tenant } = harness;
    const random = seededRandom(20260801);
    const tracker = new TruthTracker(tenant);
    const mobileUsers = groupId(harness, 'Mobile Users');
    let groups = ['Mobile Users'];
    let days = 7;
    const observed = new Map<string, string[]>();
    const steps = [0, 5 * MINUTE, HOUR, 7 * HOUR, DAY, 3 * DAY];
    for (let round = 0; round < 26; round++) {
      let full = false;
      tenant.clock.advance(steps[Math.floor(random() * steps.length)]! + Math.floor(random() * HOUR));
      const action = random();
      if (round > 0 && action < 0.2) {
        const members = tenant.groupsById.get(mobileUsers)!.memberUserIds;
        for (let i = 0; i < 3; i++) tenant.removeGroupMember(mobileUsers, members[Math.floor(random() * members.length)]!);
      } else if (action < 0.4) {
        const users = tenant.data.users;
        for (let i = 0; i < 3; i++) tenant.addGroupMember(mobileUsers, users[Math.floor(random() * users.length)]!.id);
      } else if (action < 0.5) {
        const candidates = tenant.data.devices.filter((d) => tenant.isDeviceInIntune(d));
        tenant.removeDevice(candidates[Math.floor(random() * candidates.length)]!.id);
        full = true;
      } else if (action < 0.6) {
        groups = groups.length === 1 ? ['Mobile Users', 'Sales Devices'] : ['Mobile Users'];
        harness.engine.configure({ ...harness.config, enrollmentGroups: groups, disconnectedAfterDays: days });
      } else if (action < 0.7) {
        days = [1, 3, 7, 14][Math.floor(random() * 4)]!;
        harness.engine.configure({ ...harness.config, enrollmentGroups: groups, disconnectedAfterDays: days });
      } else if (action < 0.75) {
        harness.restart();
        harness.engine.configure({ ...harness.config, enrollmentGroups: groups, disconnectedAfterDays: days });
      }
      const result = await poll(harness, full ? { full: true } : {});
      const expected = tracker.expected(groups, { disconnectedAfterDays: days });
      const actual = inventoryRows(harness);
      expect([...actual.keys()].sort(), `round ${round}: the same devices`).toEqual([...expected.keys()].sort());
      expect(actual, `round ${round}: the same states and levels`).toEqual(expected);
      const counts = { pending: 0, active: 0, disconnected: 0, deactivated: 0 };
      for (const row of expected.values()) counts[row.state] += 1;
      expect(result.counts).toEqual(counts);
      for (const [id, row] of actual) {
        const list = observed.get(id) ?? [];
        if (list.at(-1) !== row.state) list.push(row.state);
        observed.set(id, list);
      }
    }
    const history = stateHistory(harness.inventory.db);
    expect(new Set(history.keys())).toEqual(new Set(observed.keys()));
    for (const [id, states] of observed) expect(history.get(id)!.map((row) => row.state), `history of ${id}`).toEqual(states);
    expect([...observed.values()].some((states) => states.length >= 3)).toBe(true);
  });
});
