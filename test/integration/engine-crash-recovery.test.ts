// The engine's process killed in the middle of a poll: after a restart the inventory
// passes SQLite's integrity check, equals what an uninterrupted run produces, and no
// mail reaches the SMTP server twice.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleLogger } from '../../electron/http/logger';
import { EngineHost } from '../../electron/core/engine/engine-host';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import type { EngineStatus } from '../../electron/engine/polling-engine';
import { engineConfig } from '../support/engine-harness';
import { inventorySnapshot } from '../support/inventory-snapshot';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { makeTempDir } from '../support/temp-dir';

const DAY = 86_400_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Run {
  tenant: DemoTenant;
  served: ServedDemoTenant;
  smtp: SmtpSink;
  dataDir: string;
  host: EngineHost;
  statuses: EngineStatus[];
}

async function startRun(): Promise<Run> {
  // The same seed gives the same tenant: one per run, as the partner sync writes to it.
  const tenant = createDemoTenant({ seed: 'crash', devices: 3000, speed: 0 });
  const served = await serveDemoTenant(tenant);
  const smtp = await startSmtpSink();
  const temp = makeTempDir('mtd-crash-');
  cleanups.push(() => served.close(), () => smtp.close(), () => temp.cleanup());
  const fullAccess = tenant.data.users.find((user) => user.role === 'full')!;
  const config = engineConfig({ enrollmentGroups: ['Mobile Users', 'Mobile Pilot'], notificationRecipients: [{ userId: fullAccess.id, high: true, medium: true, low: true }] });
  const statuses: EngineStatus[] = [];
  const host = new EngineHost({
    launcher: nodeEngineLauncher(),
    dataDir: temp.dir,
    logger: createConsoleLogger('engine-test'),
    endpoints: async () => ({ mode: 'demo', ...served.credentials }),
    clock: () => ({ tenantTime: tenant.clock.now(), realTime: Date.now(), speed: 0 }),
    config: () => config,
    smtp: () => ({ settings: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'mtd-console@contoso.example', passwordSet: false }, password: undefined }),
    onStatus: (status) => statuses.push(status),
    streamIdleMs: 300,
    restartDelayMs: 50,
  });
  cleanups.push(() => host.close());
  return { tenant, served, smtp, dataDir: temp.dir, host, statuses };
}

/** A baseline poll, then two days of the tenant's life, then the poll under test. */
async function baselineThenAdvance(run: Run): Promise<void> {
  const first = await run.host.pollNow({ full: true, sync: true });
  expect(first.errors).toEqual([]);
  run.tenant.clock.advance(2 * DAY);
  run.host.clockChanged();
}

function waitFor(run: Run, predicate: (status: EngineStatus) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (run.statuses.some(predicate)) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
}

function messageIds(smtp: SmtpSink): string[] {
  return smtp.received.map((mail) => mail.messageId);
}

describe('engine crash recovery', () => {
  it.each([
    ['discovery', (status: EngineStatus) => status.state === 'polling' && status.phase === 'discovery'],
    ['telemetry', (status: EngineStatus) => status.phase === 'telemetry' && (status.progress?.done ?? 0) > 0],
    ['state sync', (status: EngineStatus) => status.phase === 'stateSync'],
  ])('killed during %s, the restarted engine ends where an uninterrupted run ends, with no mail twice', async (_label, killWhen) => {
    const reference = await startRun();
    await baselineThenAdvance(reference);
    const uninterrupted = await reference.host.pollNow({ full: true, sync: true });
    expect(uninterrupted.errors).toEqual([]);
    expect(reference.smtp.received.length).toBeGreaterThan(0);

    const crashed = await startRun();
    await baselineThenAdvance(crashed);
    crashed.statuses.length = 0;
    const victimPid = crashed.host.pid;
    const interrupted = crashed.host.pollNow({ full: true, sync: true });
    await waitFor(crashed, killWhen);
    process.kill(victimPid!, 'SIGKILL');
    await expect(interrupted).rejects.toThrow(/ended/);
    // The host starts a new process; the next poll finishes the interrupted one's work.
    const recovered = await crashed.host.pollNow({ full: true, sync: true });
    expect(crashed.host.pid).not.toBe(victimPid);
    expect(recovered.errors).toEqual([]);

    expect(await crashed.host.query({ kind: 'integrityCheck' })).toBe('ok');
    await crashed.host.close();
    await reference.host.close();
    expect(inventorySnapshot(path.join(crashed.dataDir, 'inventory.sqlite'))).toEqual(inventorySnapshot(path.join(reference.dataDir, 'inventory.sqlite')));
    expect(new Set(messageIds(crashed.smtp)).size).toBe(crashed.smtp.received.length);
    expect(crashed.smtp.received.map((mail) => mail.subject).sort()).toEqual(reference.smtp.received.map((mail) => mail.subject).sort());
  }, 60_000);
});
