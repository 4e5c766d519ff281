import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_FILE_NAME, AuditLog, auditCsv, diff } from '../../electron/core/audit/audit-log';
import { createMemoryLogger } from '../../electron/http/logger';
import { makeTempDir } from '../support/temp-dir';

const temps: { cleanup: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
function folder(): string {
  const temp = makeTempDir('mtd-audit-');
  temps.push(temp);
  return temp.dir;
}

describe('AuditLog', () => {
  it('keeps entries across restarts, newest first, and filters by action, actor and time', () => {
    const dir = folder();
    let clock = Date.parse('2026-11-01T00:00:00Z');
    const log = new AuditLog(dir, createMemoryLogger(), () => new Date((clock += 60_000)));
    log.record({ actor: 'Ada', action: 'settings.changed', target: 'Security Policy', outcome: 'ok', changes: [{ field: 'classification.TROJAN', before: 'High', after: 'Low' }] });
    log.record({ actor: 'Ben', action: 'connector.created', target: 'Intune connector', outcome: 'ok', changes: [] });
    log.record({ actor: 'Ada', action: 'call.denied', target: 'connector.save', outcome: 'denied', changes: [] });
    const reopened = new AuditLog(dir, createMemoryLogger());
    expect(reopened.query({}).map((e) => e.action)).toEqual(['call.denied', 'connector.created', 'settings.changed']);
    expect(reopened.query({ actor: 'ada' })).toHaveLength(2);
    expect(reopened.query({ action: 'connector.created' })).toHaveLength(1);
    expect(reopened.query({ from: '2026-11-01T00:02:00.000Z', to: '2026-11-01T00:02:00.000Z' }).map((e) => e.actor)).toEqual(['Ben']);
    expect(reopened.page({}, 1, 1)).toMatchObject({ total: 3, entries: [{ action: 'connector.created' }] });
  });

  it('skips an unreadable line instead of losing the whole log', () => {
    const dir = folder();
    new AuditLog(dir, createMemoryLogger()).record({ actor: 'Ada', action: 'sign-in', target: 'console', outcome: 'ok', changes: [] });
    fs.appendFileSync(path.join(dir, AUDIT_FILE_NAME), '{"broken":\n');
    const logger = createMemoryLogger();
    expect(new AuditLog(dir, logger).query({})).toHaveLength(1);
    expect(logger.entries[0]?.message).toContain('skipped 1 unreadable line');
  });
});

describe('auditCsv', () => {
  it('writes one row per changed field, quoted, and defuses formulas', () => {
    const csv = auditCsv([
      { id: '1', at: '2026-11-01T00:00:00.000Z', actor: '=HYPERLINK("http://x")', action: 'settings.changed', target: 'Access', outcome: 'ok', changes: [{ field: 'access.tenantId', before: null, after: 'a"b' }, { field: 'access.x', before: '+1', after: '@cmd' }] },
      { id: '2', at: '2026-11-01T00:01:00.000Z', actor: 'Ben', action: 'connector.deleted', target: 'Intune connector', outcome: 'ok', changes: [] },
    ]);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('"when","who","action","target","outcome","field","before","after"');
    expect(rows[1]).toBe(`"2026-11-01T00:00:00.000Z","'=HYPERLINK(""http://x"")","settings.changed","Access","ok","access.tenantId","","a""b"`);
    expect(rows[2]).toContain(`"'+1","'@cmd"`);
    expect(rows[3]).toBe('"2026-11-01T00:01:00.000Z","Ben","connector.deleted","Intune connector","ok","","",""');
  });
});

describe('diff', () => {
  it('names each changed field by path, including created and deleted objects', () => {
    expect(diff({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 } })).toEqual([{ field: 'b.c', before: 2, after: 3 }]);
    expect(diff(null, { x: 1 }, 'connector')).toEqual([{ field: 'connector.x', before: null, after: 1 }]);
    expect(diff({ list: ['a'] }, { list: ['a', 'b'] })).toEqual([{ field: 'list', before: ['a'], after: ['a', 'b'] }]);
    expect(diff({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
