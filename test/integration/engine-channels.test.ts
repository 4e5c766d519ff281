// The engine channels through the real core: the engine's own process starts when a
// connector is saved, polls the demo tenant (served on loopback), reports its status
// as events, and answers poll now, stop, start and the removal impact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import type { Dashboard, EngineStatusView, Envelope, RemovalImpactView } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';
import { truth } from '../support/tenant-truth';

const ADMIN: CallContext = { role: 'full', user: { id: 'u-admin', displayName: 'Ada Admin' } };
const READER: CallContext = { role: 'restricted', user: { id: 'u-reader', displayName: 'Rémi Reader' } };
const connector = { heartbeatMinutes: 15, enrollmentGroups: ['Mobile Users', 'Mobile Pilot'], newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['secops@contoso.com'] };

describe('engine channels', () => {
  const temp = makeTempDir('mtd-engine-channels-');
  let core: Core;
  let connection: TenantConnection;
  const statuses: EngineStatusView[] = [];
  let launches = 0;
  const call = async <T>(channel: string, payload?: unknown, context: CallContext = ADMIN): Promise<Envelope<T>> => (await core.dispatcher.dispatch(channel, payload, context)) as Envelope<T>;
  const until = async (predicate: (status: EngineStatusView) => boolean, timeoutMs = 30_000): Promise<EngineStatusView> => {
    const started = Date.now();
    for (;;) {
      const found = statuses.find(predicate);
      if (found) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`No engine status matched in ${timeoutMs} ms; last: ${JSON.stringify(statuses.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(() => {
    connection = connectDemoTenant({ devices: 400, seed: 'engine-channels' });
    connection.demoTenant!.clock.setSpeed(0);
    const launcher = nodeEngineLauncher();
    core = createCore({
      version: '1.0.0',
      host: 'browser',
      dataDir: temp.dir,
      logger: createMemoryLogger(),
      connect: () => connection,
      engineLauncher: () => {
        launches += 1;
        return launcher();
      },
      engineStreamIdleMs: 200,
    });
    core.events.subscribe((event, payload) => {
      if (event === 'engine.status') statuses.push(payload as EngineStatusView);
    });
  });
  afterAll(async () => {
    await core.close();
    temp.cleanup();
  });

  it('runs no engine before a connector exists, and reading the dashboard or devices does not start one', async () => {
    expect(await call('engine.status')).toEqual({ ok: true, result: { state: 'notConfigured', phase: null, progress: null, lastPoll: null, nextPollAt: null, offlineSince: null } });
    expect(await call('engine.pollNow', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('stateSync.syncNow')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('dashboard.get', undefined, READER)).toMatchObject({ ok: true, result: { asOf: null, counts: { pending: 0, active: 0, disconnected: 0, deactivated: 0 } } });
    expect(await call('devices.page', { filter: {}, sort: { column: 'deviceName', direction: 'asc' }, offset: 0, limit: 10 }, READER)).toEqual({ ok: true, result: { total: 0, offset: 0, rows: [] } });
    expect(await call('devices.detail', { id: 'any' }, READER)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(launches).toBe(0);
  });

  it('starts polling when the connector is saved, and reports counts equal to the tenant\'s truth', async () => {
    expect(await call('connector.save', connector)).toMatchObject({ ok: true });
    const done = await until((status) => status.lastPoll !== null);
    expect(done.lastPoll!.errors).toEqual([]);
    expect(statuses.some((status) => status.state === 'polling' && status.phase === 'discovery')).toBe(true);
    const expected = truth(connection.demoTenant!, connector.enrollmentGroups);
    const counted = { pending: 0, active: 0, disconnected: 0, deactivated: 0 };
    for (const row of expected.values()) counted[row.state] += 1;
    expect(done.lastPoll!.counts).toEqual(counted);
    expect(await call('engine.status', undefined, READER)).toMatchObject({ ok: true, result: { lastPoll: { id: done.lastPoll!.id } } });
  });

  it('polls now for Full users only, with progress as events', async () => {
    expect(await call('engine.pollNow', { full: true }, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('engine.pollNow', { full: 'yes' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const before = statuses.length;
    expect(await call('engine.pollNow', { full: true })).toMatchObject({ ok: true });
    const second = await until((status) => (status.lastPoll?.id ?? 0) >= 2);
    expect(second.lastPoll!.kind).toBe('full');
    expect(statuses.slice(before).some((status) => status.phase === 'evaluation')).toBe(true);
  });

  it('tells how many devices removing an enrollment group deactivates', async () => {
    const answer = await call<RemovalImpactView>('enrollment.removalImpact', { names: ['Mobile Users'] });
    const tenant = connection.demoTenant!;
    const pilot = new Set(tenant.data.groups.find((group) => group.displayName === 'Mobile Pilot')!.memberUserIds);
    const onlyMobileUsers = [...truth(tenant, ['Mobile Users']).entries()].filter(([id, row]) => row.state !== 'deactivated' && !pilot.has(tenant.devicesById.get(id)!.userId));
    expect(answer).toEqual({ ok: true, result: { groups: ['Mobile Users'], users: new Set(onlyMobileUsers.map(([id]) => tenant.devicesById.get(id)!.userId)).size, devices: onlyMobileUsers.length } });
    expect(onlyMobileUsers.length).toBeGreaterThan(0);
    expect(await call('enrollment.removalImpact', { names: ['Mobile Pilot'] })).toMatchObject({ ok: true, result: { devices: 0 } });
    expect(await call('enrollment.removalImpact', { names: ['No Such Group', "'; DROP TABLE devices; --"] })).toEqual({ ok: true, result: { groups: ['No Such Group', "'; DROP TABLE devices; --"], users: 0, devices: 0 } });
    for (const names of [[], Array.from({ length: 51 }, (_, i) => `Group ${i}`), ['x'.repeat(257)], [''], 'Mobile Users']) {
      expect(await call('enrollment.removalImpact', { names }), JSON.stringify(names).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'validation', field: expect.stringContaining('names') } });
    }
    expect(await call('enrollment.removalImpact', { names: ['Mobile Users'] }, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers the drift report (the demo tenant is synced, so nothing drifts after a full poll)', async () => {
    expect(await call('stateSync.drift')).toEqual({ ok: true, result: { total: 0, rows: [], reportOnly: false } });
    expect(await call('stateSync.drift', undefined, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('syncs now for Full users only: the changed devices go to Intune at once, with how many, and the audit log says who', async () => {
    const tenant = connection.demoTenant!;
    expect(await call('stateSync.syncNow', undefined, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('stateSync.syncNow', { devices: ['all'] })).toMatchObject({ ok: false, error: { code: 'validation' } });
    // Intune's word changes behind the console's back; a full listing reads it, and it is drift.
    const device = tenant.data.devices.find((candidate) => candidate.partnerReportedThreatState === 'secured')!;
    device.partnerReportedThreatState = 'compromised';
    await call('engine.pollNow', { full: true });
    const last = statuses.at(-1)?.lastPoll?.id ?? 0;
    await until((status) => (status.lastPoll?.id ?? 0) > last && status.lastPoll?.kind === 'full');
    expect(await call('stateSync.drift')).toMatchObject({ ok: true, result: { total: 1, rows: [{ deviceId: device.id, intune: 'compromised', console: 'secured', reason: 'intuneDiffers' }] } });
    const answer = await call('stateSync.syncNow');
    expect(answer).toMatchObject({ ok: true, result: { mode: 'sync', reported: 1, unknownDevices: 0, failedBatches: 0, errors: [], drift: { total: 0, rows: [] } } });
    expect(device.partnerReportedThreatState).toBe('secured');
    const audit = await call('audit.list', { action: 'stateSync.sent', offset: 0, limit: 10 });
    expect(audit).toMatchObject({ ok: true, result: { total: 1, entries: [{ actor: 'Ada Admin', action: 'stateSync.sent', target: 'State sync: 1 device reported to Intune', outcome: 'ok' }] } });
  });

  it('serves the dashboard and device pages, refusing malformed requests by name', async () => {
    const board = await call<Dashboard>('dashboard.get', undefined, READER);
    expect(board.ok).toBe(true);
    if (!board.ok) return;
    const enrolled = board.result.counts.pending + board.result.counts.active + board.result.counts.disconnected + board.result.counts.deactivated;
    const sort = { column: 'deviceName', direction: 'asc' };
    expect(await call('devices.page', { filter: {}, sort, offset: 0, limit: 50 }, READER)).toMatchObject({ ok: true, result: { total: enrolled + board.result.unsupported, offset: 0 } });
    const refused: [unknown, string][] = [
      [{ filter: {}, sort, offset: 0, limit: 501 }, 'limit'],
      [{ filter: {}, sort, offset: -1, limit: 10 }, 'offset'],
      [{ filter: { states: ['gone'] }, sort, offset: 0, limit: 10 }, 'filter'],
      [{ filter: { search: 'x'.repeat(201) }, sort, offset: 0, limit: 10 }, 'filter'],
      [{ filter: {}, sort: { column: 'id; DROP TABLE devices', direction: 'asc' }, offset: 0, limit: 10 }, 'sort'],
      [{ filter: { admin: true }, sort, offset: 0, limit: 10 }, 'filter'],
    ];
    for (const [payload, field] of refused) {
      expect(await call('devices.page', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'validation', field: expect.stringContaining(field) } });
    }
    expect(await call('devices.detail', { id: 'no-such-device' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const csv = await call<{ rows: number; csv: string }>('devices.exportCsv', { filter: { states: ['pending'] }, sort }, READER);
    expect(csv).toMatchObject({ ok: true, result: { rows: board.result.counts.pending } });
  });

  it('moves the demo clock for Full users only, within its limits', async () => {
    const before = await call<{ now: number; speed: number }>('demo.clock', undefined, READER);
    expect(before).toMatchObject({ ok: true, result: { mode: 'demo', speed: 0 } });
    expect(await call('demo.advance', { hours: 24 }, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('demo.advance', { hours: 0 })).toMatchObject({ ok: false, error: { code: 'validation', field: 'hours' } });
    expect(await call('demo.advance', { hours: 2161 })).toMatchObject({ ok: false, error: { code: 'validation', field: 'hours' } });
    expect(await call('demo.setSpeed', { speed: 100_001 })).toMatchObject({ ok: false, error: { code: 'validation', field: 'speed' } });
    const after = await call<{ now: number }>('demo.advance', { hours: 24 });
    expect(after.ok && before.ok && after.result.now - before.result.now).toBe(24 * 3_600_000);
    expect(await call('demo.setSpeed', { speed: 0 })).toMatchObject({ ok: true, result: { speed: 0 } });
  });

  it('re-checks the signed-in user\'s role at every poll', async () => {
    const tenant = connection.demoTenant!;
    const user = tenant.data.users.find((candidate) => candidate.role === 'full')!;
    const fullGroup = tenant.data.groups.find((group) => group.displayName === 'MTD Console Full Access')!;
    const restrictedGroup = tenant.data.groups.find((group) => group.displayName === 'MTD Console Restricted Access')!;
    const admin = tenant.data.users.find((candidate) => candidate.role === 'globalAdmin')!;
    const signedOut: CallContext = { role: null };
    // Consent first: until a Global Administrator grants it, every sign-in fails.
    await call('session.signInDemo', { userPrincipalName: admin.userPrincipalName }, signedOut);
    expect(await call('consent.grant', undefined, signedOut)).toMatchObject({ ok: true });
    await call('session.signOut', undefined, signedOut);
    expect(await call('session.signInDemo', { userPrincipalName: user.userPrincipalName }, signedOut)).toMatchObject({ ok: true, result: { role: 'full' } });
    const pollAndSettle = async (): Promise<void> => {
      const last = statuses.at(-1)?.lastPoll?.id ?? 0;
      await call('engine.pollNow', {});
      await until((status) => (status.lastPoll?.id ?? 0) > last);
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    tenant.removeGroupMember(fullGroup.id, user.id);
    tenant.addGroupMember(restrictedGroup.id, user.id);
    await pollAndSettle();
    expect(core.session().role).toBe('restricted');
    tenant.removeGroupMember(restrictedGroup.id, user.id);
    await call('engine.status', undefined, core.session());
    const restricted = core.session();
    expect(await call('engine.pollNow', {}, restricted)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await pollAndSettle();
    expect(core.session()).toEqual({ role: null });
    tenant.addGroupMember(fullGroup.id, user.id);
  });

  it('stops and starts again', async () => {
    expect(await call('engine.stop')).toMatchObject({ ok: true, result: { state: 'stopped', nextPollAt: null } });
    statuses.length = 0;
    expect(await call('engine.start')).toMatchObject({ ok: true });
    await until((status) => status.state === 'idle' || status.state === 'polling');
  });

  it('goes back to "not configured" when the connector is deleted', async () => {
    expect(await call('connector.delete')).toMatchObject({ ok: true });
    await until((status) => status.state === 'notConfigured');
  });
});
