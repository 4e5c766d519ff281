// The port through which the engine sends mail; the SMTP mailer is one implementation.
import { englishMessage, type MessageReason } from '../../shared/ipc/error-messages';
import { AppError, type MessageParams } from '../../shared/ipc/errors';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  /** With angle brackets, e.g. <3f2a…@mtd-connector-console>. */
  messageId: string;
}

export interface Mailer {
  /** Resolves once the server accepted the mail; rejects with a MailError. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export type MailFailure =
  /** The server could not be reached, dropped the connection or did not answer in time. */
  | 'connection'
  | 'tls'
  | 'auth'
  /** The server answered and refused this mail (sender, recipients or content). */
  | 'rejected'
  | 'other';

/** A failed send, typed where it arises: its message names the server and what went wrong, never the password. */
export class MailError extends AppError {
  readonly failure: MailFailure;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode: number | undefined;

  constructor(failure: MailFailure, reason: MessageReason, params: MessageParams, responseCode?: number) {
    super({ code: 'unavailable', message: englishMessage(reason, params), reason, params });
    this.name = 'MailError';
    this.failure = failure;
    this.responseCode = responseCode;
  }

  /** The failure is the server's or the settings', not this mail's: every other mail would fail alike. */
  get affectsEveryMail(): boolean {
    return this.failure !== 'rejected' && this.failure !== 'other';
  }
}
