// The audit log's actor filter finds a user by part of their name or of their e-mail
// address, whatever the case, and refuses what is not a filter.
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, auditActor } from '../../electron/core/audit/audit-log';
import { createMemoryLogger } from '../../electron/http/logger';
import { auditFilterSchema } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';

const temps: { cleanup: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function logWithTwoUsers(): AuditLog {
  const temp = makeTempDir('mtd-audit-actor-');
  temps.push(temp);
  const log = new AuditLog(temp.dir, createMemoryLogger());
  log.record({ ...auditActor({ displayName: 'Farah Fullaccess', userPrincipalName: 'farah.f@contoso.example' }), action: 'sign-in', target: 'Full access', outcome: 'ok', changes: [] });
  log.record({ ...auditActor({ displayName: 'Rémi Restricted', userPrincipalName: 'remi@fabrikam.example' }), action: 'sign-in', target: 'Restricted access', outcome: 'ok', changes: [] });
  log.record({ ...auditActor(undefined), action: 'call.denied', target: 'connector.save', outcome: 'denied', changes: [] });
  return log;
}

const actors = (log: AuditLog, actor: string): string[] => log.query({ actor }).map((entry) => entry.actor);

describe('the audit log actor filter', () => {
  it('matches a whole e-mail address, part of one, or part of a name, in any case', () => {
    const log = logWithTwoUsers();
    expect(actors(log, 'farah.f@contoso.example')).toEqual(['Farah Fullaccess']);
    expect(actors(log, 'FARAH.F@CONTOSO.EXAMPLE')).toEqual(['Farah Fullaccess']);
    expect(actors(log, '@fabrikam')).toEqual(['Rémi Restricted']);
    expect(actors(log, '.example')).toEqual(['Rémi Restricted', 'Farah Fullaccess']);
    expect(actors(log, 'rémi')).toEqual(['Rémi Restricted']);
    expect(actors(log, 'restricted')).toEqual(['Rémi Restricted']);
    expect(actors(log, 'unknown')).toEqual(['unknown']);
    expect(actors(log, 'nobody@contoso.example')).toEqual([]);
  });

  it('keeps the e-mail address on the entry across a restart', () => {
    const temp = makeTempDir('mtd-audit-actor-');
    temps.push(temp);
    new AuditLog(temp.dir, createMemoryLogger()).record({ ...auditActor({ displayName: 'Ada', userPrincipalName: 'ada@contoso.example' }), action: 'sign-in', target: 'x', outcome: 'ok', changes: [] });
    const reopened = new AuditLog(temp.dir, createMemoryLogger());
    expect(reopened.query({ actor: 'ada@contoso' })).toMatchObject([{ actor: 'Ada', actorUpn: 'ada@contoso.example' }]);
  });

  it('treats injection strings as text to look for, and matches nothing with them', () => {
    const log = logWithTwoUsers();
    for (const text of ["' OR 1=1 --", '.*', '%', '<script>alert(1)</script>', '=HYPERLINK("x")']) {
      expect(auditFilterSchema.parse({ actor: text })).toEqual({ actor: text });
      expect(actors(log, text)).toEqual([]);
    }
  });

  it('refuses an actor that is not text, too long or malformed Unicode, naming the rule', () => {
    const refused = (actor: unknown): string[] => {
      const parsed = auditFilterSchema.safeParse({ actor });
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(refused('a'.repeat(256))).toEqual([]);
    expect(refused('a'.repeat(257))).toEqual(['actor: Actor has at most 256 characters.']);
    expect(refused(42)).toEqual(['actor: Actor is text: part of a name or e-mail address.']);
    expect(refused('ada\uD800')).toEqual(['actor: Actor contains characters that are not valid text.']);
  });
});
