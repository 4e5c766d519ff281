// The group pickers' channels and the stored enrollment group checks, through the real
// dispatcher and the demo tenant's Graph: Full only, bad input refused naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import type { Envelope, GroupSuggestion, ResolvedGroupView, SavedGroupChecks } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';

const ADMIN: CallContext = { role: 'full', user: { id: 'u-admin', displayName: 'Ada Admin' } };
const READER: CallContext = { role: 'restricted', user: { id: 'u-reader', displayName: 'Rémi Reader' } };
const connector = (groups: string[]) => ({ heartbeatMinutes: 30, enrollmentGroups: groups, newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['secops@contoso.com'] });

describe('directory group channels', () => {
  const temp = makeTempDir('mtd-directory-');
  let core: Core;
  let connection: TenantConnection;
  const call = async (channel: string, payload: unknown, context: CallContext = ADMIN): Promise<Envelope<unknown>> => core.dispatcher.dispatch(channel, payload, context);
  const result = async <T>(channel: string, payload?: unknown, context: CallContext = ADMIN): Promise<T> => {
    const envelope = await call(channel, payload, context);
    if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
    return envelope.result as T;
  };
  const search = async (prefix: string) => (await result<{ groups: GroupSuggestion[] }>('directory.searchGroups', { prefix })).groups;

  beforeAll(() => {
    connection = connectDemoTenant({ devices: 200, seed: 'directory-groups' });
    core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection });
  });
  afterAll(() => temp.cleanup());

  it('suggests security groups by the start of their name, in the directory\'s exact case', async () => {
    const names = (await search('Sal')).map((group) => group.displayName);
    expect(names).toContain('Sales Devices');
    expect(names).toContain('Sales devices');
    expect(names.every((name) => name.toLowerCase().startsWith('sal'))).toBe(true);
    // Mobile Team is a Microsoft 365 group, not a security group.
    expect((await search('Mobile')).map((group) => group.displayName)).not.toContain('Mobile Team');
    expect((await search('Field')).filter((group) => group.displayName === 'Field Staff')).toHaveLength(2);
    expect(await search('No group starts like this')).toEqual([]);
  });

  it('escapes quotes and filter syntax in the prefix instead of running it', async () => {
    expect(await search("Sal' or securityEnabled eq false or displayName eq '")).toEqual([]);
    expect(await search("O'Brien")).toEqual([]);
    expect(await search(')) and (')).toEqual([]);
  });

  it('refuses an empty, blank, oversize or malformed prefix, naming the field', async () => {
    for (const payload of [{ prefix: '' }, { prefix: '   ' }, { prefix: 'x'.repeat(257) }, { prefix: 'Sal\uD800' }, { prefix: 42 }, {}, { prefix: 'Sal', extra: 1 }, { prefix: 'Sal', limit: 0 }, { prefix: 'Sal', limit: 21 }]) {
      const envelope = await call('directory.searchGroups', payload);
      expect(envelope.ok, JSON.stringify(payload)).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('validation');
    }
    const envelope = await call('directory.searchGroups', { prefix: 'x'.repeat(257) });
    expect(!envelope.ok && envelope.error.message).toMatch(/^prefix: .*256/);
  });

  it('resolves group ids to their name and member count, and says when an id is not in the directory', async () => {
    const sales = (await search('Sales Devices')).find((group) => group.displayName === 'Sales Devices')!;
    const missing = '00000000-0000-4000-8000-000000000000';
    const { groups } = await result<{ groups: ResolvedGroupView[] }>('directory.resolveGroups', { ids: [sales.id, missing] });
    expect(groups[0]).toMatchObject({ id: sales.id, found: true, displayName: 'Sales Devices', securityEnabled: true });
    expect(groups[0]!.memberCount).toBeGreaterThan(0);
    expect(groups[1]).toEqual({ id: missing, found: false });
  });

  it('the demo tenant counts members only with ConsistencyLevel: eventual, as Graph does', async () => {
    const sales = (await search('Sales Devices')).find((group) => group.displayName === 'Sales Devices')!;
    const path = `/groups/${sales.id}/members?$count=true&$top=1`;
    await expect(connection.graph.get(path)).rejects.toMatchObject({ status: 400 });
    const counted = await connection.graph.get<{ '@odata.count': number }>(path, { headers: { ConsistencyLevel: 'eventual' } });
    expect(counted['@odata.count']).toBeGreaterThan(0);
  });

  it('refuses ids that are not GUIDs, none, or too many', async () => {
    for (const ids of [[], ["x' or 1 eq 1"], ['../users'], Array.from({ length: 11 }, () => '00000000-0000-4000-8000-000000000000'), ['\uDC00']]) {
      const envelope = await call('directory.resolveGroups', { ids });
      expect(envelope.ok, JSON.stringify(ids)).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('validation');
    }
  });

  it('keeps what the directory said about the saved groups, with the time checked', async () => {
    expect(await result('enrollment.groupChecks')).toBeNull();
    await result('connector.save', connector(['Mobile Users', 'No Such Group', 'Mobile Team', 'Field Staff']));
    const stored = await result<SavedGroupChecks>('enrollment.groupChecks');
    expect(stored.names).toEqual(['Mobile Users', 'No Such Group', 'Mobile Team', 'Field Staff']);
    expect(Date.parse(stored.checkedAt!)).not.toBeNaN();
    expect(stored.results.map((r) => r.status)).toEqual(['ok', 'unknown', 'notSecurityGroup', 'ambiguous']);
    const restarted = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection });
    expect(await restarted.dispatcher.dispatch('enrollment.groupChecks', undefined, ADMIN)).toMatchObject({ ok: true, result: { checkedAt: stored.checkedAt } });
  });

  it('takes Full: a Restricted caller is refused every directory channel', async () => {
    for (const [channel, payload] of [['directory.searchGroups', { prefix: 'Sal' }], ['directory.resolveGroups', { ids: ['00000000-0000-4000-8000-000000000000'] }], ['enrollment.groupChecks', undefined]] as const) {
      const envelope = await call(channel, payload, READER);
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('forbidden');
    }
  });
});
