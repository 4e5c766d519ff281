// A classification change through the real core and the engine's own process: it is
// counted before it is made, and once made the devices' threat levels, their compliance,
// the device detail and the dashboard's counts follow at once, without a poll, whether
// polling runs or is stopped. Security Policy counts the open threats per classification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threatStatusAt } from '../../electron/demo-tenant/agent-state';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { DEFAULT_THREAT_CLASSIFICATIONS, type RiskLevel } from '../../shared/domain/threat-classifications';
import { DEVICE_PAGE_MAX, type ClassificationRow, type Dashboard, type DeviceDetail, type DevicePage, type EngineStatusView, type Envelope, type RerateOutcome } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';
import { expectedCompliance, truth, type TruthRow } from '../support/tenant-truth';

const ADMIN: CallContext = { role: 'full', user: { id: 'u-admin', displayName: 'Ada Admin' } };
const READER: CallContext = { role: 'restricted', user: { id: 'u-reader', displayName: 'Rémi Reader' } };
const GROUPS = ['Mobile Users'];
const connector = { heartbeatMinutes: 15, enrollmentGroups: GROUPS, newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['secops@contoso.com'] };
const DAY = 86_400_000;

type Levels = Partial<Record<string, RiskLevel>>;
type Change = { classifications: ClassificationRow[]; rerated: RerateOutcome | null };

function defaultLevel(classification: string): RiskLevel {
  return DEFAULT_THREAT_CLASSIFICATIONS.find((entry) => entry.classification === classification)!.level;
}

/** What the devices' levels and compliance should be under these levels, from the tenant's own model. */
function expected(tenant: DemoTenant, levels: Levels): Map<string, TruthRow & { compliance: string | undefined }> {
  const rows = truth(tenant, GROUPS, { levels });
  return new Map([...rows].map(([id, row]) => [id, { ...row, compliance: expectedCompliance(tenant, tenant.devicesById.get(id)!, row) }]));
}

/** How many devices change level, and compliance, from one set of levels to another. */
function changesBetween(tenant: DemoTenant, from: Levels, to: Levels): { devices: number; compliance: number } {
  const before = expected(tenant, from);
  let devices = 0;
  let compliance = 0;
  for (const [id, row] of expected(tenant, to)) {
    if (row.level !== before.get(id)!.level) devices += 1;
    if (row.compliance !== before.get(id)!.compliance) compliance += 1;
  }
  return { devices, compliance };
}

