// Failures of the tenant's services reach the renderer as typed errors in words, through
// the real dispatcher: the specific sentence, its code, and the reason and params the
// renderer translates; "unexpected error" is left for bugs.
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { messageOf } from '../../renderer/forms/errors';
import { en } from '../../renderer/i18n/en';
import { AppError, unwrap, type Dashboard, type EngineStatusView, type Envelope, type PollErrorView } from '../../shared/ipc';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { makeTempDir } from '../support/temp-dir';

const ADMIN: CallContext = { role: 'full', user: { id: 'u', displayName: 'U' } };

/** What the renderer shows for a rejected call: the envelope rebuilt as its API does, in its words. */
function shown(envelope: Envelope<unknown>): string {
  try {
    unwrap(envelope);
  } catch (error) {
    return messageOf(error);
  }
  throw new Error(`The call did not fail: ${JSON.stringify(envelope)}`);
}

/** What the renderer's poll summary shows for a line: the engine's words, said again from the reason and params. */
function shownLine(line: Pick<PollErrorView, 'reason' | 'params'>): string {
  return messageOf(new AppError({ code: 'unavailable', message: 'not this', reason: line.reason, params: line.params }));
}

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('a Graph call refused for a missing permission', () => {
  const temp = makeTempDir('mtd-errors-graph-');
  let core: Core;
  let connection: TenantConnection;

  beforeAll(() => {
    connection = connectDemoTenant({ devices: 50, seed: 'errors-graph' });
    core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection });
  });
  afterAll(async () => {
    await core.close();
    temp.cleanup();
  });

  it('names the permission the app registration lacks, with its code, instead of an unexpected error', async () => {
    expect(await core.dispatcher.dispatch('directory.searchGroups', { prefix: 'Sal' }, ADMIN)).toMatchObject({ ok: true });
    connection.demoTenant!.revokeConsent();
    const envelope = await core.dispatcher.dispatch('directory.searchGroups', { prefix: 'Sal' }, ADMIN);
    const message =
      'Microsoft Graph GET /graph/v1.0/groups was refused: the app registration lacks the permission GroupMember.Read.All or Group.Read.All or Directory.Read.All, or consent for it was revoked. Add it under API permissions and have a Global Administrator grant consent again.';
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        reason: 'graph.missingScope',
        params: { service: 'Microsoft Graph', method: 'GET', path: '/graph/v1.0/groups', scopes: 'GroupMember.Read.All or Group.Read.All or Directory.Read.All' },
        message,
      },
    });
    expect(shown(envelope)).toBe(message);
  });
});

describe('a poll whose Lookout application key and SMTP sign-in are refused', () => {
  const temp = makeTempDir('mtd-errors-poll-');
  const connector = { heartbeatMinutes: 15, enrollmentGroups: ['Mobile Users'], newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['secops@contoso.com'] };
  const PASSWORD = 'Wr0ng-pa55word';
  let core: Core;
  let connection: TenantConnection;
  let smtp: SmtpSink;
  let errors: PollErrorView[];

  beforeAll(async () => {
    connection = connectDemoTenant({ devices: 100, seed: 'errors-poll' });
    connection.demoTenant!.clock.setSpeed(0);
    connection.demoTenant!.revokeMraAppKey();
    smtp = await startSmtpSink({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => callback(new Error('Authentication credentials invalid')),
    });
    const statuses: EngineStatusView[] = [];
    core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection, engineLauncher: nodeEngineLauncher(), engineStreamIdleMs: 200 });
    core.events.subscribe((event, payload) => {
      if (event === 'engine.status') statuses.push(payload as EngineStatusView);
    });
    const smtpSettings = { host: '127.0.0.1', port: smtp.port, security: 'none', username: 'mtd-console', from: 'mtd-console@contoso.com' };
    expect(await core.dispatcher.dispatch('smtp.save', { settings: smtpSettings, password: PASSWORD }, ADMIN)).toMatchObject({ ok: true });
    expect(await core.dispatcher.dispatch('connector.save', connector, ADMIN)).toMatchObject({ ok: true });
    const started = Date.now();
    while (!statuses.some((status) => status.lastPoll !== null)) {
      if (Date.now() - started > 60_000) throw new Error(`No poll finished; last status: ${JSON.stringify(statuses.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const envelope = (await core.dispatcher.dispatch('engine.status', undefined, ADMIN)) as Envelope<EngineStatusView>;
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    errors = envelope.result.lastPoll!.errors;
  }, 90_000);
  afterAll(async () => {
    await core.close();
    await smtp.close();
    temp.cleanup();
  });

  it('says in the poll summary that Lookout refused the application key, with its reason and params', () => {
    const message =
      'Lookout refused the application key (invalid_client): it is not valid, was revoked or has expired (keys last one year). Generate a new one in the Lookout console under System > Application Keys and enter it under System > Access > Tenant connection.';
    const lookout = errors.filter((line) => line.step === 'telemetry' || line.step === 'checkins');
    expect(lookout.map((line) => line.step)).toEqual(['telemetry', 'checkins']);
    for (const line of lookout) {
      expect(line).toEqual({ step: line.step, reason: 'mobileRisk.keyRefused', params: { serviceCode: 'invalid_client' }, message });
      expect(shownLine(line)).toBe(message);
    }
  });

  it("lists the refused key among the health card's last errors with the same reason and params", async () => {
    const envelope = (await core.dispatcher.dispatch('dashboard.get', undefined, ADMIN)) as Envelope<Dashboard>;
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    const lookout = envelope.result.health.lastErrors.filter((error) => error.step === 'telemetry' || error.step === 'checkins');
    expect(lookout).toHaveLength(2);
    for (const error of lookout) {
      expect(error).toMatchObject({ reason: 'mobileRisk.keyRefused', params: { serviceCode: 'invalid_client' } });
      expect(shownLine(error)).toBe(error.message);
      expect(error.message).toMatch(/^Lookout refused the application key \(invalid_client\)/);
    }
  });

  it('says in the poll summary that the SMTP server refused the sign-in, with its reason and params, never the password', () => {
    const server = `127.0.0.1:${smtp.port}`;
    const mail = errors.filter((line) => line.step === 'mail');
    expect(mail).toHaveLength(1);
    const [line] = mail as [PollErrorView];
    expect(line).toMatchObject({ reason: 'smtp.authRefused', params: { server, cause: 'EAUTH' } });
    expect(line.params.detail).toMatch(/^535\b.*Authentication credentials invalid/);
    expect(line.message).toBe(`The SMTP server ${server} refused the sign-in: ${String(line.params.detail)}`);
    expect(shownLine(line)).toBe(line.message);
    expect(JSON.stringify(errors)).not.toContain(PASSWORD);
    expect(smtp.received).toHaveLength(0);
  });
});
