// The SMTP settings' rules at their boundaries, and bad input of each kind.
import { describe, expect, it } from 'vitest';
import { smtpSettingsSchema } from '../../shared/config/smtp-settings';
import { AppError, parseOrThrow } from '../../shared/ipc';

const valid = { host: 'smtp.contoso.com', port: 587, security: 'starttls', username: 'mtd-console@contoso.com', from: 'mtd-console@contoso.com', passwordSet: true };
const INJECTIONS = ['smtp.example.com\r\nRCPT TO:<x>', 'smtp.example.com\nDATA', "'; DROP TABLE outbox;--", '<script>alert(1)</script>', '${jndi:ldap://x}', '../../etc/passwd'];

function issueOf(value: unknown): { field: string; message: string } {
  try {
    parseOrThrow(smtpSettingsSchema, value);
  } catch (error) {
    if (error instanceof AppError) return { field: error.field ?? '', message: error.message };
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

const withField = (overrides: Record<string, unknown>) => ({ ...valid, ...overrides });

describe('SMTP settings', () => {
  it('accept a complete valid set as is', () => {
    expect(smtpSettingsSchema.parse(valid)).toEqual(valid);
  });

  it('default the port to 587 and security to starttls; the user name is optional', () => {
    expect(smtpSettingsSchema.parse({ host: 'mail.contoso.com', from: 'a@contoso.com', passwordSet: false })).toEqual({
      host: 'mail.contoso.com',
      port: 587,
      security: 'starttls',
      from: 'a@contoso.com',
      passwordSet: false,
    });
  });

  it('take ports from 1 to 65535 only, as whole numbers', () => {
    for (const port of [1, 25, 465, 587, 65535]) expect(smtpSettingsSchema.safeParse(withField({ port })).success).toBe(true);
    for (const port of [0, -1, 65536, 587.5, Number.NaN, Number.POSITIVE_INFINITY, '587', null, true]) {
      expect(issueOf(withField({ port }))).toEqual({ field: 'port', message: 'port: SMTP port must be a whole number from 1 to 65535.' });
    }
  });

  it('take a host name or an IP address', () => {
    for (const host of ['smtp.contoso.com', 'localhost', 'smtp-1.eu.contoso.com', '10.0.0.25', '127.0.0.1', '::1', '2001:db8::25', `${'a'.repeat(63)}.com`]) {
      expect(smtpSettingsSchema.safeParse(withField({ host })).success, host).toBe(true);
    }
  });

  it('refuse hosts with schemes, ports, spaces, bad labels or too many characters', () => {
    const tooLong = `${Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.')}.com`;
    for (const host of ['', ' ', 'smtp.contoso.com ', 'smtp contoso.com', 'smtp://smtp.contoso.com', 'smtp.contoso.com:587', '[::1]', 'user@smtp.contoso.com', '-smtp.contoso.com', 'smtp_1.contoso.com', 'a..b', '999.1.1.1', '10.0.0', `${'a'.repeat(64)}.com`, tooLong, ...INJECTIONS]) {
      expect(issueOf(withField({ host })), JSON.stringify(host)).toMatchObject({ field: 'host', message: expect.stringContaining('SMTP server must be a host name or IP address') as string });
    }
    expect(issueOf(withField({ host: 42 }))).toEqual({ field: 'host', message: 'host: SMTP server is required.' });
    expect(issueOf({ ...valid, host: undefined })).toMatchObject({ field: 'host' });
  });

  it('take only the three security modes', () => {
    for (const security of ['starttls', 'tls', 'none']) expect(smtpSettingsSchema.safeParse(withField({ security })).success).toBe(true);
    for (const security of ['STARTTLS', 'ssl', '', 1, null]) expect(issueOf(withField({ security }))).toMatchObject({ field: 'security', message: expect.stringContaining('SMTP security is one of starttls') as string });
  });

  it('take a user name of 1 to 256 characters without line breaks', () => {
    expect(smtpSettingsSchema.safeParse(withField({ username: 'u' })).success).toBe(true);
    expect(smtpSettingsSchema.safeParse(withField({ username: 'u'.repeat(256) })).success).toBe(true);
    for (const username of ['', 'u'.repeat(257), 'user\r\nAUTH PLAIN x', 'user\u0000', 7]) {
      expect(issueOf(withField({ username }))).toMatchObject({ field: 'username', message: expect.stringContaining('SMTP user name') as string });
    }
  });

  it('take a valid sender address of at most 254 characters', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(longest).toHaveLength(254);
    expect(smtpSettingsSchema.safeParse(withField({ from: longest })).success).toBe(true);
    expect(issueOf(withField({ from: `a${longest}` }))).toEqual({ field: 'from', message: 'from: Sender address has at most 254 characters.' });
    for (const from of ['', 'contoso.com', 'a@', '@contoso.com', 'a b@contoso.com', 'Console <a@contoso.com>', 'a@contoso.com\r\nBcc: x@evil.example', ...INJECTIONS]) {
      expect(issueOf(withField({ from })), JSON.stringify(from)).toMatchObject({ field: 'from', message: expect.stringContaining('Sender address must be a valid e-mail address') as string });
    }
    expect(issueOf(withField({ from: null }))).toEqual({ field: 'from', message: 'from: Sender address is required.' });
  });

  it('need passwordSet as a boolean and never take the password itself', () => {
    for (const passwordSet of ['true', 1, null, undefined]) expect(issueOf(withField({ passwordSet }))).toMatchObject({ field: 'passwordSet' });
    expect(issueOf(withField({ password: 'hunter2' }))).toMatchObject({ field: 'request', message: expect.stringContaining('password') as string });
  });

  it('refuse what is not an object', () => {
    for (const value of [null, 'smtp.contoso.com', 587, [valid]]) expect(issueOf(value).field).toBe('request');
  });
});