describe('re-rating at once after a classification change', () => {
  const temp = makeTempDir('mtd-engine-rerate-');
  let core: Core;
  let connection: TenantConnection;
  let tenant: DemoTenant;
  const statuses: EngineStatusView[] = [];
  const call = async <T>(channel: string, payload?: unknown, context: CallContext = ADMIN): Promise<Envelope<T>> => (await core.dispatcher.dispatch(channel, payload, context)) as Envelope<T>;
  const result = async <T>(channel: string, payload?: unknown, context: CallContext = ADMIN): Promise<T> => {
    const envelope = await call<T>(channel, payload, context);
    if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
    return envelope.result;
  };
  const pollAfter = async (id: number | null): Promise<void> => {
    const started = Date.now();
    while (!statuses.some((status) => status.state === 'idle' && status.lastPoll !== null && status.lastPoll.id !== id)) {
      if (Date.now() - started > 60_000) throw new Error(`No poll after ${String(id)}; last status ${JSON.stringify(statuses.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const lastPollId = async (): Promise<number | null> => (await result<EngineStatusView>('engine.status')).lastPoll?.id ?? null;

  /** The console's view (Devices, as Restricted reads it) equals the model under these levels; the dashboard's counts follow. */
  const expectConsoleFollows = async (levels: Levels): Promise<void> => {
    const want = expected(tenant, levels);
    const page = await result<DevicePage>('devices.page', { filter: {}, sort: { column: 'deviceName', direction: 'asc' }, offset: 0, limit: DEVICE_PAGE_MAX }, READER);
    const rows = new Map(page.rows.map((row) => [row.id, row]));
    const threatLevels = { secured: 0, low: 0, medium: 0, high: 0 };
    const compliance = { compliant: 0, noncompliant: 0, noPartnerData: 0 };
    for (const [id, row] of want) {
      const seen = rows.get(id);
      expect(seen, `device ${id} in the inventory`).toBeDefined();
      expect(seen!.threatLevel, `threat level of ${id}`).toBe(row.level);
      if (row.compliance !== undefined) {
        expect(seen!.compliance, `compliance of ${id} (${row.state}, ${row.level})`).toBe(row.compliance);
        compliance[seen!.compliance] += 1;
      }
      if (row.state === 'active' || row.state === 'disconnected') threatLevels[row.level] += 1;
    }
    const dashboard = await result<Dashboard>('dashboard.get', undefined, READER);
    expect(dashboard.threatLevels).toEqual(threatLevels);
    expect(dashboard.compliance).toEqual(compliance);
  };

  /** The classification whose raise to High changes the most devices' levels (and some compliance). */
  const mostTelling = (): { classification: string; changes: { devices: number; compliance: number } } => {
    let best: { classification: string; changes: { devices: number; compliance: number } } | undefined;
    for (const entry of DEFAULT_THREAT_CLASSIFICATIONS) {
      if (entry.level === 'High') continue;
      const changes = changesBetween(tenant, {}, { [entry.classification]: 'High' });
      if (changes.compliance > 0 && (!best || changes.devices > best.changes.devices)) best = { classification: entry.classification, changes };
    }
    expect(best, 'a classification whose raise to High changes devices\' compliance').toBeDefined();
    return best!;
  };

  beforeAll(async () => {
    connection = connectDemoTenant({ devices: 400, seed: 'engine-rerate' });
    tenant = connection.demoTenant!;
    tenant.clock.setSpeed(0);
    // Twelve days in, the tenant has open threats of many classifications.
    tenant.clock.advance(12 * DAY);
    const launcher = nodeEngineLauncher();
    core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection, engineLauncher: launcher, engineStreamIdleMs: 200 });
    core.events.subscribe((event, payload) => {
      if (event === 'engine.status') statuses.push(payload as EngineStatusView);
    });
    await result('connector.save', connector);
    await pollAfter(null);
    expect(statuses.find((status) => status.lastPoll !== null)!.lastPoll!.errors).toEqual([]);
  }, 90_000);
  afterAll(async () => {
    await core.close();
    temp.cleanup();
  });

  it('counts the open threats per classification, for Restricted as for Full', async () => {
    const now = tenant.clock.now();
    const open = new Map<string, number>();
    for (const threat of tenant.data.threats) {
      if (threat.foundAt <= now && threatStatusAt(threat, now) === 'OPEN') open.set(threat.classification, (open.get(threat.classification) ?? 0) + 1);
    }
    expect(open.size, 'open threats of several classifications').toBeGreaterThan(3);
    for (const context of [READER, ADMIN]) {
      const { classifications } = await result<{ classifications: ClassificationRow[] }>('classifications.list', undefined, context);
      expect(classifications).toHaveLength(DEFAULT_THREAT_CLASSIFICATIONS.length);
      for (const row of classifications) expect(row.openThreats, `open threats of ${row.classification}`).toBe(open.get(row.classification) ?? 0);
    }
  });

  it('with polling stopped, a raised level is counted beforehand, then levels, compliance, device detail and dashboard follow without a poll', async () => {
    await result('engine.stop');
    await expectConsoleFollows({});
    const polls = await lastPollId();
    const { classification, changes } = mostTelling();
    const levels = { [classification]: 'High' as const };

    const impact = await result<RerateOutcome>('classifications.impact', { classification, level: 'High' });
    expect(impact).toMatchObject(changes);
    expect(impact.threats).toBeGreaterThan(0);
    // Asking changes nothing.
    await expectConsoleFollows({});

    const change = await result<Change>('classifications.setLevel', { classification, level: 'High' });
    expect(change.rerated).toEqual(impact);
    expect(change.classifications.find((row) => row.classification === classification)).toMatchObject({ level: 'High', defaultLevel: defaultLevel(classification) });
    await expectConsoleFollows(levels);

    // The device detail shows the threat at its new level.
    const target = [...expected(tenant, levels)].find(([id, row]) => row.level !== expected(tenant, {}).get(id)!.level)!;
    const detail = await result<DeviceDetail>('devices.detail', { id: target[0] }, READER);
    expect(detail.device.threatLevel).toBe('high');
    expect(detail.threats.filter((threat) => threat.status === 'open' && threat.classifications.includes(classification)).map((threat) => threat.level)).toContain('High');
    expect(await lastPollId()).toBe(polls);
    expect((await result<EngineStatusView>('engine.status')).state).toBe('stopped');

    // Setting the level it already has changes nothing more.
    expect((await result<Change>('classifications.setLevel', { classification, level: 'High' })).rerated).toEqual({ devices: 0, compliance: 0, threats: 0 });

    // A poll afterwards agrees with what the re-rating wrote.
    await result('engine.start');
    await pollAfter(polls);
    await expectConsoleFollows(levels);
  });

  it('while polling runs, a reset is counted beforehand and applied at once, and no poll is started for it', async () => {
    const before = await result<{ classifications: ClassificationRow[] }>('classifications.list');
    const overrides: Levels = Object.fromEntries(before.classifications.filter((row) => row.level !== row.defaultLevel).map((row) => [row.classification, row.level]));
    expect(Object.keys(overrides)).toHaveLength(1);
    // Another change first, lowering a High classification to None.
    const high = DEFAULT_THREAT_CLASSIFICATIONS.find((entry) => entry.level === 'High' && changesBetween(tenant, overrides, { ...overrides, [entry.classification]: 'None' }).devices > 0)!;
    expect(high, 'a High classification whose lowering changes devices').toBeDefined();
    const lowered = { ...overrides, [high.classification]: 'None' as const };
    const lowering = await result<Change>('classifications.setLevel', { classification: high.classification, level: 'None' });
    expect(lowering.rerated).toMatchObject(changesBetween(tenant, overrides, lowered));
    await expectConsoleFollows(lowered);

    const polls = await lastPollId();
    expect(['idle', 'polling']).toContain((await result<EngineStatusView>('engine.status')).state);
    const impact = await result<RerateOutcome>('classifications.impact', { reset: true });
    expect(impact).toMatchObject(changesBetween(tenant, lowered, {}));
    const reset = await result<Change>('classifications.reset');
    expect(reset.rerated).toEqual(impact);
    expect(reset.classifications.every((row) => row.level === row.defaultLevel)).toBe(true);
    await expectConsoleFollows({});
    expect(await lastPollId()).toBe(polls);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = await result<{ classifications: ClassificationRow[] }>('classifications.list');
    const attempts: [string, unknown, string][] = [
      ['classifications.impact', { classification: 'NOT_A_THREAT', level: 'High' }, 'classification'],
      ['classifications.impact', { classification: 'trojan', level: 'High' }, 'classification'],
      ['classifications.impact', { classification: "TROJAN'; DROP TABLE threats; --", level: 'High' }, 'classification'],
      ['classifications.impact', { classification: '\uD800TROJAN', level: 'High' }, 'classification'],
      ['classifications.impact', { classification: '__proto__', level: 'High' }, 'classification'],
      ['classifications.setLevel', { classification: '__proto__', level: 'High' }, 'classification'],
      ['classifications.setLevel', { classification: 'T'.repeat(200), level: 'High' }, 'classification'],
    ];
    for (const [channel, payload, field] of attempts) {
      expect(await call(channel, payload), `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'validation', field } });
    }
    const malformed: unknown[] = [
      { classification: 'TROJAN', level: 'high' },
      { classification: 'TROJAN', level: 'Critical' },
      { classification: 'TROJAN', level: 3 },
      { classification: '', level: 'High' },
      { classification: 'T'.repeat(65), level: 'High' },
      { classification: ['TROJAN'], level: 'High' },
      { classification: 'TROJAN', level: 'High', apply: true },
      { reset: false },
      { reset: 'true' },
      { reset: true, classification: 'TROJAN' },
      {},
      null,
      '<script>alert(1)</script>',
    ];
    for (const payload of malformed) {
      const answer = await call('classifications.impact', payload);
      expect(answer, `impact ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await call('classifications.reset', { reset: true })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await result('classifications.list')).toEqual(before);
  });

  it('lets Restricted read the counts but refuses its changes and its impact questions', async () => {
    const before = await result<{ classifications: ClassificationRow[] }>('classifications.list');
    expect(await call('classifications.setLevel', { classification: 'TROJAN', level: 'None' }, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('classifications.reset', undefined, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('classifications.impact', { reset: true }, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('classifications.impact', { reset: true }, { role: null })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await result('classifications.list', undefined, READER)).toEqual(before);
    await expectConsoleFollows({});
  });
});
