// What a long-running engine meets: a stream that never falls silent, a first poll that
// could not read the history, a malformed event, a console user whose address cannot be
// read, and a reinstalled MTD app with two agents.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateDevices } from '../../electron/engine/evaluation/evaluate-devices';
import { LAST_EVENT_ID } from '../../electron/engine/telemetry/event-ingest';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';

const DAY = 86_400_000;
const harnesses: EngineHarness[] = [];
afterEach(() => harnesses.splice(0).forEach((harness) => harness.close()));
function start(options: Parameters<typeof createEngineHarness>[0] = {}): EngineHarness {
  const harness = createEngineHarness(options);
  harnesses.push(harness);
  return harness;
}

const digests = (harness: EngineHarness): number => harness.inventory.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'threatDigest'").pluck().get() as number;
const syncErrors = (harness: EngineHarness, step: string): string[] => harness.inventory.db.prepare('SELECT message FROM sync_errors WHERE step = ? ORDER BY id').pluck().all(step) as string[];

describe('engine robustness', () => {
  it('ends a poll at the events created after it began, even when the stream never falls silent', async () => {
    const harness = start({ seed: 'busy', devices: 2000 });
    harness.tenant.clock.setSpeed(86_400);
    const started = harness.tenant.clock.now();
    const result = await harness.engine.pollNow();
    expect(result.errors).toEqual([]);
    const lastId = Number(harness.inventory.cursor(LAST_EVENT_ID));
    const last = harness.tenant.data.events[lastId - 1]!;
    // Read up to the poll's start, and then at most one more message's worth.
    expect(last.at).toBeGreaterThanOrEqual(started - DAY);
    expect(lastId).toBeLessThan(harness.tenant.data.events.length);
  }, 20_000);

  it('takes the history as the baseline only from a poll that read it: a failed first read mails nothing later', async () => {
    const full = start({ seed: 'baseline', devices: 1500 }).tenant.data.users.find((user) => user.role === 'full')!;
    const harness = start({ seed: 'baseline', devices: 1500, config: { notificationRecipients: [{ userId: full.id, high: true, medium: true, low: true }] } });
    harness.tenant.clock.advance(5 * DAY);
    harness.tenant.faults.set([{ kind: 'server-error', path: '/mra/stream/', status: 503 }]);
    const first = await harness.engine.pollNow();
    expect(first.errors.map((error) => error.step)).toContain('telemetry');
    harness.tenant.faults.clear();
    expect((await harness.engine.pollNow()).errors).toEqual([]);
    expect(digests(harness)).toBe(0);
    harness.tenant.clock.advance(5 * DAY);
    await harness.engine.pollNow();
    expect(digests(harness)).toBe(1);
  }, 20_000);

  it('skips a malformed event as a sync error and goes on past it', async () => {
    const harness = start({ seed: 'malformed', devices: 1000 });
    harness.tenant.faults.set([{ kind: 'malformed-event', times: 1 }]);
    const result = await harness.engine.pollNow();
    expect(result.errors).toEqual([]);
    expect(syncErrors(harness, 'telemetry')).toEqual([expect.stringMatching(/was skipped: its threat status is missing/)]);
    const lastId = Number(harness.inventory.cursor(LAST_EVENT_ID));
    expect(harness.tenant.data.events.filter((event) => event.at <= harness.tenant.clock.now()).at(-1)!.id).toBe(lastId);
    expect((await harness.engine.pollNow()).errors).toEqual([]);
    expect(syncErrors(harness, 'telemetry')).toHaveLength(1);
  });

  it('mails the other console users when one user\'s address cannot be read, and reports that one', async () => {
    const full = start({ seed: 'recipients', devices: 1500 }).tenant.data.users.find((user) => user.role === 'full')!;
    const harness = start({
      seed: 'recipients',
      devices: 1500,
      config: { notificationRecipients: [{ userId: '00000000-0000-4000-8000-000000000000', high: true, medium: true, low: true }, { userId: full.id, high: true, medium: true, low: true }] },
    });
    await harness.engine.pollNow();
    harness.tenant.clock.advance(5 * DAY);
    const result = await harness.engine.pollNow();
    expect(result.errors).toEqual([]);
    expect(harness.inventory.db.prepare("SELECT recipients FROM outbox WHERE kind = 'threatDigest'").pluck().all()).toEqual([JSON.stringify([full.userPrincipalName])]);
    expect(syncErrors(harness, 'mail')).toEqual([expect.stringContaining('00000000-0000-4000-8000-000000000000')]);
    expect(harness.inventory.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'errorReport'").pluck().get()).toBe(1);
  }, 20_000);

  it('follows the activated agent of a reinstalled MTD app, whichever the console read last', async () => {
    const harness = start({ seed: 'agents', devices: 200 });
    await harness.engine.pollNow();
    const device = harness.inventory.db.prepare("SELECT d.id, m.guid, m.checkin_at FROM devices d JOIN mtd_devices m ON m.managed_device_id = d.id WHERE d.state = 'active' LIMIT 1").get() as { id: string; guid: string; checkin_at: number };
    const at = harness.tenant.clock.now();
    // The old agent, deactivated when the app was reinstalled, read in the same device-list page as the new one.
    harness.inventory.db.prepare("INSERT INTO mtd_devices (guid, managed_device_id, activation, checkin_at, updated_at, confirmed_at) VALUES ('00000000-old-agent', ?, 'DEACTIVATED', ?, ?, ?)").run(device.id, device.checkin_at - DAY, at, at);
    harness.inventory.db.prepare('UPDATE mtd_devices SET updated_at = ? WHERE guid = ?').run(at, device.guid);
    evaluateDevices(harness.inventory, at, 7);
    expect(harness.inventory.db.prepare('SELECT state FROM devices WHERE id = ?').pluck().get(device.id)).toBe('active');
  });
});

describe('poll requests while a poll runs', () => {
  it('answers a plain request with the running poll, and runs a full one after an incremental one', async () => {
    const harness = start({ seed: 'queue', devices: 300 });
    await harness.engine.pollNow();
    const running = harness.engine.pollNow();
    const same = harness.engine.pollNow();
    const full = harness.engine.pollNow({ full: true });
    const [first, second, third] = await Promise.all([running, same, full]);
    expect(second.id).toBe(first.id);
    expect(first.kind).toBe('incremental');
    expect(third.kind).toBe('full');
    expect(third.id).toBeGreaterThan(first.id);
  });
});
