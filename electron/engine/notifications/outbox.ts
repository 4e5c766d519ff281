// Mail waiting to go out, kept in the inventory so it survives restarts. Each mail
// is marked sent right after the server accepted it; a crash in between sends it
// again with the same Message-ID, which lets the receiving side see the duplicate.
import { createHash } from 'node:crypto';
import type { Inventory } from '../inventory/inventory';
import { MailError, type Mailer } from '../../mail/mailer';

export type OutboxKind = 'errorReport' | 'threatDigest';

export interface OutboxMail {
  /** Enqueueing a mail whose key is already in the outbox (sent or not) does nothing. */
  dedupeKey: string;
  kind: OutboxKind;
  to: string[];
  subject: string;
  text: string;
}

export interface OutboxOptions {
  /** Attempts before the outbox gives up on a mail; 8 unless given. */
  maxAttempts?: number;
  /** Wait after the first failed attempt, doubled after each further one; 2 minutes unless given. */
  backoffBaseMs?: number;
  /** Longest wait between attempts; 2 hours unless given. */
  backoffCapMs?: number;
}

export interface SendDueResult {
  sent: number;
  failed: number;
  /** Of the failed, those that reached maxAttempts with this attempt. */
  gaveUp: number;
}

interface DueRow {
  id: number;
  dedupe_key: string;
  recipients: string;
  subject: string;
  body: string;
  attempts: number;
}

const MAX_ERROR_LENGTH = 1000;

/** <first 32 hex digits of SHA-256(dedupe key)@mtd-connector-console>: the same mail always has the same id. */
export function messageIdFor(dedupeKey: string): string {
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@mtd-connector-console>`;
}

export class Outbox {
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private passes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly inventory: Inventory,
    options: OutboxOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoffBaseMs = options.backoffBaseMs ?? 2 * 60_000;
    this.backoffCapMs = options.backoffCapMs ?? 2 * 60 * 60_000;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError('maxAttempts must be a whole number of at least 1.');
  }

  /** Adds a mail due now; false when its dedupe key was already there. Runs inside the caller's transaction, if any. */
  enqueue(mail: OutboxMail, now: number): boolean {
    if (mail.to.length === 0) throw new RangeError(`Mail "${mail.dedupeKey}" has no recipients.`);
    const result = this.inventory.db
      .prepare(
        `INSERT INTO outbox (dedupe_key, kind, recipients, subject, body, created_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING`,
      )
      .run(mail.dedupeKey, mail.kind, JSON.stringify(mail.to), mail.subject, mail.text, now, now);
    return result.changes === 1;
  }

  /** Mails not yet sent that the outbox has not given up on. */
  pending(): number {
    const row = this.inventory.db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND attempts < ?').get(this.maxAttempts) as { n: number };
    return row.n;
  }

  /**
   * Sends every mail due at `now`, in the order they were enqueued. A call made while
   * another runs waits for it, then makes its own pass, which skips what the first sent.
   */
  sendDue(mailer: Mailer, now: number): Promise<SendDueResult> {
    const pass = this.passes.then(() => this.sendPass(mailer, now));
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  private async sendPass(mailer: Mailer, now: number): Promise<SendDueResult> {
    const due = this.inventory.db
      .prepare(
        `SELECT id, dedupe_key, recipients, subject, body, attempts FROM outbox
         WHERE sent_at IS NULL AND attempts < ? AND next_attempt_at <= ? ORDER BY id`,
      )
      .all(this.maxAttempts, now) as DueRow[];
    const result: SendDueResult = { sent: 0, failed: 0, gaveUp: 0 };
    for (const [index, row] of due.entries()) {
      try {
        await mailer.send({ to: JSON.parse(row.recipients) as string[], subject: row.subject, text: row.body, messageId: messageIdFor(row.dedupe_key) });
      } catch (error) {
        // When the server is down or refuses the sign-in, every mail left would fail alike: count the attempt for all of them, once.
        const rows = error instanceof MailError && error.affectsEveryMail ? due.slice(index) : [row];
        this.recordFailure(rows, error, now, result);
        if (rows.length > 1) break;
        continue;
      }
      this.inventory.transaction(() => {
        this.inventory.db.prepare('UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ?').run(now, row.id);
      });
      result.sent++;
    }
    return result;
  }

  private recordFailure(rows: readonly DueRow[], error: unknown, now: number, result: SendDueResult): void {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    const update = this.inventory.db.prepare('UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?');
    this.inventory.transaction(() => {
      for (const row of rows) {
        const attempts = row.attempts + 1;
        update.run(attempts, message, now + this.backoffMs(attempts), row.id);
        result.failed++;
        if (attempts >= this.maxAttempts) result.gaveUp++;
      }
    });
  }

  private backoffMs(attempts: number): number {
    return Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** (attempts - 1));
  }
}
