// The mail path end to end against a real SMTP server on 127.0.0.1: the outbox in the
// SQLite inventory, the nodemailer SMTP mailer, and the digest and error report texts.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SmtpSettings } from '../../shared/config/smtp-settings';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { errorReport } from '../../electron/mail/error-report';
import { MailError, type Mailer } from '../../electron/mail/mailer';
import { messageIdFor, Outbox, type OutboxMail } from '../../electron/engine/notifications/outbox';
import { createSmtpMailer } from '../../electron/mail/smtp-mailer';
import { threatDigest, type DigestThreat } from '../../electron/mail/threat-digest';
import type { SMTPServerOptions } from 'smtp-server';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { makeTempDir } from '../support/temp-dir';


const settings = (port: number, overrides: Partial<SmtpSettings> = {}): SmtpSettings => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  from: 'mtd-console@contoso.com',
  passwordSet: false,
  ...overrides,
});

const mail = (n: number, overrides: Partial<OutboxMail> = {}): OutboxMail => ({
  dedupeKey: `errorReport:poll-${n}`,
  kind: 'errorReport',
  to: [`admin${n}@contoso.com`],
  subject: `Report ${n}`,
  text: `Body of report ${n}.`,
  ...overrides,
});

const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
const MINUTE = 60_000;

interface OutboxRow {
  attempts: number;
  last_error: string | null;
  sent_at: number | null;
  next_attempt_at: number;
}

let temp: ReturnType<typeof makeTempDir>;
let inventory: Inventory;
const sinks: SmtpSink[] = [];
const mailers: Mailer[] = [];

async function sink(options: SMTPServerOptions = {}, port = 0): Promise<SmtpSink> {
  const started = await startSmtpSink(options, port);
  sinks.push(started);
  return started;
}

function mailer(...args: Parameters<typeof createSmtpMailer>): Mailer {
  const created = createSmtpMailer(...args);
  mailers.push(created);
  return created;
}

function row(dedupeKey: string): OutboxRow {
  return inventory.db.prepare('SELECT attempts, last_error, sent_at, next_attempt_at FROM outbox WHERE dedupe_key = ?').get(dedupeKey) as OutboxRow;
}

async function closedPort(): Promise<number> {
  const probe = await startSmtpSink();
  await probe.close();
  return probe.port;
}

beforeEach(() => {
  temp = makeTempDir();
  inventory = new Inventory(path.join(temp.dir, 'inventory.sqlite'));
});

afterEach(async () => {
  for (const m of mailers.splice(0)) m.close();
  await Promise.all(sinks.splice(0).map((s) => s.close()));
  inventory.close();
  temp.cleanup();
});

