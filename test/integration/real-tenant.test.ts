// A real tenant profile end to end through the real core, its engine process and
// msal-node, against the demo tenant served on loopback as a foreign tenant (reached
// only through MTD_CONSOLE_ENDPOINTS), which starts without consent. The "browser" is
// test/support/identity-browser.ts, pressing the tenant's own buttons.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant } from '../../electron/core/tenant-connection';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import type { BrowserStep, ConnectionTest, ConnectionView, EngineStatusView, Envelope, ProfileList, Session } from '../../shared/ipc';
import { createAesGcmCipher } from '../support/aes-gcm-cipher';
import { follow, open, press, signInAs } from '../support/identity-browser';
import { selfSignedCertificate } from '../support/self-signed-certificate';
import { makeTempDir } from '../support/temp-dir';
import { truth } from '../support/tenant-truth';

const ADMIN = 'globaladmin@contoso.example';
const FULL = 'fullaccess@contoso.example';
const RESTRICTED = 'restricted@contoso.example';
const OUTSIDER = 'outsider@contoso.example';
const DEMO_FULL: CallContext = { role: 'full', user: { id: 'demo-admin', displayName: 'Demo Admin' } };
const SMTP_PASSWORD = 'smtp-password-Zq8!x2';
const GROUPS = ['Mobile Users'];

