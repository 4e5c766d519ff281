// Sign-in, consent and roles through the real dispatcher and the in-process demo
// tenant; and every mutating channel refused to Restricted and to signed-out callers.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import { CHANNEL_NAMES, channels, type Envelope, type Session } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';

const ADMIN = 'globaladmin@contoso.example';
const FULL = 'fullaccess@contoso.example';
const RESTRICTED = 'restricted@contoso.example';
const OUTSIDER = 'outsider@contoso.example';

describe('sign-in, consent and roles', () => {
  let temp: { dir: string; cleanup: () => void };
  let core: Core;
  const connection: TenantConnection = connectDemoTenant({ devices: 50, seed: 'sessions' });
  const call = (channel: string, payload?: unknown, context: CallContext = core.session()): Promise<Envelope<unknown>> => core.dispatcher.dispatch(channel, payload, context);
  const session = async (channel: string, payload?: unknown): Promise<Session> => {
    const envelope = await call(channel, payload);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.result as Session;
  };
  const audit = async (action: string) => {
    const envelope = await core.dispatcher.dispatch('audit.list', { action, offset: 0, limit: 50 }, { role: 'full', user: { id: 'auditor', displayName: 'Auditor' } });
    return (envelope as { result: { entries: { actor: string; target: string; outcome: string }[] } }).result.entries;
  };
  const grantConsent = async () => {
    await session('session.signInDemo', { userPrincipalName: ADMIN });
    await session('consent.grant');
    await session('session.signOut');
  };

  beforeEach(() => {
    temp = makeTempDir('mtd-session-');
    core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection });
  });
  afterEach(() => temp.cleanup());

  it('lists the demo users and starts signed out, without consent', async () => {
    const view = await session('session.get');
    expect(view).toMatchObject({ signedIn: false, role: null, consentRecorded: false, consentPendingFor: null, mode: 'demo' });
    expect(view.demoUsers.map((u) => [u.userPrincipalName, u.kind])).toEqual([
      [ADMIN, 'globalAdmin'],
      [FULL, 'full'],
      [RESTRICTED, 'restricted'],
      [OUTSIDER, 'outsider'],
    ]);
  });

  it('refuses every sign-in before consent, saying consent is missing and who must give it', async () => {
    for (const user of [FULL, RESTRICTED, OUTSIDER]) {
      const envelope = await call('session.signInDemo', { userPrincipalName: user });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      if (!envelope.ok) expect(envelope.error.message).toMatch(/consent .* has not been granted.*Global Administrator/);
    }
    expect((await audit('sign-in')).filter((e) => e.outcome === 'denied')).toHaveLength(3);
  });

  it("shows a Global Administrator the consent page; declining leaves the tenant unconsented", async () => {
    const pending = await session('session.signInDemo', { userPrincipalName: ADMIN });
    expect(pending).toMatchObject({ signedIn: false, consentPendingFor: { userPrincipalName: ADMIN } });
    expect(core.session().role).toBeNull();
    expect(await session('consent.decline')).toMatchObject({ signedIn: false, consentPendingFor: null, consentRecorded: false });
    expect(await call('session.signInDemo', { userPrincipalName: FULL })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await call('consent.grant')).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('records consent (who, when) in settings and the audit log, and signs the administrator in', async () => {
    await session('session.signInDemo', { userPrincipalName: ADMIN });
    const granted = await session('consent.grant');
    expect(granted).toMatchObject({ signedIn: true, role: 'full', consentRecorded: true, user: { userPrincipalName: ADMIN } });
    const settings = JSON.parse(fs.readFileSync(path.join(temp.dir, 'settings.json'), 'utf8')) as { consent: { grantedBy: string; grantedAt: string } };
    expect(settings.consent.grantedBy).toBe(ADMIN);
    expect(Number.isNaN(Date.parse(settings.consent.grantedAt))).toBe(false);
    expect(await audit('consent')).toEqual([expect.objectContaining({ actor: 'Gabriel Admin', outcome: 'ok' })]);
  });

  it('gives Full to the full-access group, Restricted to the restricted group, and refuses the rest', async () => {
    await grantConsent();
    expect(await session('session.signInDemo', { userPrincipalName: FULL })).toMatchObject({ signedIn: true, role: 'full' });
    expect(await session('session.signInDemo', { userPrincipalName: RESTRICTED })).toMatchObject({ signedIn: true, role: 'restricted' });
    const outsider = await call('session.signInDemo', { userPrincipalName: OUTSIDER });
    expect(outsider).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!outsider.ok) expect(outsider.error.message).toBe("You are not a member of the console's access groups. Ask an administrator to add you to 'MTD Console Full Access' (full access) or 'MTD Console Restricted Access' (restricted access).");
    expect(core.session().role).toBeNull();
    for (const bad of ['nobody@contoso.example', "x' or 1=1 --@contoso.example"]) {
      expect(await call('session.signInDemo', { userPrincipalName: bad })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    expect(await session('session.signOut')).toMatchObject({ signedIn: false, user: null });
  });

  it('ends the session when its token expires, since it cannot be renewed', async () => {
    let now = Date.parse('2026-11-22T08:00:00Z');
    const clocked = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection, now: () => new Date(now) });
    const dispatch = (channel: string, payload?: unknown) => clocked.dispatcher.dispatch(channel, payload, clocked.session());
    await dispatch('session.signInDemo', { userPrincipalName: ADMIN });
    await dispatch('consent.grant');
    expect(clocked.session().role).toBe('full');
    now += 3599_000;
    expect(clocked.session().role).toBe('full');
    now += 1000;
    expect(clocked.session()).toEqual({ role: null });
    expect(await dispatch('settings.get')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses every mutating channel to Restricted and to signed-out callers, changes nothing, and audits each refusal', async () => {
    await grantConsent();
    await session('session.signInDemo', { userPrincipalName: RESTRICTED });
    const restricted = core.session();
    const signedOut: CallContext = { role: null };
    // Sign-in itself, choosing the tenant to sign in to, and a user's own preferences, are open by design; every other mutating channel is Full-only.
    const open = CHANNEL_NAMES.filter((name) => channels[name].mutates && (channels[name].access === 'anyone' || channels[name].access.includes('restricted')));
    expect(open.sort()).toEqual([
      'consent.begin',
      'consent.decline',
      'consent.grant',
      'preferences.save',
      'profiles.switch',
      'session.beginSignIn',
      'session.cancelSignIn',
      'session.completeSignIn',
      'session.signInDemo',
      'session.signOut',
    ]);
    const guarded = CHANNEL_NAMES.filter((name) => channels[name].mutates && !open.includes(name));
    expect(guarded.length).toBeGreaterThan(0);
    const settingsFile = path.join(temp.dir, 'settings.json');
    const before = fs.readFileSync(settingsFile, 'utf8');
    for (const name of guarded) {
      expect(await call(name, undefined, restricted)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(name, undefined, signedOut)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    expect(await call('preferences.save', { high: true, medium: true, low: true }, signedOut)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(fs.readFileSync(settingsFile, 'utf8')).toBe(before);
    const denied = await audit('call.denied');
    expect(denied).toHaveLength(guarded.length * 2 + 1);
    expect(new Set(denied.map((e) => e.target))).toEqual(new Set([...guarded, 'preferences.save']));
  });
});