describe('outbox over SMTP', () => {
  it('sends each due mail once, in enqueue order, with its recipients, subject and a Message-ID from its dedupe key', async () => {
    const server = await sink();
    const outbox = new Outbox(inventory);
    expect(outbox.enqueue(mail(1, { to: ['a@contoso.com', 'b@contoso.com'] }), T0)).toBe(true);
    expect(outbox.enqueue(mail(2, { kind: 'threatDigest', dedupeKey: 'threatDigest:user-7:poll-2' }), T0)).toBe(true);
    expect(outbox.enqueue(mail(3), T0)).toBe(true);
    expect(outbox.pending()).toBe(3);

    expect(await outbox.sendDue(mailer(settings(server.port), undefined), T0)).toEqual({ sent: 3, failed: 0, gaveUp: 0 });
    expect(server.received.map((m) => ({ subject: m.subject, to: m.to, envelopeTo: m.envelopeTo, messageId: m.messageId }))).toEqual([
      { subject: 'Report 1', to: 'a@contoso.com, b@contoso.com', envelopeTo: ['a@contoso.com', 'b@contoso.com'], messageId: messageIdFor('errorReport:poll-1') },
      { subject: 'Report 2', to: 'admin2@contoso.com', envelopeTo: ['admin2@contoso.com'], messageId: messageIdFor('threatDigest:user-7:poll-2') },
      { subject: 'Report 3', to: 'admin3@contoso.com', envelopeTo: ['admin3@contoso.com'], messageId: messageIdFor('errorReport:poll-3') },
    ]);
    expect(server.received[0]!.body).toContain('Body of report 1.');
    expect(row('errorReport:poll-1')).toMatchObject({ attempts: 0, sent_at: T0, last_error: null });
    expect(outbox.pending()).toBe(0);

    expect(await outbox.sendDue(mailer(settings(server.port), undefined), T0 + MINUTE)).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(server.received).toHaveLength(3);
  });

  it('derives a stable Message-ID per dedupe key', () => {
    expect(messageIdFor('errorReport:poll-1')).toMatch(/^<[0-9a-f]{32}@mtd-connector-console>$/);
    expect(messageIdFor('errorReport:poll-1')).toBe(messageIdFor('errorReport:poll-1'));
    expect(messageIdFor('errorReport:poll-2')).not.toBe(messageIdFor('errorReport:poll-1'));
  });

  it('sends a dedupe key enqueued twice once, before and after sending, also inside an outer transaction', async () => {
    const server = await sink();
    const outbox = new Outbox(inventory);
    expect(inventory.transaction(() => [outbox.enqueue(mail(1), T0), outbox.enqueue(mail(1, { subject: 'Other' }), T0)])).toEqual([true, false]);
    expect(outbox.pending()).toBe(1);
    await outbox.sendDue(mailer(settings(server.port), undefined), T0);
    expect(outbox.enqueue(mail(1), T0 + MINUTE)).toBe(false);
    await outbox.sendDue(mailer(settings(server.port), undefined), T0 + MINUTE);
    expect(server.received.map((m) => m.subject)).toEqual(['Report 1']);
  });

  it('enqueues nothing when the outer transaction rolls back', () => {
    const outbox = new Outbox(inventory);
    expect(() =>
      inventory.transaction(() => {
        outbox.enqueue(mail(1), T0);
        throw new Error('poll step failed');
      }),
    ).toThrow('poll step failed');
    expect(outbox.pending()).toBe(0);
    expect(outbox.enqueue(mail(1), T0)).toBe(true);
  });

  it('refuses a mail without recipients', () => {
    expect(() => new Outbox(inventory).enqueue(mail(1, { to: [] }), T0)).toThrow(RangeError);
  });

  it('keeps mail across a restart and sends it once after it', async () => {
    const server = await sink();
    new Outbox(inventory).enqueue(mail(1), T0);
    new Outbox(inventory).enqueue(mail(2), T0);
    inventory.close();

    inventory = new Inventory(path.join(temp.dir, 'inventory.sqlite'));
    const outbox = new Outbox(inventory);
    expect(outbox.pending()).toBe(2);
    expect(outbox.enqueue(mail(1), T0)).toBe(false);
    expect(await outbox.sendDue(mailer(settings(server.port), undefined), T0 + MINUTE)).toMatchObject({ sent: 2 });
    inventory.close();

    inventory = new Inventory(path.join(temp.dir, 'inventory.sqlite'));
    expect(await new Outbox(inventory).sendDue(mailer(settings(server.port), undefined), T0 + 2 * MINUTE)).toMatchObject({ sent: 0 });
    expect(server.received.map((m) => m.subject)).toEqual(['Report 1', 'Report 2']);
  });

  it('keeps mail pending while the server is down and sends it, in order, once it is back and the retry is due', async () => {
    const port = await closedPort();
    const outbox = new Outbox(inventory, { backoffBaseMs: 5 * MINUTE });
    outbox.enqueue(mail(1), T0);
    outbox.enqueue(mail(2), T0);

    expect(await outbox.sendDue(mailer(settings(port), undefined, { connectionTimeoutMs: 2000 }), T0)).toEqual({ sent: 0, failed: 2, gaveUp: 0 });
    for (const key of ['errorReport:poll-1', 'errorReport:poll-2']) {
      expect(row(key)).toMatchObject({ attempts: 1, sent_at: null, next_attempt_at: T0 + 5 * MINUTE });
      expect(row(key).last_error).toContain('ECONNREFUSED');
    }
    expect(outbox.pending()).toBe(2);

    const server = await sink({}, port);
    const smtp = mailer(settings(port), undefined);
    expect(await outbox.sendDue(smtp, T0 + 4 * MINUTE)).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(server.received).toHaveLength(0);
    expect(await outbox.sendDue(smtp, T0 + 5 * MINUTE)).toEqual({ sent: 2, failed: 0, gaveUp: 0 });
    expect(server.received.map((m) => m.subject)).toEqual(['Report 1', 'Report 2']);
    expect(row('errorReport:poll-1')).toMatchObject({ attempts: 1, sent_at: T0 + 5 * MINUTE, last_error: null });
  });

  it('counts a refused recipient as a failure of that mail only, and backs off exponentially', async () => {
    const server = await sink({
      onRcptTo(address, _session, callback) {
        callback(address.address.startsWith('nobody') ? Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }) : undefined);
      },
    });
    const outbox = new Outbox(inventory, { backoffBaseMs: MINUTE, backoffCapMs: 3 * MINUTE });
    outbox.enqueue(mail(1, { to: ['nobody@contoso.com'] }), T0);
    outbox.enqueue(mail(2), T0);
    const smtp = mailer(settings(server.port), undefined);

    expect(await outbox.sendDue(smtp, T0)).toEqual({ sent: 1, failed: 1, gaveUp: 0 });
    expect(server.received.map((m) => m.subject)).toEqual(['Report 2']);
    expect(row('errorReport:poll-1')).toMatchObject({ attempts: 1, sent_at: null, next_attempt_at: T0 + MINUTE });
    expect(row('errorReport:poll-1').last_error).toMatch(/refused the mail: 550 5\.1\.1 No such user/);

    await outbox.sendDue(smtp, T0 + MINUTE);
    expect(row('errorReport:poll-1')).toMatchObject({ attempts: 2, next_attempt_at: T0 + 3 * MINUTE });
    await outbox.sendDue(smtp, T0 + 3 * MINUTE);
    expect(row('errorReport:poll-1')).toMatchObject({ attempts: 3, next_attempt_at: T0 + 6 * MINUTE });
    await outbox.sendDue(smtp, T0 + 6 * MINUTE);
    expect(row('errorReport:poll-1')).toMatchObject({ attempts: 4, next_attempt_at: T0 + 9 * MINUTE });
  });

  it('gives up after maxAttempts and keeps the mail with its last error', async () => {
    const server = await sink({ onRcptTo: (_address, _session, callback) => callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })) });
    const outbox = new Outbox(inventory, { maxAttempts: 3, backoffBaseMs: MINUTE, backoffCapMs: MINUTE });
    outbox.enqueue(mail(1), T0);
    const smtp = mailer(settings(server.port), undefined);

    expect(await outbox.sendDue(smtp, T0)).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
    expect(await outbox.sendDue(smtp, T0 + MINUTE)).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
    expect(outbox.pending()).toBe(1);
    expect(await outbox.sendDue(smtp, T0 + 2 * MINUTE)).toEqual({ sent: 0, failed: 1, gaveUp: 1 });
    expect(outbox.pending()).toBe(0);
    expect(await outbox.sendDue(smtp, T0 + 60 * MINUTE)).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(row('errorReport:poll-1')).toMatchObject({ attempts: 3, sent_at: null });
    expect(row('errorReport:poll-1').last_error).toContain('Mailbox unavailable');
    expect(server.received).toHaveLength(0);
  });

  it('runs one pass at a time: overlapping calls send each mail once', async () => {
    const server = await sink();
    const outbox = new Outbox(inventory);
    for (let n = 1; n <= 5; n++) outbox.enqueue(mail(n), T0);
    const smtp = mailer(settings(server.port), undefined);

    const results = await Promise.all([outbox.sendDue(smtp, T0), outbox.sendDue(smtp, T0), outbox.sendDue(smtp, T0)]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(5);
    expect(results.every((r) => r.failed === 0)).toBe(true);
    expect(server.received.map((m) => m.subject)).toEqual(['Report 1', 'Report 2', 'Report 3', 'Report 4', 'Report 5']);
  });

  it('keeps going after a pass whose mailer threw something other than a MailError', async () => {
    const outbox = new Outbox(inventory, { backoffBaseMs: MINUTE });
    outbox.enqueue(mail(1), T0);
    outbox.enqueue(mail(2), T0);
    const sent: string[] = [];
    const flaky: Mailer = {
      send: (m) => (m.subject === 'Report 1' ? Promise.reject(new Error('boom')) : Promise.resolve(void sent.push(m.subject))),
      close: () => undefined,
    };
    expect(await outbox.sendDue(flaky, T0)).toEqual({ sent: 1, failed: 1, gaveUp: 0 });
    expect(sent).toEqual(['Report 2']);
    expect(row('errorReport:poll-1').last_error).toBe('boom');
  });
});

