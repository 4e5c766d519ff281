// Heartbeat history: each heartbeat the state sync sends is a row (ok or failed), kept
// 35 days; the dashboard counts them per day over the last 30 days of the tenant's clock
// and says how many hours are left before Intune would mark the partner unresponsive.
import { afterEach, describe, expect, it } from 'vitest';
import { pruneOldRows } from '../../electron/engine/evaluation/housekeeping';
import { dashboard } from '../../electron/engine/queries/dashboard';
import { recordHeartbeat, INTUNE_CONNECTOR } from '../../electron/engine/state-sync/state-sync';
import { dashboardSchema } from '../../shared/ipc';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function rows(harness: EngineHarness): { at: number; outcome: string }[] {
  return harness.inventory.db.prepare('SELECT at, outcome FROM heartbeats ORDER BY id').all() as { at: number; outcome: string }[];
}

function health(harness: EngineHarness, now: number) {
  // The shape the renderer gets, validated as the IPC layer does.
  return dashboardSchema.parse({ ...dashboard(harness.inventory, now), stateSync: null }).health;
}

/** Only the console's heartbeats and Intune's reading of the connector count. */
function setHeartbeats(harness: EngineHarness, consoleOkAt: number | null, intune: string | undefined, thresholdDays = 7): void {
  harness.inventory.db.prepare('DELETE FROM heartbeats').run();
  if (consoleOkAt !== null) recordHeartbeat(harness.inventory, consoleOkAt, 'ok');
  harness.inventory.setCursor(INTUNE_CONNECTOR, JSON.stringify({ partnerState: 'enabled', partnerUnresponsivenessThresholdInDays: thresholdDays, lastHeartbeatDateTime: intune }));
}

