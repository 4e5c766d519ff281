// Every sign-in, consent and configuration change (who, when, before/after), as
// JSON Lines in the data folder: appended, never rewritten.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { csvCell } from '../../../shared/domain/csv-cell';
import { auditEntrySchema, type AuditEntry, type AuditFilter } from '../../../shared/ipc';
import type { Logger } from '../../http/logger';

export const AUDIT_FILE_NAME = 'audit-log.jsonl';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/** Who made an entry, by name and, where the session knows it, by e-mail address. */
export interface AuditedUser {
  displayName: string;
  userPrincipalName?: string | undefined;
}

export function auditActor(user: AuditedUser | undefined): Pick<AuditEntry, 'actor' | 'actorUpn'> {
  if (!user) return { actor: 'unknown' };
  return user.userPrincipalName ? { actor: user.displayName, actorUpn: user.userPrincipalName } : { actor: user.displayName };
}

export class AuditLog {
  private readonly file: string;
  private readonly entries: AuditEntry[] = [];

  constructor(
    dataDir: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, AUDIT_FILE_NAME);
    if (!fs.existsSync(this.file)) return;
    const lines = fs.readFileSync(this.file, 'utf8').split('\n');
    let skipped = 0;
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        this.entries.push(auditEntrySchema.parse(JSON.parse(line)));
      } catch {
        skipped += 1;
      }
    }
    if (skipped > 0) logger.warn(`audit log: skipped ${skipped} unreadable line(s) in ${this.file}`);
  }

  record(entry: NewAuditEntry): AuditEntry {
    const full: AuditEntry = { id: crypto.randomUUID(), at: this.now().toISOString(), ...entry };
    fs.appendFileSync(this.file, `${JSON.stringify(full)}\n`, { mode: 0o600 });
    this.entries.push(full);
    return full;
  }

  /** Newest first. */
  query(filter: AuditFilter): AuditEntry[] {
    const from = filter.from ? Date.parse(filter.from) : Number.NEGATIVE_INFINITY;
    const to = filter.to ? Date.parse(filter.to) : Number.POSITIVE_INFINITY;
    const actor = filter.actor?.toLowerCase();
    const out: AuditEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      const at = Date.parse(entry.at);
      if (at < from || at > to) continue;
      if (filter.action && entry.action !== filter.action) continue;
      if (actor && !entry.actor.toLowerCase().includes(actor) && !entry.actorUpn?.toLowerCase().includes(actor)) continue;
      out.push(entry);
    }
    return out;
  }

  page(filter: AuditFilter, offset: number, limit: number): { entries: AuditEntry[]; total: number } {
    const all = this.query(filter);
    return { entries: all.slice(offset, offset + limit), total: all.length };
  }
}

const CSV_HEADER = ['when', 'who', 'action', 'target', 'outcome', 'field', 'before', 'after'];

/** Every audit cell is quoted; a value that is not text is written as its JSON. */
function auditCell(value: unknown): string {
  return csvCell(value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value), 'always');
}

/** One row per changed field (an entry without changes gets one row). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = [CSV_HEADER.map(auditCell).join(',')];
  for (const entry of entries) {
    const changes = entry.changes.length > 0 ? entry.changes : [{ field: '', before: undefined, after: undefined }];
    for (const change of changes) {
      rows.push([entry.at, entry.actor, entry.action, entry.target, entry.outcome, change.field, change.before, change.after].map(auditCell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Field-by-field differences between two JSON-like values, named by dotted path. */
export function diff(before: unknown, after: unknown, prefix = ''): { field: string; before: unknown; after: unknown }[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  // Created or deleted objects (a connector) list each field, against nothing.
  if (isObject(before) && (after === null || after === undefined)) return diff(before, {}, prefix);
  if (isObject(after) && (before === null || before === undefined)) return diff({}, after, prefix);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diff(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ field: prefix, before: before ?? null, after: after ?? null }];
}
