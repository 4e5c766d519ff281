// Polls through Graph throttling, outages and broken answers on the discovery paths
// (PRODUCT.md section 5: "Polls continue through throttling and outages: nothing
// enrolled is lost or duplicated"). Every poll completes, a failed step is a recorded
// sync error that the next poll recovers from, and afterwards the inventory is the
// tenant's truth, with no device lost or duplicated.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultKind, FaultRule } from '../../electron/demo-tenant/faults';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { faultScenario, inventoryStates, pollThrough, TruthTracker } from '../support/tenant-truth';

const MINUTE = 60_000;
const DAY = 86_400_000;
const GROUPS = ['Mobile Users'];

// Retried faults at a rate; faults that fail a call outright (malformed JSON, a second
// 401 after a fresh token, a 410 on the resync too) capped by `times`, so that a step
// gets an error-free poll within `tries`.
const GRAPH_FAULTS: [FaultKind, FaultRule[], number][] = [
  ['throttle', [{ kind: 'throttle', path: '/graph/v1.0/', rate: 0.3, retryAfterSeconds: 0 }], 2],
  ['throttle-date', [{ kind: 'throttle-date', path: '/graph/v1.0/', rate: 0.3, retryAfterSeconds: 0 }], 2],
  ['throttle-bare', [{ kind: 'throttle-bare', path: '/graph/v1.0/', rate: 0.3 }], 2],
  ['server-error', [{ kind: 'server-error', path: '/graph/v1.0/', rate: 0.3, status: 502 }], 2],
  ['reset', [{ kind: 'reset', path: '/graph/v1.0/', rate: 0.3 }], 2],
  ['truncated-page', [{ kind: 'truncated-page', path: '/graph/v1.0/', rate: 0.5 }], 1],
  ['expired-token', [{ kind: 'expired-token', path: '/graph/v1.0/', rate: 0.3, times: 8 }], 5],
  ['malformed-json', [{ kind: 'malformed-json', path: '/graph/v1.0/', rate: 0.2, times: 3 }], 4],
  ['batch-item-throttle', [{ kind: 'batch-item-throttle', path: '/managedDevices', rate: 0.3, retryAfterSeconds: 0 }], 2],
  ['delta-gone', [{ kind: 'delta-gone', path: '/groups/delta', rate: 0.5, times: 6 }], 4],
];

describe('polls through Graph faults on the discovery paths', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it.each(GRAPH_FAULTS)('%s: polls complete, and the inventory is the truth, nothing lost or duplicated', async (kind, rules, tries) => {
    harness = createEngineHarness({ devices: 400, seed: `faults-${kind}`, faults: rules });
    await faultScenario(expect, harness, { tries });
    expect(harness.tenant.faults.injected.filter((fault) => fault.kind === kind).length, `${kind} faults were injected`).toBeGreaterThan(0);
  });

  it('every Graph fault kind at once, at a low rate', async () => {
    const kinds: FaultKind[] = ['throttle', 'throttle-date', 'throttle-bare', 'server-error', 'reset', 'batch-item-throttle', 'truncated-page'];
    harness = createEngineHarness({ devices: 600, seed: 'faults-mixed', faults: kinds.map((kind) => ({ kind, path: kind === 'batch-item-throttle' ? '/managedDevices' : '/graph/v1.0/', rate: 0.06, retryAfterSeconds: 0 })) });
    await faultScenario(expect, harness);
    expect(new Set(harness.tenant.faults.injected.map((fault) => fault.kind)).size).toBeGreaterThan(4);
  });

  it('a Graph outage longer than the retries: the discovery step is a sync error, the rest of the poll runs, the next poll recovers', async () => {
    harness = createEngineHarness({ devices: 400, seed: 'faults-outage' });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    await pollThrough(expect, harness, {}, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS));
    const before = inventoryStates(harness.inventory.db);

    tenant.faults.set([{ kind: 'server-error', path: '/graph/v1.0/', status: 503 }]);
    tenant.clock.advance(DAY + MINUTE);
    const failed = await harness.engine.pollNow();
    expect(failed.outcome).toBe('partial');
    expect(failed.errors.map((error) => error.step)).toEqual(['discovery']);
    expect(harness.inventory.db.prepare("SELECT COUNT(*) AS n FROM sync_errors WHERE step = 'discovery'").get()).toEqual({ n: 1 });
    // Telemetry and evaluation still ran on what was known: the same devices, none lost.
    expect([...inventoryStates(harness.inventory.db).keys()].sort()).toEqual([...before.keys()].sort());

    tenant.faults.clear();
    tenant.clock.advance(MINUTE);
    await pollThrough(expect, harness, {}, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS));
  });

  // Above 1000 devices Intune pages managedDevices, so a truncated page can hide devices from a full discovery.
  it('a truncated managedDevices page in a full discovery does not deactivate the devices of the pages it hid', async () => {
    harness = createEngineHarness({ devices: 2100, seed: 'faults-truncated' });
    const { tenant } = harness;
    const tracker = new TruthTracker(tenant);
    await pollThrough(expect, harness, {}, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS));

    tenant.faults.set([{ kind: 'truncated-page', path: '/deviceManagement/managedDevices', times: 1 }]);
    tenant.clock.advance(10 * MINUTE);
    const truncated = await harness.engine.pollNow({ full: true });
    expect(tenant.faults.injected).toHaveLength(1);
    const expected = tracker.expected(GROUPS);
    const wronglyDeactivated = [...inventoryStates(harness.inventory.db)].filter(([id, row]) => row.state === 'deactivated' && expected.get(id)!.state !== 'deactivated');
    // Either the poll saw that the listing was incomplete (a sync error), or it left the devices it did not see alone.
    if (truncated.errors.length === 0) expect(wronglyDeactivated.length, 'devices deactivated as "left Intune" though Intune still lists them').toBe(0);

    tenant.clock.advance(10 * MINUTE);
    await pollThrough(expect, harness, {}, 1);
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(GROUPS));
  });
});