describe('SMTP mailer', () => {
  const PASSWORD = 'S3cret!pa$$word';
  const authOptions: SMTPServerOptions = {
    authOptional: false,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === PASSWORD) callback(null, { user: auth.username });
      // A careless server that echoes what it got, in clear and as sent.
      else callback(new Error(`Bad credentials ${String(auth.password)} ${Buffer.from(`\0${auth.username}\0${String(auth.password)}`).toString('base64')}`));
    },
  };
  const outgoing = { to: ['secops@contoso.com'], subject: 'Hello', text: 'Text', messageId: messageIdFor('k') };

  it('signs in with the user name and password', async () => {
    const server = await sink(authOptions);
    await mailer(settings(server.port, { username: 'mailer', passwordSet: true }), PASSWORD).send(outgoing);
    expect(server.received).toMatchObject([{ subject: 'Hello', user: 'mailer', messageId: messageIdFor('k') }]);
  });

  it('reports a wrong password as an auth MailError that does not contain the password', async () => {
    const server = await sink(authOptions);
    const wrong = 'wrong-Pa55word-xyz';
    const error = await mailer(settings(server.port, { username: 'mailer', passwordSet: true }), wrong)
      .send(outgoing)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    const mailError = error as MailError;
    expect(mailError.failure).toBe('auth');
    expect(mailError.responseCode).toBe(535);
    expect(mailError.message).toContain(`127.0.0.1:${server.port} refused the sign-in`);
    expect(mailError.message).not.toContain(wrong);
    expect(mailError.message).not.toContain(Buffer.from(`\0mailer\0${wrong}`).toString('base64'));
    expect(JSON.stringify(mailError)).not.toContain(wrong);
    expect(server.received).toHaveLength(0);

    const outbox = new Outbox(inventory);
    outbox.enqueue(mail(1), T0);
    expect(await outbox.sendDue(mailer(settings(server.port, { username: 'mailer', passwordSet: true }), wrong), T0)).toMatchObject({ failed: 1 });
    expect(row('errorReport:poll-1').last_error).toContain('refused the sign-in');
    expect(row('errorReport:poll-1').last_error).not.toContain(wrong);
  });

  it('reports a server that wants a sign-in when no user name is set', async () => {
    const server = await sink(authOptions);
    await expect(mailer(settings(server.port), undefined).send(outgoing)).rejects.toMatchObject({ name: 'MailError', failure: 'auth', responseCode: 530 });
  });

  it('speaks STARTTLS when security is starttls, and refuses to go on in clear when the server does not offer it', async () => {
    const tlsServer = await sink({ disabledCommands: [] });
    await mailer(settings(tlsServer.port, { security: 'starttls' }), undefined, { rejectUnauthorized: false }).send(outgoing);
    expect(tlsServer.received).toMatchObject([{ secure: true }]);

    const plainServer = await sink();
    await expect(mailer(settings(plainServer.port, { security: 'starttls' }), undefined).send(outgoing)).rejects.toMatchObject({ failure: 'tls' });
    expect(plainServer.received).toHaveLength(0);
  });

  it('checks the server certificate unless told otherwise', async () => {
    const tlsServer = await sink({ disabledCommands: [] });
    const error = await mailer(settings(tlsServer.port, { security: 'starttls' }), undefined)
      .send(outgoing)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MailError', failure: 'tls' });
    expect(tlsServer.received).toHaveLength(0);
  });

  it('speaks TLS from the start when security is tls, and sends in clear only when it is none', async () => {
    const tlsServer = await sink({ secure: true, disabledCommands: [] });
    await mailer(settings(tlsServer.port, { security: 'tls' }), undefined, { rejectUnauthorized: false }).send(outgoing);
    expect(tlsServer.received).toMatchObject([{ secure: true, subject: 'Hello' }]);

    const plainServer = await sink();
    await mailer(settings(plainServer.port, { security: 'none' }), undefined).send(outgoing);
    expect(plainServer.received).toMatchObject([{ secure: false, subject: 'Hello' }]);
  });

  it('reports a closed port as a connection failure that affects every mail', async () => {
    const port = await closedPort();
    const error = (await mailer(settings(port), undefined, { connectionTimeoutMs: 2000 })
      .send(outgoing)
      .catch((e: unknown) => e)) as MailError;
    expect(error).toBeInstanceOf(MailError);
    expect(error.failure).toBe('connection');
    expect(error.affectsEveryMail).toBe(true);
    expect(error.message).toContain(`Cannot reach the SMTP server 127.0.0.1:${port} (ECONNREFUSED)`);
  });
});

