// The Mailer over SMTP (nodemailer): one connection per send, TLS as the settings say.
import nodemailer, { type NodemailerError } from 'nodemailer';
import type { SmtpSettings } from '../../shared/config/smtp-settings';
import type { MessageReason } from '../../shared/ipc/error-messages';
import { MailError, type MailFailure, type Mailer, type OutgoingMail } from './mailer';

export { MailError } from './mailer';

export interface SmtpMailerOptions {
  /** Tests against a server with a self-signed certificate set this to false. */
  rejectUnauthorized?: boolean;
  /** Applies to connecting, the greeting and each command; 30 s unless given. */
  connectionTimeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_DETAIL_LENGTH = 300;

export function createSmtpMailer(settings: SmtpSettings, password: string | undefined, options: SmtpMailerOptions = {}): Mailer {
  const timeout = options.connectionTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.username === undefined ? undefined : { user: settings.username, pass: password ?? '' },
    tls: { rejectUnauthorized: options.rejectUnauthorized ?? true, minVersion: 'TLSv1.2' },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const server = `${settings.host}:${settings.port}`;
  const secrets = password === undefined || password === '' ? [] : [password];

  return {
    async send(mail: OutgoingMail): Promise<void> {
      try {
        await transport.sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          // RFC 3834: tells receiving systems not to answer with out-of-office replies.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw toMailError(error, server, secrets);
      }
    },
    close(): void {
      transport.close();
    },
  };
}

const REASONS: Record<MailFailure, MessageReason> = {
  connection: 'smtp.connection',
  tls: 'smtp.tls',
  auth: 'smtp.authRefused',
  rejected: 'smtp.rejected',
  other: 'smtp.other',
};

function toMailError(error: unknown, server: string, secrets: readonly string[]): MailError {
  const failure = error instanceof Error ? (error as NodemailerError) : undefined;
  const kind = failureOf(failure);
  const cause = redact(failure?.originalCode ?? failure?.code ?? 'no answer', secrets);
  const detail = redact(oneLine(failure?.response ?? failure?.message ?? String(error)), secrets);
  const reason = kind === 'auth' && failure?.code === 'ENOAUTH' ? 'smtp.authNeeded' : REASONS[kind];
  return new MailError(kind, reason, { server, cause, detail }, failure?.responseCode);
}

const TLS_SOCKET_CODE = /^(CERT_|ERR_SSL_|ERR_TLS_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_(GET|VERIFY)_)/;

function failureOf(error: NodemailerError | undefined): MailFailure {
  // 421: the server is closing the connection; 530: it wants a sign-in first.
  if (error?.responseCode === 421) return 'connection';
  if (error?.responseCode === 530) return 'auth';
  switch (error?.code) {
    case 'ESOCKET':
      return TLS_SOCKET_CODE.test(error.originalCode ?? '') ? 'tls' : 'connection';
    case 'ECONNECTION':
    case 'EDNS':
    case 'ETIMEDOUT':
      return 'connection';
    case 'ETLS':
    case 'EREQUIRETLS':
      return 'tls';
    case 'EAUTH':
    case 'ENOAUTH':
      return 'auth';
    case 'EENVELOPE':
    case 'EMESSAGE':
      return 'rejected';
    default:
      return error?.responseCode === undefined ? 'other' : 'rejected';
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH)}…` : line;
}

const BASE64_TOKEN = /[A-Za-z0-9+/]{8,}={0,2}/g;

/** Removes the password, also where a server echoes it back base64-encoded as AUTH sent it. */
function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    result = result.split(secret).join('[redacted]');
    result = result.replace(BASE64_TOKEN, (token) => (Buffer.from(token, 'base64').toString('utf8').includes(secret) ? '[redacted]' : token));
  }
  return result;
}
