// What goes to the outbox after a poll: one digest of new threats per console user
// (at the levels they switched on) and one error report of the poll's sync errors.
// Each is enqueued in the same transaction that marks its threats or errors as
// handled, under a key derived from their content, so a repeated poll never mails twice.
// The outbox runs on real time; the tenant's time only dates the threats.
import crypto from 'node:crypto';
import type { RiskLevel } from '../../../shared/domain/threat-classifications';
import type { GraphClient } from '../../graph/graph-client';
import { graphPaths } from '../../graph/graph-paths';
import { errorReport } from '../../mail/error-report';
import type { Outbox } from './outbox';
import { threatDigest } from '../../mail/threat-digest';
import type { NotificationRecipient } from '../engine-config';
import type { Inventory } from '../inventory/inventory';
import type { MessageLine } from '../../../shared/ipc/error-messages';
import { recordSyncError, syncErrorLine } from '../state-sync/state-sync';

export const NOTIFICATIONS_SINCE = 'notifications.since';

interface NewThreatRow {
  guid: string;
  classifications: string;
  level: RiskLevel;
  detected_at: number | null;
  device_name: string | null;
  upn: string | null;
  mailable: number;
  first_seen_at: number;
  device_id: string | null;
}

/** A threat whose device the console does not know yet waits this long (tenant time) for discovery to find it, then counts as handled. */
const UNKNOWN_DEVICE_GRACE_MS = 86_400_000;

export interface NotifySummary {
  digests: number;
  errorReports: number;
  baseline: boolean;
}

function key(parts: readonly string[]): string {
  return crypto.createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

const SWITCH: Partial<Record<RiskLevel, keyof Pick<NotificationRecipient, 'high' | 'medium' | 'low'>>> = { High: 'high', Medium: 'medium', Low: 'low' };

export async function notify(
  inventory: Inventory,
  outbox: Outbox,
  graph: GraphClient,
  options: {
    recipients: readonly NotificationRecipient[];
    errorReportRecipients: readonly string[];
    now: number;
    signal: AbortSignal;
    /** Addresses by user id; null for a user whose address could not be read (not asked again by this process). */
    emails: Map<string, string | null>;
    /** This poll read the event stream to its end: only then can the first poll's threats be taken as the baseline. */
    telemetryCaughtUp: boolean;
  },
): Promise<NotifySummary> {
  const { db } = inventory;
  const pending = db
    .prepare(`
      SELECT t.guid, t.classifications, t.level, t.detected_at, t.first_seen_at, d.device_name, d.upn, d.id AS device_id,
             CASE WHEN t.status = 'open' AND d.supported = 1 AND d.state IN ('pending', 'active', 'disconnected') THEN 1 ELSE 0 END AS mailable
      FROM threats t
      LEFT JOIN mtd_devices m ON m.guid = t.device_guid
      LEFT JOIN devices d ON d.id = m.managed_device_id
      WHERE t.notified = 0
      GROUP BY t.guid
      ORDER BY t.guid`)
    .all() as NewThreatRow[];
  const baseline = inventory.cursor(NOTIFICATIONS_SINCE) === undefined;
  // Until a poll has read the whole history, nothing can be told apart from news: threats wait, unmarked.
  const threatsReady = !baseline || options.telemetryCaughtUp;
  const mailable = baseline ? [] : pending.filter((row) => row.mailable === 1);
  const handled = !threatsReady ? [] : pending.filter((row) => baseline || row.device_id !== null || options.now - row.first_seen_at > UNKNOWN_DEVICE_GRACE_MS);
  const lookupErrors: MessageLine[] = [];
  // Addresses come from the directory, once per user and process; one user's failure stops nobody else's mail.
  for (const recipient of options.recipients) {
    if (options.emails.has(recipient.userId) || !mailable.some((row) => wants(recipient, row.level))) continue;
    try {
      const user = await graph.get<{ mail?: string | null; userPrincipalName?: string }>(graphPaths.user(recipient.userId, ['mail', 'userPrincipalName']), { signal: options.signal });
      options.emails.set(recipient.userId, user.mail ?? user.userPrincipalName ?? null);
    } catch (error) {
      options.signal.throwIfAborted();
      options.emails.set(recipient.userId, null);
      lookupErrors.push(syncErrorLine('sync.addressUnreadable', { userId: recipient.userId }, error));
    }
  }
  const errors = (): { id: number; at: number; step: string; device_id: string | null; message: string }[] =>
    db.prepare('SELECT id, at, step, device_id, message FROM sync_errors WHERE reported = 0 ORDER BY id').all() as { id: number; at: number; step: string; device_id: string | null; message: string }[];
  return inventory.transaction(() => {
    let digests = 0;
    for (const recipient of options.recipients) {
      const email = options.emails.get(recipient.userId);
      const threats = mailable.filter((row) => wants(recipient, row.level));
      if (!email || threats.length === 0) continue;
      const mail = threatDigest({
        recipient: { userId: recipient.userId, email },
        threats: threats.map((row) => ({
          guid: row.guid,
          classification: (JSON.parse(row.classifications) as string[]).join(', '),
          level: row.level as 'Low' | 'Medium' | 'High',
          deviceName: row.device_name ?? 'unknown device',
          userPrincipalName: row.upn ?? '',
          detectedAt: row.detected_at ?? options.now,
        })),
      });
      if (outbox.enqueue({ dedupeKey: `threatDigest:${recipient.userId}:${key(threats.map((row) => row.guid))}`, kind: 'threatDigest', to: [email], ...mail }, Date.now())) digests += 1;
    }
    const markThreat = db.prepare('UPDATE threats SET notified = 1 WHERE guid = ?');
    // Threats mailed now, and those that never will be (resolved, on a deactivated or unsupported device); a device not found yet gets a grace day.
    for (const row of handled) markThreat.run(row.guid);
    if (baseline && threatsReady) inventory.setCursor(NOTIFICATIONS_SINCE, String(options.now));
    for (const line of lookupErrors) recordSyncError(inventory, options.now, 'mail', null, line);
    let errorReports = 0;
    const unreported = errors();
    if (unreported.length > 0 && options.errorReportRecipients.length > 0) {
      const mail = errorReport({ errors: unreported.map((row) => ({ at: row.at, step: row.step, deviceId: row.device_id, message: row.message })) });
      const dedupeKey = `errorReport:${unreported[0]!.id}-${unreported.at(-1)!.id}`;
      if (outbox.enqueue({ dedupeKey, kind: 'errorReport', to: [...options.errorReportRecipients], ...mail }, Date.now())) errorReports += 1;
    }
    if (unreported.length > 0) db.prepare('UPDATE sync_errors SET reported = 1 WHERE id <= ? AND reported = 0').run(unreported.at(-1)!.id);
    return { digests, errorReports, baseline };
  });
}

function wants(recipient: NotificationRecipient, level: RiskLevel): boolean {
  const name = SWITCH[level];
  return name !== undefined && recipient[name];
}
