// New-threat digests and error reports from the engine to a real SMTP server on
// loopback: one digest per console user per poll at the levels they switched on,
// nothing for the baseline poll or a poll with nothing new, one batched error report.
import { afterEach, describe, expect, it } from 'vitest';
import { activationStatus, threatStatusAt } from '../../electron/demo-tenant/agent-state';
import { createSmtpMailer } from '../../electron/mail/smtp-mailer';
import type { Mailer } from '../../electron/mail/mailer';
import { DEFAULT_THREAT_CLASSIFICATIONS } from '../../shared/domain/threat-classifications';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { enrolledUsers } from '../support/tenant-truth';

const DAY = 86_400_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ harness: EngineHarness; smtp: SmtpSink; full: { id: string; mail: string }; restricted: { id: string; mail: string } }> {
  const smtp = await startSmtpSink();
  let mailer: Mailer | undefined;
  const probe = createEngineHarness({ seed: 'notify', devices: 1500 });
  const full = probe.tenant.data.users.find((user) => user.role === 'full')!;
  const restricted = probe.tenant.data.users.find((user) => user.role === 'restricted')!;
  probe.close();
  const harness = createEngineHarness({
    seed: 'notify',
    devices: 1500,
    config: { notificationRecipients: [{ userId: full.id, high: true, medium: false, low: false }, { userId: restricted.id, high: false, medium: true, low: true }] },
    mailer: () => (mailer ??= createSmtpMailer({ host: '127.0.0.1', port: smtp.port, security: 'none', from: 'mtd-console@contoso.example', passwordSet: false }, undefined)),
  });
  cleanups.push(() => smtp.close(), () => harness.close(), () => mailer?.close());
  return { harness, smtp, full: { id: full.id, mail: full.userPrincipalName }, restricted: { id: restricted.id, mail: restricted.userPrincipalName } };
}

/** The tenant's threats found after `from`, still open at its current time, on enrolled devices, by level. */
function newOpenThreats(harness: EngineHarness, from: number): Record<string, number> {
  const { tenant } = harness;
  const now = tenant.clock.now();
  const users = enrolledUsers(tenant, harness.config.enrollmentGroups);
  const counts: Record<string, number> = {};
  for (const threat of tenant.data.threats) {
    const device = tenant.data.devices[threat.deviceIndex]!;
    if (threat.foundAt <= from || threatStatusAt(threat, now) !== 'OPEN') continue;
    if (!users.has(device.userId) || activationStatus(device.agent!, now) === 'DEACTIVATED') continue;
    const level = DEFAULT_THREAT_CLASSIFICATIONS.find((entry) => entry.classification === threat.classification)!.level;
    counts[level] = (counts[level] ?? 0) + 1;
  }
  return counts;
}

function levelsInSubject(subject: string): Record<string, number> {
  return Object.fromEntries([...subject.matchAll(/(\d+) (High|Medium|Low)/g)].map((match) => [match[2]!, Number(match[1])]));
}

describe('engine notifications', () => {
  it('mails nothing for the baseline, then one digest per user at their levels, then nothing when nothing is new', async () => {
    const { harness, smtp, full, restricted } = await setUp();
    const start = harness.tenant.clock.now();
    expect((await harness.engine.pollNow()).errors).toEqual([]);
    expect(smtp.received).toEqual([]);

    harness.tenant.clock.advance(4 * DAY);
    const result = await harness.engine.pollNow();
    expect(result.errors).toEqual([]);
    const expected = newOpenThreats(harness, start);
    expect((expected.High ?? 0) + (expected.Medium ?? 0) + (expected.Low ?? 0)).toBeGreaterThan(0);
    const toFull = smtp.received.filter((mail) => mail.envelopeTo.includes(full.mail));
    const toRestricted = smtp.received.filter((mail) => mail.envelopeTo.includes(restricted.mail));
    expect(smtp.received).toHaveLength(toFull.length + toRestricted.length);
    expect(toFull.length).toBe(expected.High ? 1 : 0);
    expect(toRestricted.length).toBe(expected.Medium || expected.Low ? 1 : 0);
    if (toFull[0]) expect(levelsInSubject(toFull[0].subject)).toEqual({ High: expected.High });
    if (toRestricted[0]) expect(levelsInSubject(toRestricted[0].subject)).toEqual({ ...(expected.Medium ? { Medium: expected.Medium } : {}), ...(expected.Low ? { Low: expected.Low } : {}) });
    expect(result.mailsSent).toBe(smtp.received.length);

    const before = smtp.received.length;
    await harness.engine.pollNow();
    expect(smtp.received).toHaveLength(before);
  });

  it('sends one error report for a poll\'s sync errors, to the error report recipients', async () => {
    const { harness, smtp } = await setUp();
    harness.tenant.faults.set([{ kind: 'server-error', path: '/partner/', status: 503 }]);
    const result = await harness.engine.pollNow({ sync: true });
    expect(result.synced).toBe(false);
    const reports = smtp.received.filter((mail) => mail.envelopeTo.includes('secops@contoso.example'));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.subject).toMatch(/sync error/);
    expect(smtp.received).toHaveLength(1);
    harness.tenant.faults.clear();
    const next = await harness.engine.pollNow();
    expect(next.synced).toBe(true);
    expect(smtp.received).toHaveLength(1);
  });
});