describe('a real tenant profile against a foreign tenant on loopback', () => {
  let temp: { dir: string; cleanup: () => void };
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let core: Core;
  const cipher = createAesGcmCipher();
  // The one uploaded to the app registration, and one that never was.
  const certificate = selfSignedCertificate({ days: 365 });
  const unregistered = selfSignedCertificate();
  const refreshTokens: string[] = [];
  const statuses: EngineStatusView[] = [];
  let profileId = '';

  const start = (): Core => {
    // Each core's own statuses: a poll of the one before says nothing about this one.
    statuses.length = 0;
    const started = createCore({
      version: '1.0.0',
      host: 'browser',
      dataDir: temp.dir,
      logger: createMemoryLogger(),
      connect: () => connectDemoTenant({ devices: 10, seed: 'other' }),
      cipher,
      env: { MTD_CONSOLE_ENDPOINTS: JSON.stringify(served.credentials.endpoints) },
      engineLauncher: nodeEngineLauncher(),
      engineStreamIdleMs: 200,
    });
    started.events.subscribe((event, payload) => {
      if (event === 'engine.status') statuses.push(payload as EngineStatusView);
    });
    return started;
  };
  const call = (channel: string, payload?: unknown, context: CallContext = core.session()): Promise<Envelope<unknown>> => core.dispatcher.dispatch(channel, payload, context);
  const result = async <T>(channel: string, payload?: unknown, context?: CallContext): Promise<T> => {
    const envelope = await call(channel, payload, context);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.result as T;
  };
  /** Sign in with Microsoft as a person does: the page the console hands out, the account, back to the console. */
  const signIn = async (upn: string): Promise<Envelope<unknown>> => {
    const step = await result<BrowserStep>('session.beginSignIn');
    expect(step.opened).toBe(false);
    const completing = call('session.completeSignIn');
    await signInAs(step.url, upn);
    return completing;
  };
  const signOut = () => result<Session>('session.signOut');
  const until = async (done: (status: EngineStatusView) => boolean, timeoutMs = 30_000): Promise<EngineStatusView> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = statuses.find(done);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such engine status in ${timeoutMs} ms: ${JSON.stringify(statuses.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    temp = makeTempDir('mtd-real-tenant-');
    tenant = createDemoTenant({ devices: 60, seed: 'foreign', consent: false, realTime: true });
    const issue = tenant.identity.issueRefreshToken.bind(tenant.identity);
    tenant.identity.issueRefreshToken = (grant) => {
      const token = issue(grant);
      refreshTokens.push(token);
      return token;
    };
    tenant.appCertificates.add(certificate.certificatePem);
    served = await serveDemoTenant(tenant);
    core = start();
    const group = (name: string) => tenant.data.groups.find((g) => g.displayName === name)!.id;
    const list = await result<ProfileList>(
      'profiles.add',
      {
        name: 'Foreign',
        tenant: tenant.data.tenantId,
        clientId: tenant.clientId,
        cloud: 'public',
        pollingIdentity: 'delegated',
        lookoutBaseUrl: 'https://api.lookout.com',
        lookoutAppKey: tenant.mraAppKey,
        fullAccessGroupId: group('MTD Console Full Access'),
        restrictedAccessGroupId: group('MTD Console Restricted Access'),
      },
      DEMO_FULL,
    );
    profileId = list.profiles.find((p) => p.kind === 'real')!.id;
    await result('profiles.switch', { id: profileId }, DEMO_FULL);
  }, 60_000);

  afterAll(async () => {
    await core.close();
    await served.close();
    temp.cleanup();
  }, 30_000);

  it('refuses every sign-in before consent with the invalid-login message, except the Global Administrator, who gets the consent page', async () => {
    for (const upn of [FULL, RESTRICTED, OUTSIDER]) {
      const envelope = await signIn(upn);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      if (!envelope.ok) expect(envelope.error.message).toMatch(/^Invalid login: consent for this tenant has not been granted/);
    }
    const admin = await signIn(ADMIN);
    expect(admin).toMatchObject({ ok: true, result: { signedIn: false, consentPendingFor: { userPrincipalName: ADMIN }, mode: 'real' } });
    expect(core.session()).toEqual({ role: null });
  });

  it('Accept goes through the v2 admin consent endpoint; consent is recorded and audited, and the admin gets Full', async () => {
    const step = await result<BrowserStep>('consent.begin');
    const url = new URL(step.url);
    expect(url.pathname).toBe(`/${tenant.data.tenantId}/v2.0/adminconsent`);
    expect(url.searchParams.get('client_id')).toBe(tenant.clientId);
    expect(url.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
    const granting = call('consent.grant');
    const picked = await press(await open(step.url), `Sign in as ${ADMIN}`);
    await follow(await press(picked, 'Accept'));
    expect(await granting).toMatchObject({ ok: true, result: { signedIn: true, role: 'full', consentRecorded: true, user: { userPrincipalName: ADMIN } } });
    expect(tenant.consent.granted).toBe(true);
    expect(await result('settings.get')).toMatchObject({ consent: { grantedBy: ADMIN } });
    const audit = await result<{ entries: { actor: string }[] }>('audit.list', { action: 'consent', offset: 0, limit: 10 });
    expect(audit.entries[0]).toMatchObject({ actor: 'Gabriel Admin' });
  });

  it('polls the tenant with the signed-in admin\'s tokens: the counts equal the tenant\'s truth, state sync report-only', async () => {
    await result('connector.save', { heartbeatMinutes: 15, enrollmentGroups: GROUPS, newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['secops@contoso.com'] });
    await result('smtp.save', { settings: { host: '127.0.0.1', port: 2525, security: 'none', username: 'mtd', from: 'mtd-console@contoso.com' }, password: SMTP_PASSWORD });
    const done = await until((status) => status.lastPoll !== null, 60_000);
    expect(done.lastPoll!.errors.filter((error) => error.step !== 'mail')).toEqual([]);
    const counted = { pending: 0, active: 0, disconnected: 0, deactivated: 0 };
    for (const row of truth(tenant, GROUPS).values()) counted[row.state] += 1;
    expect(done.lastPoll!.counts).toEqual(counted);
    expect(await result('dashboard.get')).toMatchObject({ counts: counted });
  }, 90_000);

  it('the restricted member gets Restricted, the outsider is refused with the groups to join', async () => {
    await signOut();
    expect(await signIn(RESTRICTED)).toMatchObject({ ok: true, result: { role: 'restricted' } });
    expect(await call('connector.delete')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signOut();
    const outsider = await signIn(OUTSIDER);
    expect(outsider).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!outsider.ok) expect(outsider.error.message).toMatch(/not a member of the console's access groups.*full-access group/);
  });

  it('a window reloaded while Microsoft\'s page is open asks again and joins the same sign-in: admitted once', async () => {
    const signIns = async () => (await result<{ total: number }>('audit.list', { action: 'sign-in', offset: 0, limit: 1 }, DEMO_FULL)).total;
    const before = await signIns();
    const step = await result<BrowserStep>('session.beginSignIn');
    // The one page the window may open again in the system browser.
    expect(core.browserStepUrl()).toBe(step.url);
    const first = call('session.completeSignIn');
    const second = call('session.completeSignIn');
    await signInAs(step.url, FULL);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ ok: true, result: { role: 'full', user: { userPrincipalName: FULL } } });
    expect(b).toEqual(a);
    expect(await signIns()).toBe(before + 1);
    expect(core.browserStepUrl()).toBeNull();
    await signOut();
  });

  it('Test connection names a missing Intune role for a member without one, and a revoked consent\'s permissions', async () => {
    expect(await signIn(FULL)).toMatchObject({ ok: true, result: { role: 'full' } });
    const withoutRole = await result<ConnectionTest>('connection.test');
    expect(withoutRole.checks.find((c) => c.id === 'DeviceManagementManagedDevices.Read.All')).toMatchObject({ status: 'missingIntuneRole' });
    expect(withoutRole.checks.find((c) => c.id === 'GroupMember.Read.All')).toMatchObject({ status: 'ok' });
    expect(withoutRole.checks.find((c) => c.id === 'lookout')).toMatchObject({ status: 'ok' });
    tenant.revokeConsent();
    const revoked = await result<ConnectionTest>('connection.test');
    expect(revoked.checks.find((c) => c.id === 'GroupMember.Read.All')).toMatchObject({ status: expect.stringMatching(/missingScope|consentRequired/) as unknown });
    tenant.grantConsent(ADMIN);
    const base = { tenant: tenant.data.tenantId, clientId: tenant.clientId, cloud: 'public', pollingIdentity: 'delegated', lookoutBaseUrl: 'https://api.lookout.com' };
    await result('connection.save', { ...base, lookoutAppKey: 'a-revoked-lookout-key' });
    const badKey = await result<ConnectionTest>('connection.test');
    expect(badKey.checks.find((c) => c.id === 'lookout')).toMatchObject({ status: 'keyInvalid' });
    await result('connection.save', { ...base, lookoutAppKey: tenant.mraAppKey });
  });

  it('polls unattended with the app registration\'s client secret once the polling identity is the app', async () => {
    const before = statuses.at(-1)?.lastPoll?.id ?? 0;
    const view = await result('connection.save', { tenant: tenant.data.tenantId, clientId: tenant.clientId, cloud: 'public', pollingIdentity: 'appSecret', lookoutBaseUrl: 'https://api.lookout.com', clientSecret: tenant.clientSecret });
    expect(view).toMatchObject({ settings: { pollingIdentity: 'appSecret' }, secrets: { clientSecret: 'set', lookoutAppKey: 'set' } });
    expect(JSON.stringify(view)).not.toContain(tenant.clientSecret);
    await result('engine.pollNow', { full: true });
    const done = await until((status) => (status.lastPoll?.id ?? 0) > before && status.state !== 'polling', 60_000);
    expect(done.lastPoll!.errors.filter((error) => error.step !== 'mail')).toEqual([]);
  }, 90_000);

  it('polls unattended with the app registration\'s certificate: a key of another certificate saves nothing, an unregistered one is refused in words', async () => {
    const base = { tenant: tenant.data.tenantId, clientId: tenant.clientId, cloud: 'public', pollingIdentity: 'appCertificate', lookoutBaseUrl: 'https://api.lookout.com' } as const;
    const before = await result<ConnectionView>('connection.get');
    const mismatched = await call('connection.save', { ...base, clientCertificate: unregistered.privateKeyPem + certificate.certificatePem });
    expect(mismatched).toMatchObject({ ok: false, error: { code: 'validation', field: 'clientCertificate', rule: "the certificate's own key" } });
    expect(await result('connection.get')).toEqual(before);

    // Main cannot know which certificate the registration holds: Entra ID says so, and Test connection words it.
    await result('connection.save', { ...base, clientCertificate: unregistered.pem });
    const refused = await result<ConnectionTest>('connection.test');
    const groups = refused.checks.find((c) => c.id === 'GroupMember.Read.All')!;
    expect(groups.status).toBe('credentialRefused');
    expect(groups.detail).toMatch(/AADSTS700027/);

    const view = await result<ConnectionView>('connection.save', { ...base, clientCertificate: certificate.pem });
    expect(view).toMatchObject({ settings: { pollingIdentity: 'appCertificate' }, secrets: { clientCertificate: 'set' }, certificate: { thumbprintSha256: certificate.thumbprintSha256, expiringSoon: false } });
    expect(JSON.stringify(view)).not.toContain(certificate.privateKeyPem.split('\n')[1]);
    const tested = await result<ConnectionTest>('connection.test');
    expect(tested.checks.filter((c) => c.id !== 'User.Read' && c.status !== 'ok')).toEqual([]);

    const last = statuses.at(-1)?.lastPoll?.id ?? 0;
    await result('engine.pollNow', { full: true });
    const done = await until((status) => (status.lastPoll?.id ?? 0) > last && status.state !== 'polling', 60_000);
    expect(done.lastPoll!.errors.filter((error) => error.step !== 'mail')).toEqual([]);
    const counted = { pending: 0, active: 0, disconnected: 0, deactivated: 0 };
    for (const row of truth(tenant, GROUPS).values()) counted[row.state] += 1;
    expect(done.lastPoll!.counts).toEqual(counted);

    const audit = await result<{ entries: { changes: { field: string; before: unknown; after: unknown }[] }[] }>('audit.list', { action: 'settings.changed', offset: 0, limit: 5 });
    expect(audit.entries[0]!.changes).toContainEqual({ field: 'connection.clientCertificate', before: unregistered.thumbprintSha256, after: certificate.thumbprintSha256 });
  }, 90_000);

  it('signs the admin in silently after a restart, from the encrypted token cache', async () => {
    await signOut();
    expect(await signIn(ADMIN)).toMatchObject({ ok: true, result: { role: 'full' } });
    await core.close();
    core = start();
    await expect.poll(async () => (await result<Session>('session.get', undefined, { role: null })).signedIn, { timeout: 10_000 }).toBe(true);
    expect(await result<Session>('session.get')).toMatchObject({ role: 'full', user: { userPrincipalName: ADMIN }, profile: { id: profileId } });
  });

  it('refuses bad connection settings by field and rule, keeping what was saved', async () => {
    const before = await result('connection.get');
    const base = { tenant: tenant.data.tenantId, clientId: tenant.clientId, cloud: 'public', pollingIdentity: 'appSecret', lookoutBaseUrl: 'https://api.lookout.com' };
    for (const [change, field] of [
      [{ clientId: 'not-a-guid' }, 'clientId'],
      [{ clientId: 'd1ddf0e4-d672-4dae-b554-9d5bdfd93547' }, 'clientId'],
      [{ tenant: '6f1c2a3b-0000-4000-8000-000000000000' }, 'tenant'],
      [{ lookoutBaseUrl: 'http://api.lookout.com' }, 'lookoutBaseUrl'],
      [{ cloud: 'moon' }, 'cloud'],
      [{ lookoutAppKey: '' }, 'lookoutAppKey'],
      [{ clientSecret: 'x'.repeat(1025) }, 'clientSecret'],
    ] as const) {
      expect(await call('connection.save', { ...base, ...change })).toMatchObject({ ok: false, error: { code: 'validation', field } });
    }
    expect(await result('connection.get')).toEqual(before);
  });

  it('while the tenant cannot be reached: the last known inventory, "offline since", and a silent sign-in with the last known role', async () => {
    // The poll the restart started ends first: the tenant goes away between polls.
    await until((status) => status.state === 'idle' && status.lastPoll !== null, 60_000);
    const counts = (await result<{ counts: unknown }>('dashboard.get')).counts;
    await served.close();
    await result('engine.pollNow', {});
    // A poll begun before the tenant went away may still end well: the first one that found it gone says so.
    const offline = await until((status) => status.offlineSince !== null && status.state !== 'polling' && status.lastPoll?.errors.some((e) => e.step === 'discovery') === true, 60_000);
    expect(offline.lastPoll!.errors.find((e) => e.step === 'discovery')?.message).toMatch(/cannot be reached|no answer/);
    // The next try comes sooner than the usual interval (5 minutes here): 15 s after the first failed poll.
    const retry = await until((status) => status.offlineSince !== null && status.nextPollAt !== null && status.state === 'idle');
    expect(retry.nextPollAt! - Date.now()).toBeLessThanOrEqual(15_000);
    expect((await result<{ counts: unknown }>('dashboard.get')).counts).toEqual(counts);
    await core.close();
    core = start();
    await expect.poll(async () => (await result<Session>('session.get', undefined, { role: null })).signedIn, { timeout: 10_000 }).toBe(true);
    const session = await result<Session>('session.get');
    expect(session).toMatchObject({ role: 'full', user: { userPrincipalName: ADMIN } });
    expect(session.offlineSince).not.toBeNull();
    expect((await result<{ counts: unknown }>('dashboard.get')).counts).toEqual(counts);
    served = await serveDemoTenant(tenant, served.port);
  }, 120_000);

  it('keeps no secret in plain text anywhere in the data folder', async () => {
    await core.close();
    const keyLines = (pem: string) => pem.split('\n').filter((line) => /^[A-Za-z0-9+/]{64}$/.test(line));
    const secrets = [tenant.mraAppKey, tenant.clientSecret, SMTP_PASSWORD, ...refreshTokens, ...keyLines(certificate.privateKeyPem), ...keyLines(unregistered.privateKeyPem)];
    expect(refreshTokens.length).toBeGreaterThan(0);
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(temp.dir);
    expect(files.some((file) => file.endsWith('msal-token-cache.bin'))).toBe(true);
    expect(files.some((file) => file.endsWith('inventory.sqlite'))).toBe(true);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), `${path.relative(temp.dir, file)} holds a secret`).toBe(false);
    }
    core = start();
  });
});