const threat = (n: number, level: DigestThreat['level'], overrides: Partial<DigestThreat> = {}): DigestThreat => ({
  guid: `threat-${String(n).padStart(4, '0')}`,
  classification: 'Jailbroken device',
  level,
  deviceName: `iPhone ${n}`,
  userPrincipalName: `user${n}@contoso.com`,
  detectedAt: T0 + n * MINUTE,
  ...overrides,
});

describe('threat digest', () => {
  const recipient = { userId: 'u-1', email: 'ann@contoso.com', displayName: 'Ann Lee' };

  it('lists the threats grouped High to Low with counts in the subject', () => {
    const digest = threatDigest({
      recipient,
      threats: [threat(1, 'Low', { classification: 'Outdated OS' }), threat(2, 'High', { classification: 'Malicious app' }), threat(3, 'Low', { classification: 'Unsecured Wi-Fi' })],
    });
    expect(digest.subject).toBe('MTD Connector Console: 3 new threats (1 High, 2 Low)');
    const lines = digest.text.split('\n');
    expect(lines[0]).toBe('Hello Ann Lee,');
    const high = lines.indexOf('High (1)');
    const low = lines.indexOf('Low (2)');
    expect(high).toBeGreaterThan(0);
    expect(low).toBeGreaterThan(high);
    expect(lines.includes('Medium (0)')).toBe(false);
    expect(lines[high + 1]).toBe('  - 2026-03-01 12:02 UTC  Malicious app on iPhone 2 (user2@contoso.com)');
    expect(lines.slice(low + 1, low + 3)).toEqual(['  - 2026-03-01 12:01 UTC  Outdated OS on iPhone 1 (user1@contoso.com)', '  - 2026-03-01 12:03 UTC  Unsecured Wi-Fi on iPhone 3 (user3@contoso.com)']);
    expect(digest.text).not.toContain('more');
  });

  it('says "1 new threat" for one, and uses the console name and e-mail when given', () => {
    const digest = threatDigest({ recipient: { userId: 'u-2', email: 'bob@contoso.com' }, threats: [threat(1, 'Medium')], consoleName: 'Contoso MTD' });
    expect(digest.subject).toBe('Contoso MTD: 1 new threat (1 Medium)');
    expect(digest.text.startsWith('Hello bob@contoso.com,')).toBe(true);
  });

  it('lists at most 200 threats and counts the rest', () => {
    const threats = [...Array.from({ length: 150 }, (_, i) => threat(i, 'High')), ...Array.from({ length: 100 }, (_, i) => threat(1000 + i, 'Medium'))];
    const digest = threatDigest({ recipient, threats });
    expect(digest.subject).toBe('MTD Connector Console: 250 new threats (150 High, 100 Medium)');
    expect(digest.text.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(200);
    expect(digest.text).toContain('Medium (100)');
    expect(digest.text).toContain('\n... and 50 more\n');
  });

  it('keeps fields from the MTD service on one line', () => {
    const digest = threatDigest({ recipient, threats: [threat(1, 'High', { deviceName: 'Phone\r\nBcc: evil@example.com' })] });
    expect(digest.text).toContain('on Phone Bcc: evil@example.com (user1@contoso.com)');
  });
});

describe('error report', () => {
  const syncError = (n: number, step: string, deviceId: string | null = `device-${n}`) => ({ at: T0 + n * 1000, step, deviceId, message: `HTTP 503 for ${n}` });

  it('groups a poll’s errors by step with counts, in one mail', () => {
    const report = errorReport({ errors: [syncError(3, 'partnerState'), syncError(1, 'resolveGroups', null), syncError(2, 'partnerState')], tenantLabel: 'contoso.onmicrosoft.com' });
    expect(report.subject).toBe('MTD Connector Console (contoso.onmicrosoft.com): 3 sync errors in 2 steps');
    const lines = report.text.split('\n');
    expect(lines).toContain('resolveGroups: 1 error');
    expect(lines).toContain('partnerState: 2 errors');
    const groups = lines.indexOf('resolveGroups (1)');
    const partner = lines.indexOf('partnerState (2)');
    expect(groups).toBeGreaterThan(0);
    expect(partner).toBeGreaterThan(groups);
    expect(lines[groups + 1]).toBe('  - 2026-03-01 12:00 UTC  no device: HTTP 503 for 1');
    expect(lines.slice(partner + 1, partner + 3)).toEqual(['  - 2026-03-01 12:00 UTC  device device-2: HTTP 503 for 2', '  - 2026-03-01 12:00 UTC  device device-3: HTTP 503 for 3']);
  });

  it('lists at most 200 errors and counts the rest', () => {
    const errors = Array.from({ length: 5000 }, (_, n) => syncError(n, n % 2 === 0 ? 'partnerState' : 'heartbeat'));
    const report = errorReport({ errors });
    expect(report.subject).toBe('MTD Connector Console: 5000 sync errors in 2 steps');
    expect(report.text).toContain('partnerState: 2500 errors');
    expect(report.text).toContain('heartbeat: 2500 errors');
    expect(report.text.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(200);
    expect(report.text).toContain('\n... and 4800 more\n');
  });

  it('goes out as one mail whatever the number of devices', async () => {
    const server = await sink();
    const outbox = new Outbox(inventory);
    const report = errorReport({ errors: Array.from({ length: 300 }, (_, n) => syncError(n, 'partnerState')) });
    outbox.enqueue({ dedupeKey: 'errorReport:poll-9', kind: 'errorReport', to: ['secops@contoso.com', 'it@contoso.com'], ...report }, T0);
    await outbox.sendDue(mailer(settings(server.port), undefined), T0);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ subject: report.subject, envelopeTo: ['secops@contoso.com', 'it@contoso.com'] });
  });
});
