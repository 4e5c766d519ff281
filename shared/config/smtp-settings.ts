// The SMTP server through which error reports and threat digests go out. The
// password is not part of these settings: it is stored encrypted on its own and
// passwordSet only says whether there is one. Messages name the field and the rule.
import { z } from '../ipc/zod';

export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export const SMTP_LIMITS = {
  /** RFC 1035: a host name has at most 253 characters. */
  hostLength: 253,
  port: { min: 1, max: 65535, default: 587 },
  usernameLength: 256,
  /** RFC 5321: at most 254 characters in a forward path. */
  emailLength: 254,
} as const;

export const DEFAULT_SMTP_SECURITY: SmtpSecurity = 'starttls';

const ALL_DIGITS_LABEL = /(?:^|\.)\d+\.?$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function isHostOrIp(host: string): boolean {
  if (z.regexes.ipv4.test(host) || z.regexes.ipv6.test(host)) return true;
  // A last label of digits only is a mistyped IPv4 address such as 999.1.1.1, not a name.
  return z.regexes.hostname.test(host) && !ALL_DIGITS_LABEL.test(host);
}

const hostMessage = `SMTP server must be a host name or IP address of at most ${SMTP_LIMITS.hostLength} characters, such as smtp.contoso.com, without scheme, port or spaces.`;
const portMessage = `SMTP port must be a whole number from ${SMTP_LIMITS.port.min} to ${SMTP_LIMITS.port.max}.`;
const usernameMessage = `SMTP user name, when given, has from 1 to ${SMTP_LIMITS.usernameLength} characters and no line breaks or control characters.`;

export const smtpSettingsSchema = z
  .object({
    host: z
      .string({ error: 'SMTP server is required.' })
      .max(SMTP_LIMITS.hostLength, { error: hostMessage })
      .refine(isHostOrIp, { error: hostMessage }),
    port: z
      .number({ error: portMessage })
      .int({ error: portMessage })
      .min(SMTP_LIMITS.port.min, { error: portMessage })
      .max(SMTP_LIMITS.port.max, { error: portMessage })
      .default(SMTP_LIMITS.port.default),
    security: z
      .enum(SMTP_SECURITY, { error: 'SMTP security is one of starttls (STARTTLS required), tls (TLS from the start) or none.' })
      .default(DEFAULT_SMTP_SECURITY),
    username: z
      .string({ error: usernameMessage })
      .min(1, { error: usernameMessage })
      .max(SMTP_LIMITS.usernameLength, { error: usernameMessage })
      .refine((name) => !CONTROL_CHARACTERS.test(name), { error: usernameMessage })
      .optional(),
    from: z
      .string({ error: 'Sender address is required.' })
      .max(SMTP_LIMITS.emailLength, { error: `Sender address has at most ${SMTP_LIMITS.emailLength} characters.` })
      .pipe(z.email({ error: 'Sender address must be a valid e-mail address, such as mtd-console@contoso.com.' })),
    passwordSet: z.boolean({ error: 'Whether an SMTP password is set is true or false.' }),
  })
  .strict();

export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;
export type SmtpSettingsInput = z.input<typeof smtpSettingsSchema>;
