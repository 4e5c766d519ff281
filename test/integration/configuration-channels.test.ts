// The configuration channels through the real dispatcher, settings store, audit log
// and the in-process demo tenant: what the renderer gets, and what is (not) saved.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import type { Envelope } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';

const ADMIN: CallContext = { role: 'full', user: { id: 'u-admin', displayName: 'Ada Admin' } };
const READER: CallContext = { role: 'restricted', user: { id: 'u-reader', displayName: 'Rémi Reader' } };
const connector = { heartbeatMinutes: 30, enrollmentGroups: ['Mobile Users'], newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: false }, errorReportRecipients: ['secops@contoso.com'] };

describe('configuration channels', () => {
  const temp = makeTempDir('mtd-config-');
  let core: Core;
  let connection: TenantConnection;
  const call = async (channel: string, payload: unknown, context: CallContext = ADMIN): Promise<Envelope<unknown>> => core.dispatcher.dispatch(channel, payload, context);
  const result = async <T>(channel: string, payload?: unknown, context: CallContext = ADMIN): Promise<T> => {
    const envelope = await call(channel, payload, context);
    if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
    return envelope.result as T;
  };

  beforeAll(() => {
    connection = connectDemoTenant({ devices: 300, seed: 'config-channels' });
    core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection });
  });
  afterAll(() => temp.cleanup());

  it('starts with no connector, no access settings and the default enrollment settings', async () => {
    expect(await result('settings.get')).toEqual({ access: null, consent: null, connector: null, enrollment: { disconnectedAfterDays: 7 } });
  });

  it('creates the Intune connector, keeps it on disk and audits each field', async () => {
    expect(await result('connector.save', connector)).toEqual(connector);
    const restarted = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection });
    expect(await restarted.dispatcher.dispatch('settings.get', undefined, ADMIN)).toMatchObject({ ok: true, result: { connector } });
    const audit = await result<{ entries: { action: string; actor: string; changes: { field: string }[] }[] }>('audit.list', { action: 'connector.created', offset: 0, limit: 10 });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actor: 'Ada Admin' });
    expect(audit.entries[0]!.changes.map((c) => c.field)).toContain('connector.heartbeatMinutes');
  });

  it('refuses bad values naming the field, and saves nothing', async () => {
    const file = path.join(temp.dir, 'settings.json');
    const before = fs.readFileSync(file, 'utf8');
    const attempts: [unknown, string][] = [
      [{ ...connector, heartbeatMinutes: 4 }, 'heartbeatMinutes'],
      [{ ...connector, heartbeatMinutes: 1441 }, 'heartbeatMinutes'],
      [{ ...connector, newDeviceCheckMinutes: 0 }, 'newDeviceCheckMinutes'],
      [{ ...connector, enrollmentGroups: [] }, 'enrollmentGroups'],
      [{ ...connector, errorReportRecipients: ['not-an-address'] }, 'errorReportRecipients.0'],
      [{ ...connector, isAdmin: true }, 'request'],
      ['<script>alert(1)</script>', 'request'],
    ];
    for (const [payload, field] of attempts) {
      expect(await call('connector.save', payload)).toMatchObject({ ok: false, error: { code: 'validation', field } });
    }
    expect(await call('enrollmentSettings.save', { disconnectedAfterDays: 91 })).toMatchObject({ ok: false, error: { field: 'disconnectedAfterDays' } });
    expect(await call('access.save', { tenantId: 'x', fullAccessGroupId: 'y' })).toMatchObject({ ok: false, error: { field: 'tenantId' } });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('changes and resets classification levels, re-rating the list and auditing before and after', async () => {
    const changed = await result<{ classifications: { classification: string; level: string; defaultLevel: string }[]; rerated: unknown }>('classifications.setLevel', { classification: 'TROJAN', level: 'Low' });
    expect(changed.classifications.find((c) => c.classification === 'TROJAN')).toEqual(expect.objectContaining({ level: 'Low', defaultLevel: 'High' }));
    // No device listed yet: nothing is re-rated, which is not a failure to re-rate.
    expect(changed.rerated).toEqual({ devices: 0, compliance: 0, threats: 0 });
    expect(await result('classifications.impact', { classification: 'TROJAN', level: 'Medium' })).toEqual({ devices: 0, compliance: 0, threats: 0 });
    expect(await call('classifications.setLevel', { classification: 'NOT_A_THREAT', level: 'Low' })).toMatchObject({ ok: false, error: { field: 'classification' } });
    const audit = await result<{ entries: { changes: { field: string; before: unknown; after: unknown }[] }[] }>('audit.list', { action: 'settings.changed', offset: 0, limit: 5 });
    expect(audit.entries[0]!.changes).toEqual([{ field: 'classification.TROJAN', before: 'High', after: 'Low' }]);
    const reset = await result<{ classifications: { level: string; defaultLevel: string }[] }>('classifications.reset');
    expect(reset.classifications.every((c) => c.level === c.defaultLevel)).toBe(true);
    const csv = await result<{ csv: string }>('audit.exportCsv', { action: 'classifications.reset' });
    expect(csv.csv.split('\r\n')[1]).toContain('"classification.TROJAN","Low","High"');
  });

  it("keeps each user's notification switches apart", async () => {
    await result('preferences.save', { high: true, medium: false, low: false }, READER);
    expect(await result('preferences.get', undefined, READER)).toEqual({ high: true, medium: false, low: false });
    expect(await result('preferences.get', undefined, ADMIN)).toEqual({ high: false, medium: false, low: false });
  });

  it('refuses Full-only channels to Restricted and to signed-out callers, changing nothing', async () => {
    const before = await result('settings.get');
    expect(await call('connector.delete', undefined, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('connector.delete', undefined, { role: null })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await call('settings.get', undefined, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await result('settings.get')).toEqual(before);
    const denied = await result<{ entries: { actor: string; target: string; outcome: string }[] }>('audit.list', { action: 'call.denied', offset: 0, limit: 10 });
    expect(denied.entries.map((e) => [e.actor, e.target, e.outcome])).toEqual([
      ['Rémi Reader', 'settings.get', 'denied'],
      ['signed-out caller', 'connector.delete', 'denied'],
      ['Rémi Reader', 'connector.delete', 'denied'],
    ]);
  });

  it('checks enrollment group names against the directory: exact case, spelling, unknown, ambiguous, non-security, nested', async () => {
    const { results } = await result<{ results: { name: string; status: string; suggestions: string[]; userCount?: number; nestedGroupsIgnored?: number }[] }>('groups.validate', {
      names: ['Mobile Users', 'mobile users', 'Sales devices', 'Field Staff', 'Mobile Team', 'All Mobile Staff', 'No Such Group', "O'Brien; DROP"],
    });
    const groups = connection.demoTenant!.data.groups;
    const byName = (name: string) => groups.find((g) => g.displayName === name)!;
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['Mobile Users', 'ok'],
      ['mobile users', 'caseMismatch'],
      ['Sales devices', 'ok'],
      ['Field Staff', 'ambiguous'],
      ['Mobile Team', 'notSecurityGroup'],
      ['All Mobile Staff', 'ok'],
      ['No Such Group', 'unknown'],
      ["O'Brien; DROP", 'unknown'],
    ]);
    expect(results[0]!.userCount).toBe(byName('Mobile Users').memberUserIds.length);
    expect(results[1]!.suggestions).toEqual(['Mobile Users']);
    expect((results[3] as { matchingGroupIds?: string[] }).matchingGroupIds?.sort()).toEqual(groups.filter((g) => g.displayName === 'Field Staff').map((g) => g.id).sort());
    expect(results[5]).toMatchObject({ nestedGroupsIgnored: 1, userCount: byName('All Mobile Staff').memberUserIds.length });
  });

  it('previews how many users and devices the groups would enroll, supported and not', async () => {
    const tenant = connection.demoTenant!;
    const preview = await result<{ users: number; devices: { supported: number; unsupported: number }; nestedGroupsIgnored: number }>('enrollment.preview', { names: ['Mobile Pilot', 'All Mobile Staff'] });
    const users = new Set([...tenant.data.groups.find((g) => g.displayName === 'Mobile Pilot')!.memberUserIds, ...tenant.data.groups.find((g) => g.displayName === 'All Mobile Staff')!.memberUserIds]);
    const devices = tenant.data.devices.filter((d) => users.has(d.userId));
    const supported = devices.filter((d) => ['iOS', 'iPadOS', 'Android'].includes(d.operatingSystem)).length;
    expect(preview).toMatchObject({ users: users.size, devices: { supported, unsupported: devices.length - supported }, nestedGroupsIgnored: 1 });
  });
});