describe('heartbeat history', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  it('writes one row per heartbeat, ok or failed, and counts them per day over the last 30 days', async () => {
    harness = createEngineHarness({ seed: 'heartbeats', devices: 60 });
    const { tenant } = harness;
    const first = await harness.engine.pollNow({ sync: true });
    expect(first.stateSync.mode).toBe('sync');
    const okAt = tenant.clock.now();
    expect(rows(harness)).toEqual([{ at: okAt, outcome: 'ok' }]);

    tenant.clock.advance(DAY);
    tenant.faults.set([{ kind: 'server-error', path: '/partner/v1/heartbeat', status: 503 }]);
    await harness.engine.pollNow({ sync: true });
    const failedAt = tenant.clock.now();
    expect(rows(harness)).toEqual([
      { at: okAt, outcome: 'ok' },
      { at: failedAt, outcome: 'failed' },
    ]);
    tenant.faults.clear();
    tenant.clock.advance(HOUR);
    await harness.engine.pollNow({ sync: true });
    expect(rows(harness)).toHaveLength(3);
    // A poll where state sync is not due sends no heartbeat and writes no row.
    await harness.engine.pollNow();
    expect(rows(harness)).toHaveLength(3);

    const now = tenant.clock.now();
    const board = health(harness, now);
    expect(board.heartbeats.days).toHaveLength(30);
    expect(board.heartbeats.days.at(-1)!.day).toBe(Math.floor(now / DAY) * DAY);
    const byDay = new Map(board.heartbeats.days.map((day) => [day.day, day]));
    const dayOf = (at: number) => Math.floor(at / DAY) * DAY;
    const expected = new Map<number, { ok: number; failed: number }>();
    for (const row of rows(harness)) {
      const entry = expected.get(dayOf(row.at)) ?? { ok: 0, failed: 0 };
      entry[row.outcome as 'ok' | 'failed'] += 1;
      expected.set(dayOf(row.at), entry);
    }
    for (const [day, counts] of expected) expect(byDay.get(day)).toMatchObject(counts);
    expect(board.heartbeats.days.reduce((n, day) => n + day.ok + day.failed, 0)).toBe(3);
    expect(board.heartbeats.lastAttempt).toEqual({ at: rows(harness).at(-1)!.at, outcome: 'ok' });

    // 31 days later the first day has left the chart but not the table (kept 35 days).
    tenant.clock.advance(31 * DAY);
    const later = health(harness, tenant.clock.now());
    expect(later.heartbeats.days.reduce((n, day) => n + day.ok + day.failed, 0)).toBe(0);
    expect(later.heartbeats.days[0]!.day).toBe(dayOf(tenant.clock.now()) - 29 * DAY);
    expect(rows(harness)).toHaveLength(3);
  });

  it('housekeeping keeps 35 days of heartbeats', () => {
    harness = createEngineHarness({ seed: 'heartbeats', devices: 10 });
    const now = harness.tenant.clock.now();
    const ats = [now - 36 * DAY, now - 35 * DAY - 1, now - 35 * DAY, now - 34 * DAY, now];
    for (const at of ats) recordHeartbeat(harness.inventory, at, 'ok');
    harness.inventory.transaction(() => pruneOldRows(harness.inventory, now, Date.now()));
    expect(rows(harness).map((row) => row.at)).toEqual([now - 35 * DAY, now - 34 * DAY, now]);
  });

  it('says the hours left, rounded up, from the later of the console\'s last good heartbeat and Intune\'s, with "soon" under 24 and "overdue" at 0', () => {
    harness = createEngineHarness({ seed: 'heartbeats', devices: 10 });
    const now = harness.tenant.clock.now();
    const never = '0001-01-01T00:00:00Z';
    const hours = (consoleOkAt: number | null, intune: string | undefined) => {
      setHeartbeats(harness, consoleOkAt, intune);
      const { hoursLeft, warning } = health(harness, now).heartbeats;
      return { hoursLeft, warning };
    };
    // 7 days without a heartbeat: due now, and long past.
    expect(hours(now - 7 * DAY, never)).toEqual({ hoursLeft: 0, warning: 'overdue' });
    expect(hours(now - 9 * DAY, never)).toEqual({ hoursLeft: 0, warning: 'overdue' });
    // A millisecond before it is due is still an hour, rounded up.
    expect(hours(now - 7 * DAY + 1, never)).toEqual({ hoursLeft: 1, warning: 'soon' });
    expect(hours(now - 6 * DAY - HOUR, never)).toEqual({ hoursLeft: 23, warning: 'soon' });
    expect(hours(now - 6 * DAY - 1, never)).toEqual({ hoursLeft: 24, warning: null });
    expect(hours(now - 6 * DAY, never)).toEqual({ hoursLeft: 24, warning: null });
    expect(hours(now, never)).toEqual({ hoursLeft: 168, warning: null });
    // Intune's date later than the console's counts; an earlier one does not.
    expect(hours(now - 8 * DAY, new Date(now - DAY).toISOString())).toEqual({ hoursLeft: 144, warning: null });
    expect(hours(now - DAY, new Date(now - 8 * DAY).toISOString())).toEqual({ hoursLeft: 144, warning: null });
    expect(hours(null, new Date(now - 6.5 * DAY).toISOString())).toEqual({ hoursLeft: 12, warning: 'soon' });
    // Intune's "never" is ignored: without any heartbeat there is nothing to count from.
    expect(hours(null, never)).toEqual({ hoursLeft: null, warning: null });
    expect(hours(null, undefined)).toEqual({ hoursLeft: null, warning: null });
    // A failed heartbeat is not a good one.
    setHeartbeats(harness, now - 2 * DAY, never);
    recordHeartbeat(harness.inventory, now - HOUR, 'failed');
    expect(health(harness, now).heartbeats).toMatchObject({ hoursLeft: 120, lastAttempt: { at: now - HOUR, outcome: 'failed' } });
  });

  it('counts from Intune\'s own reading after a real sync', async () => {
    harness = createEngineHarness({ seed: 'heartbeats', devices: 30 });
    await harness.engine.pollNow({ sync: true });
    const now = harness.tenant.clock.now();
    expect(health(harness, now).heartbeats).toMatchObject({ hoursLeft: 7 * 24, warning: null });
    expect(health(harness, now + 6 * DAY + HOUR).heartbeats).toMatchObject({ hoursLeft: 23, warning: 'soon' });
    expect(health(harness, now + 7 * DAY).heartbeats).toMatchObject({ hoursLeft: 0, warning: 'overdue' });
  });
});
