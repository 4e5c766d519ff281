// Tenant profiles through the real core: the demo tenant from the first start, real
// tenants added with their connection and secrets, renamed, switched and removed
// (with their data), each change audited, nothing saved from bad input.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { DEMO_PROFILE_ID, PROFILES_FILE, TENANTS_FOLDER } from '../../electron/core/profiles/profile-registry';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import type { Envelope, ProfileList } from '../../shared/ipc';
import { createAesGcmCipher } from '../support/aes-gcm-cipher';
import { makeTempDir } from '../support/temp-dir';

const FULL: CallContext = { role: 'full', user: { id: 'admin-1', displayName: 'Dana Admin' } };
const RESTRICTED: CallContext = { role: 'restricted', user: { id: 'reader-1', displayName: 'Riley Reader' } };
const SIGNED_OUT: CallContext = { role: null };
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

const fabrikam = {
  name: 'Fabrikam',
  tenant: TENANT,
  clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  cloud: 'public',
  pollingIdentity: 'appSecret',
  lookoutBaseUrl: 'https://api.lookout.com',
  lookoutAppKey: 'lookout-application-key-0123456789',
  clientSecret: 'client-secret-value-9876543210',
  fullAccessGroupId: '11111111-2222-4333-8444-555555555555',
};

describe('tenant profiles', () => {
  let temp: { dir: string; cleanup: () => void };
  let core: Core;
  const cipher = createAesGcmCipher();
  const connection: TenantConnection = connectDemoTenant({ devices: 20, seed: 'profiles' });
  // Every identity call these tests make goes to loopback: a closed port stands for an unreachable identity platform.
  const UNREACHABLE = { MTD_CONSOLE_ENDPOINTS: JSON.stringify({ authorityHost: 'http://127.0.0.1:9', graphBaseUrl: 'http://127.0.0.1:9/v1.0', lookoutBaseUrl: 'http://127.0.0.1:9' }) };
  const start = (): Core => createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection, cipher, env: UNREACHABLE });
  const call = (channel: string, payload?: unknown, context: CallContext = FULL): Promise<Envelope<unknown>> => core.dispatcher.dispatch(channel, payload, context);
  const result = async <T>(channel: string, payload?: unknown, context: CallContext = FULL): Promise<T> => {
    const envelope = await call(channel, payload, context);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.result as T;
  };
  const audit = async (action: string) =>
    (await result<{ entries: { actor: string; target: string; changes: { field: string; before: unknown; after: unknown }[] }[] }>('audit.list', { action, offset: 0, limit: 50 })).entries;

  beforeEach(() => {
    temp = makeTempDir('mtd-profiles-');
    core = start();
  });
  afterEach(async () => {
    await core.close();
    temp.cleanup();
  });

  it('starts on the demo tenant, which is a profile like any other', async () => {
    const list = await result<ProfileList>('profiles.list', undefined, SIGNED_OUT);
    expect(list.activeId).toBe(DEMO_PROFILE_ID);
    expect(list.profiles).toEqual([expect.objectContaining({ id: DEMO_PROFILE_ID, kind: 'demo', tenantId: null })]);
    expect(await result('app.info', undefined, SIGNED_OUT)).toMatchObject({ mode: 'demo', tenantConfigured: false });
    expect(await result('session.get', undefined, SIGNED_OUT)).toMatchObject({ mode: 'demo', profile: { id: DEMO_PROFILE_ID } });
  });

  it('adds a real tenant with its own folder, settings and encrypted secrets, and audits who added it', async () => {
    const list = await result<ProfileList>('profiles.add', fabrikam);
    const added = list.profiles.find((p) => p.name === 'Fabrikam')!;
    expect(added).toMatchObject({ kind: 'real', tenantId: TENANT });
    expect(list.activeId).toBe(DEMO_PROFILE_ID);
    const folder = path.join(temp.dir, TENANTS_FOLDER, added.id);
    const settings = JSON.parse(fs.readFileSync(path.join(folder, 'settings.json'), 'utf8'));
    expect(settings.connection).toMatchObject({ tenant: TENANT, tenantId: TENANT, clientId: fabrikam.clientId, pollingIdentity: 'appSecret' });
    expect(settings.access).toEqual({ tenantId: TENANT, fullAccessGroupId: fabrikam.fullAccessGroupId });
    for (const file of fs.readdirSync(folder)) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      expect(text).not.toContain(fabrikam.lookoutAppKey);
      expect(text).not.toContain(fabrikam.clientSecret);
    }
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    const [entry] = await audit('profile.added');
    expect(entry).toMatchObject({ actor: 'Dana Admin', target: 'Tenant Fabrikam' });
    expect(JSON.stringify(entry)).not.toContain(fabrikam.clientSecret);
  });

  it('switching opens the other profile signed out, with its own settings and audit log, and back', async () => {
    const added = (await result<ProfileList>('profiles.add', fabrikam)).profiles.find((p) => p.kind === 'real')!;
    await result('enrollmentSettings.save', { disconnectedAfterDays: 12 });
    // A restricted user, or a signed-out one, may still choose the tenant to work on.
    expect((await result<ProfileList>('profiles.switch', { id: added.id }, RESTRICTED)).activeId).toBe(added.id);
    expect(core.session()).toEqual({ role: null });
    expect(await result('session.get', undefined, SIGNED_OUT)).toMatchObject({ mode: 'real', signedIn: false, consentRecorded: false, profile: { id: added.id, name: 'Fabrikam' }, demoUsers: [] });
    expect(await result('app.info', undefined, SIGNED_OUT)).toMatchObject({ mode: 'real', tenantConfigured: true });
    expect(await result('settings.get')).toMatchObject({ enrollment: { disconnectedAfterDays: 7 }, access: { tenantId: TENANT } });
    expect(await result('connection.get')).toMatchObject({ settings: { tenantId: TENANT }, secrets: { clientSecret: 'set', lookoutAppKey: 'set' }, secretStorage: 'encrypted', endpointsOverridden: true, lookoutKeyExpiringSoon: false });
    expect(await audit('profile.added')).toEqual([]);
    await result('profiles.switch', { id: DEMO_PROFILE_ID }, SIGNED_OUT);
    expect(await result('settings.get')).toMatchObject({ enrollment: { disconnectedAfterDays: 12 } });
    expect(await audit('profile.added')).toHaveLength(1);
  });

  it('the active profile is kept across restarts', async () => {
    const added = (await result<ProfileList>('profiles.add', fabrikam)).profiles.find((p) => p.kind === 'real')!;
    await result('profiles.switch', { id: added.id });
    await core.close();
    core = start();
    expect((await result<ProfileList>('profiles.list', undefined, SIGNED_OUT)).activeId).toBe(added.id);
    expect(await result('connection.get')).toMatchObject({ secrets: { clientSecret: 'set', lookoutAppKey: 'set' } });
  });

  it('renames a profile, refusing a name already taken, and audits the change', async () => {
    const added = (await result<ProfileList>('profiles.add', fabrikam)).profiles.find((p) => p.kind === 'real')!;
    expect((await result<ProfileList>('profiles.rename', { id: added.id, name: 'Fabrikam (production)' })).profiles.find((p) => p.id === added.id)?.name).toBe('Fabrikam (production)');
    expect(await call('profiles.rename', { id: added.id, name: 'demo tenant (contoso)' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
    expect(await call('profiles.add', { ...fabrikam, name: 'FABRIKAM (PRODUCTION)' })).toMatchObject({ ok: false, error: { field: 'name' } });
    expect((await audit('profile.renamed'))[0]?.changes).toEqual([{ field: 'profile.name', before: 'Fabrikam', after: 'Fabrikam (production)' }]);
  });

  it('removes a real profile and all its data, but never the demo tenant', async () => {
    const added = (await result<ProfileList>('profiles.add', fabrikam)).profiles.find((p) => p.kind === 'real')!;
    await result('profiles.switch', { id: added.id });
    const folder = path.join(temp.dir, TENANTS_FOLDER, added.id);
    expect(fs.existsSync(folder)).toBe(true);
    const list = await result<ProfileList>('profiles.remove', { id: added.id });
    expect(list).toEqual({ activeId: DEMO_PROFILE_ID, profiles: [expect.objectContaining({ id: DEMO_PROFILE_ID })] });
    expect(fs.existsSync(folder)).toBe(false);
    expect((await audit('profile.removed'))[0]).toMatchObject({ target: 'Tenant Fabrikam' });
    expect(await call('profiles.remove', { id: DEMO_PROFILE_ID })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('profiles.remove', { id: 'no-such-profile' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('only Full may add, rename or remove; nothing is saved from bad input', async () => {
    for (const context of [RESTRICTED, SIGNED_OUT]) {
      expect(await call('profiles.add', fabrikam, context)).toMatchObject({ ok: false });
      expect(await call('profiles.rename', { id: DEMO_PROFILE_ID, name: 'x' }, context)).toMatchObject({ ok: false });
      expect(await call('profiles.remove', { id: DEMO_PROFILE_ID }, context)).toMatchObject({ ok: false });
    }
    for (const bad of [{ ...fabrikam, tenant: 'common' }, { ...fabrikam, clientSecret: undefined }, { ...fabrikam, name: '' }, { ...fabrikam, lookoutBaseUrl: 'http://api.lookout.com' }, 'not an object', null]) {
      expect(await call('profiles.add', bad)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await call('profiles.switch', { id: '../../etc' }, SIGNED_OUT)).toMatchObject({ ok: false, error: { code: 'validation', field: 'id' } });
    expect((await result<ProfileList>('profiles.list')).profiles).toHaveLength(1);
    expect(fs.existsSync(path.join(temp.dir, TENANTS_FOLDER)) ? fs.readdirSync(path.join(temp.dir, TENANTS_FOLDER)) : []).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(temp.dir, PROFILES_FILE), 'utf8')).profiles).toHaveLength(1);
  });

  it('a domain that cannot be resolved is refused on its field, and nothing is added', async () => {
    const envelope = await call('profiles.add', { ...fabrikam, tenant: 'fabrikam.invalid' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'validation', field: 'tenant' } });
    expect((await result<ProfileList>('profiles.list')).profiles).toHaveLength(1);
  });
});
