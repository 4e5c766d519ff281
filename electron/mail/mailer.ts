// The port through which the engine sends mail; the SMTP mailer is one implementation.

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

/** A failed send. Its message names the server and what went wrong, never the password. */
export class MailError extends Error {
  readonly failure: MailFailure;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode: number | undefined;

  constructor(failure: MailFailure, message: string, responseCode?: number) {
    super(message);
    this.name = 'MailError';
    this.failure = failure;
    this.responseCode = responseCode;
  }

  /** The failure is the server's or the settings', not this mail's: every other mail would fail alike. */
  get affectsEveryMail(): boolean {
    return this.failure !== 'rejected' && this.failure !== 'other';
  }
}
