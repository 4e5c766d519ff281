import { DEFAULT_SMTP_SECURITY, SMTP_LIMITS, type SmtpSecurity, type SmtpSettings } from '../../../shared/config/smtp-settings';
import { numberFrom } from '../../forms/errors';

/** The SMTP server as typed: the port stays text until saved; the password is only ever what the admin types now. */
export interface SmtpDraft {
  host: string;
  port: string;
  security: SmtpSecurity;
  username: string;
  from: string;
  /** A new password; empty keeps the stored one. Never filled from what is stored. */
  password: string;
  clearPassword: boolean;
}

/** The fields this form shows, as smtp.save names them. */
export const SMTP_FIELDS = ['settings.host', 'settings.port', 'settings.security', 'settings.username', 'settings.from', 'password', 'clearPassword'] as const;

export function smtpDraftOf(settings: SmtpSettings | null): SmtpDraft {
  return {
    host: settings?.host ?? '',
    port: String(settings?.port ?? SMTP_LIMITS.port.default),
    security: settings?.security ?? DEFAULT_SMTP_SECURITY,
    username: settings?.username ?? '',
    from: settings?.from ?? '',
    password: '',
    clearPassword: false,
  };
}

/** What smtp.save takes; the schema decides whether it is valid. An empty user name or password is left out. */
export function smtpRequestOf(draft: SmtpDraft): unknown {
  return {
    settings: {
      host: draft.host,
      port: numberFrom(draft.port),
      security: draft.security,
      ...(draft.username === '' ? {} : { username: draft.username }),
      from: draft.from,
    },
    ...(draft.password === '' || draft.clearPassword ? {} : { password: draft.password }),
    ...(draft.clearPassword ? { clearPassword: true } : {}),
  };
}
