// The SMTP form's draft: the stored password is never in it, an empty one keeps what is stored,
// and clearing sends no password at all.
import { describe, expect, it } from 'vitest';
import { SMTP_LIMITS } from '../../shared/config/smtp-settings';
import { smtpSaveSchema } from '../../shared/ipc/smtp-channels';
import { check } from '../../renderer/forms/errors';
import { SMTP_FIELDS, smtpDraftOf, smtpRequestOf } from '../../renderer/modules/connectors/smtp-draft';

const stored = { host: 'smtp.contoso.com', port: 465, security: 'tls' as const, username: 'mailer', from: 'console@contoso.com', passwordSet: true };

describe('SMTP draft', () => {
  it('starts empty on port 587 with STARTTLS, and never carries the stored password', () => {
    expect(smtpDraftOf(null)).toMatchObject({ host: '', port: String(SMTP_LIMITS.port.default), security: 'starttls', password: '', clearPassword: false });
    expect(smtpDraftOf(stored)).toMatchObject({ host: 'smtp.contoso.com', port: '465', username: 'mailer', password: '' });
  });

  it('leaves out an empty user name and an empty password, so the stored password is kept', () => {
    const request = smtpRequestOf({ ...smtpDraftOf(stored), username: '' }) as { settings: Record<string, unknown>; password?: string };
    expect(request.settings).not.toHaveProperty('username');
    expect(request).not.toHaveProperty('password');
    expect(check(smtpSaveSchema, request).ok).toBe(true);
  });

  it('sends clearPassword without the typed password when both are given', () => {
    expect(smtpRequestOf({ ...smtpDraftOf(stored), password: 'typed', clearPassword: true })).toEqual({
      settings: { host: 'smtp.contoso.com', port: 465, security: 'tls', username: 'mailer', from: 'console@contoso.com' },
      clearPassword: true,
    });
    expect(smtpRequestOf({ ...smtpDraftOf(stored), password: 'new one' })).toMatchObject({ password: 'new one' });
  });

  it('refuses a port outside 1..65535 by the field the form shows', () => {
    for (const port of ['0', '65536', 'smtp', '25.5']) {
      const result = check(smtpSaveSchema, smtpRequestOf({ ...smtpDraftOf(stored), port }));
      expect(result.ok, port).toBe(false);
      if (!result.ok) expect(Object.keys(result.failure.fields), port).toEqual(['settings.port']);
    }
    expect(SMTP_FIELDS).toContain('settings.port');
    expect(check(smtpSaveSchema, smtpRequestOf({ ...smtpDraftOf(stored), port: '65535' })).ok).toBe(true);
  });
});
