// Polls through Mobile Risk API throttling and outages (event stream, device list):
// every poll completes, a failed step is a recorded sync error that the next poll
// recovers from, a poll that reports no error has the tenant's truth, and no device
// is lost or duplicated.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../electron/demo-tenant/faults';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { faultScenario, inventoryStates, pollThrough, TruthTracker } from '../support/tenant-truth';

const MINUTE = 60_000;
const DAY = 86_400_000;
const GROUPS = ['Mobile Users'];

describe('polls through Mobile Risk API faults', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it.each([
    ['throttle', [{ kind: 'throttle', path: '/lookout/', rate: 0.3, retryAfterSeconds: 0 }]],
    ['server-error', [{ kind: 'server-error', path: '/lookout/', rate: 0.3, status: 503 }]],
    ['throttle-date', [{ kind: 'throttle-date', path: '/lookout/', rate: 0.3, retryAfterSeconds: 0 }]],
    ['throttle-bare', [{ kind: 'throttle-bare', path: '/lookout/', rate: 0.3 }]],
    ['reset', [{ kind: 'reset', path: '/lookout/', rate: 0.3 }]],
    // A second 401 right after a fresh token fails the call outright: capped, so each step gets a clean poll.
    ['expired-token', [{ kind: 'expired-token', path: '/lookout/', rate: 0.3, times: 6 }], 4],
    // Lookout's usual answer: a Retry-After of a second or more, longer than the poll waits for a silent stream.
    ['throttle with Retry-After: 1', [{ kind: 'throttle', path: '/lookout/', times: 3 }]],
  ] as [string, FaultRule[], number?][])('%s: polls complete, and the inventory is the truth, nothing lost or duplicated', async (label, rules, tries = 3) => {
    harness = createEngineHarness({ devices: 400, seed: `faults-${label}`, faults: rules });
    await faultScenario(expect, harness, { tries });
    expect(harness.tenant.faults.injected.length).toBeGreaterThan(0);
  });

  it('an event stream that is throttled is not taken for one that has caught up: the poll gets the events or says it could not', async () => {
    harness = createEngineHarness({ devices: 400, seed: 'faults-stream', faults: [{ kind: 'throttle', path: '/mra/stream/', times: 1, retryAfterSeconds: 1 }] });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    const result = await harness.engine.pollNow();
    expect(tenant.faults.injected).toHaveLength(1);
    const found = tenant.data.threats.filter((threat) => threat.foundAt <= tenant.clock.now()).length;
    expect(found).toBeGreaterThan(0);
    if (!result.errors.some((error) => error.step === 'telemetry')) {
      const stored = (harness.inventory.db.prepare('SELECT COUNT(*) AS n FROM threats').get() as { n: number }).n;
      expect(stored, 'threats ingested by a poll that reported no telemetry error').toBe(found);
      expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS));
    }
    // The next poll catches up in any case.
    tenant.clock.advance(MINUTE);
    await pollThrough(expect, harness, {}, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS));
  });

  it('a Mobile Risk outage longer than the disconnected-after days does not disconnect devices that kept checking in, nor report them unresponsive to Intune', async () => {
    harness = createEngineHarness({ devices: 400, seed: 'faults-mra-long-outage', config: { disconnectedAfterDays: 1 } });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    await pollThrough(expect, harness, { sync: true }, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS, { disconnectedAfterDays: 1 }));

    tenant.faults.set([{ kind: 'server-error', path: '/lookout/', status: 503 }]);
    tenant.clock.advance(DAY + 60 * MINUTE);
    const failed = await harness.engine.pollNow({ sync: true });
    expect(failed.errors.map((error) => error.step)).toContain('checkins');
    const expected = tracker.expected(GROUPS, { disconnectedAfterDays: 1 });
    const stored = inventoryStates(harness.inventory.db);
    const checkingIn = [...expected].filter(([, row]) => row.state === 'active').map(([id]) => id);
    expect(checkingIn.length).toBeGreaterThan(50);
    const disconnected = checkingIn.filter((id) => stored.get(id)!.state === 'disconnected');
    const unresponsive = checkingIn.filter((id) => tenant.devicesById.get(id)!.partnerReportedThreatState === 'unresponsive');
    expect({ disconnected: disconnected.length, unresponsive: unresponsive.length }, 'devices that check in, taken for silent because the console could not ask').toEqual({ disconnected: 0, unresponsive: 0 });

    tenant.faults.clear();
    tenant.clock.advance(MINUTE);
    await pollThrough(expect, harness, { sync: true }, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS, { disconnectedAfterDays: 1 }));
  });

  it('a Mobile Risk outage: the check-in step is a sync error, no device is lost, and the next poll catches up on events and check-ins', async () => {
    harness = createEngineHarness({ devices: 400, seed: 'faults-mra-outage' });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    await pollThrough(expect, harness, {}, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS));
    const known = [...inventoryStates(harness.inventory.db).keys()].sort();

    tenant.faults.set([{ kind: 'server-error', path: '/lookout/', status: 503 }]);
    tenant.clock.advance(2 * DAY);
    const failed = await harness.engine.pollNow();
    expect(failed.outcome).toBe('partial');
    expect(failed.errors.map((error) => error.step)).toContain('checkins');
    expect([...inventoryStates(harness.inventory.db).keys()].sort()).toEqual(known);

    tenant.faults.clear();
    tenant.clock.advance(MINUTE);
    await pollThrough(expect, harness, {}, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS));
  });
});
