// "What to do next" through the real core, settings, audit log and the engine's own process:
// each set-up step turns done as the admin does it on its screen, for every role alike;
// only Full marks the classifications reviewed, and the mark is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import type { EngineStatusView, Envelope, SetupChecklistView } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';

const ADMIN: CallContext = { role: 'full', user: { id: 'u-admin', displayName: 'Ada Admin' } };
const READER: CallContext = { role: 'restricted', user: { id: 'u-reader', displayName: 'Rémi Reader' } };
const connector = { heartbeatMinutes: 15, enrollmentGroups: ['Mobile Users', 'No Such Group'], newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: false }, errorReportRecipients: ['secops@contoso.com'] };
const access = { tenantId: '3f2b8c1e-4d5a-4b6c-8e7f-1a2b3c4d5e6f', fullAccessGroupId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d' };

describe('What to do next (setup.checklist)', () => {
  const temp = makeTempDir('mtd-setup-');
  let core: Core;
  let connection: TenantConnection;
  const statuses: EngineStatusView[] = [];
  const call = async (channel: string, payload?: unknown, context: CallContext = ADMIN): Promise<Envelope<unknown>> => core.dispatcher.dispatch(channel, payload, context);
  const result = async <T>(channel: string, payload?: unknown, context: CallContext = ADMIN): Promise<T> => {
    const envelope = await call(channel, payload, context);
    if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
    return envelope.result as T;
  };
  /** Each step's state and reason, as Restricted reads them (and Full reads the same). */
  const states = async (): Promise<Record<string, string>> => {
    const full = await result<SetupChecklistView>('setup.checklist');
    const restricted = await result<SetupChecklistView>('setup.checklist', undefined, READER);
    expect(restricted).toEqual(full);
    expect(full.done).toBe(full.steps.filter((step) => step.state === 'done').length);
    expect(full.total).toBe(9);
    return Object.fromEntries(full.steps.map((step) => [step.id, `${step.state}:${step.reason}`]));
  };
  const pollAfter = async (id: number | null): Promise<void> => {
    const started = Date.now();
    while (!statuses.some((status) => status.state === 'idle' && status.lastPoll !== null && status.lastPoll.id !== id)) {
      if (Date.now() - started > 60_000) throw new Error(`No poll after ${String(id)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(() => {
    connection = connectDemoTenant({ devices: 200, seed: 'setup-checklist' });
    connection.demoTenant!.clock.setSpeed(0);
    core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection, engineLauncher: nodeEngineLauncher(), engineStreamIdleMs: 200 });
    core.events.subscribe((event, payload) => {
      if (event === 'engine.status') statuses.push(payload as EngineStatusView);
    });
  });
  afterAll(async () => {
    await core.close();
    temp.cleanup();
  });

  it('starts with every step to do, in the seeds order', async () => {
    const view = await result<SetupChecklistView>('setup.checklist', undefined, READER);
    expect(view.steps.map((step) => step.id)).toEqual([
      'accessIds',
      'connector',
      'enrollmentGroups',
      'stateSync',
      'errorReportRecipients',
      'disconnectedStatus',
      'notifications',
      'classificationsReviewed',
      'firstDevicesActive',
    ]);
    expect(view.done).toBe(0);
    expect(await states()).toMatchObject({ accessIds: 'todo:notSet', connector: 'todo:notAdded', enrollmentGroups: 'todo:noConnector', firstDevicesActive: 'todo:noDevicesYet' });
    expect(view.steps.find((step) => step.id === 'enrollmentGroups')!.target).toEqual({ path: '/system/connectors', tab: 'enrollment', needsFull: true });
  });

  it('follows the settings as they are saved, and after a poll names the group that enrolls nothing', async () => {
    await result('access.save', access);
    await result('connector.save', connector);
    expect(await states()).toMatchObject({
      accessIds: 'done:accessSet',
      connector: 'done:connectorSet',
      stateSync: 'attention:threatStatusOff',
      errorReportRecipients: 'done:recipientsSet',
    });
    await pollAfter(null);
    const after = await result<SetupChecklistView>('setup.checklist', undefined, READER);
    const groups = after.steps.find((step) => step.id === 'enrollmentGroups')!;
    expect(groups).toMatchObject({ state: 'attention', reason: 'groupsEnrollNothing', params: { count: 1, names: 'No Such Group' } });
    expect(after.steps.find((step) => step.id === 'firstDevicesActive')).toMatchObject({ state: 'done', reason: 'devicesActive' });

    const id = (await result<EngineStatusView>('engine.status')).lastPoll!.id;
    await result('connector.save', { ...connector, enrollmentGroups: ['Mobile Users'], stateSync: { deviceStatus: true, threatStatus: true } });
    await pollAfter(id);
    expect(await states()).toMatchObject({ enrollmentGroups: 'done:allGroupsFound', stateSync: 'done:bothOn' });
  }, 120_000);

  it('turns the confirmation steps done when they are saved, with who and when', async () => {
    await result('enrollmentSettings.save', { disconnectedAfterDays: 7 });
    await result('preferences.save', { high: true, medium: false, low: false }, READER);
    const view = await result<SetupChecklistView>('setup.checklist');
    expect(view.steps.find((step) => step.id === 'disconnectedStatus')).toMatchObject({ state: 'done', reason: 'confirmed', params: { days: 7, by: 'Ada Admin' } });
    expect(view.steps.find((step) => step.id === 'notifications')).toMatchObject({ state: 'done', params: { count: 1 } });
    expect(view.steps.find((step) => step.id === 'classificationsReviewed')!.state).toBe('todo');
  });

  it('lets only Full mark the classifications reviewed, audited, and then every step is done', async () => {
    expect(await call('classifications.markReviewed', undefined, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await result<SetupChecklistView>('setup.checklist')).steps.find((step) => step.id === 'classificationsReviewed')!.state).toBe('todo');
    expect(await call('classifications.markReviewed', { extra: '<script>' })).toMatchObject({ ok: false, error: { code: 'validation' } });

    const { reviewed } = await result<{ reviewed: { by: string; at: string } }>('classifications.markReviewed');
    expect(reviewed.by).toBe('Ada Admin');
    expect(Number.isNaN(Date.parse(reviewed.at))).toBe(false);
    const view = await result<SetupChecklistView>('setup.checklist', undefined, READER);
    expect(view.steps.find((step) => step.id === 'classificationsReviewed')).toMatchObject({ state: 'done', params: { by: 'Ada Admin', at: reviewed.at } });
    expect(view).toMatchObject({ done: 9, total: 9 });
    const audit = await result<{ entries: { target: string; changes: { field: string }[] }[] }>('audit.list', { action: 'settings.changed', offset: 0, limit: 5 });
    expect(audit.entries[0]).toMatchObject({ target: 'Security Policy', changes: [{ field: 'setup.classificationsReviewed' }] });
  });

  it('refuses a call with no role and bad input to setup.checklist', async () => {
    expect(await call('setup.checklist', undefined, { role: null, user: null } as unknown as CallContext)).toMatchObject({ ok: false });
    expect(await call('setup.checklist', { steps: 'all' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
