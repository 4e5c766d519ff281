// The engine channels in main: status, start, stop, poll now and the impact of
// removing enrollment groups, over the engine host; the demo tenant is served on
// loopback for the engine's process, which reaches it as it would a real tenant.
import {
  AppError,
  type Dashboard,
  type DeviceDetail,
  type DeviceFilter,
  type DevicePage,
  type DevicePageRequest,
  type ThreatOptions,
  type ThreatPage,
  type ThreatPageRequest,
  type DeviceSort,
  type DriftReportView,
  type EngineStatusView,
  type RemovalImpactView,
  type RerateOutcome,
  type SyncNowResultView,
} from '../../../shared/ipc';
import type { ClassificationLevels } from '../../../shared/domain/threat-level';
import { serveDemoTenant, type ServedDemoTenant } from '../../demo-tenant/serve-demo-tenant';
import type { ClockAnchor, TenantEndpoints } from '../../engine/engine-protocol';
import type { Logger } from '../../http/logger';
import type { TenantConnection } from '../tenant-connection';
import type { EngineHost } from './engine-host';

const EMPTY_DASHBOARD: Dashboard = {
  asOf: null,
  counts: { pending: 0, active: 0, disconnected: 0, deactivated: 0 },
  unsupported: 0,
  trend: [],
  threatLevels: { secured: 0, low: 0, medium: 0, high: 0 },
  compliance: { compliant: 0, noncompliant: 0, noPartnerData: 0 },
  health: { lastHeartbeatAt: null, partnerState: null, unresponsiveAfterDays: null, daysLeft: null, lastErrors: [], heartbeats: { days: [], lastAttempt: null, hoursLeft: null, warning: null } },
  stateSync: null,
  enrollmentGroups: [],
  platforms: [],
};

const WITHOUT_ENGINE: EngineStatusView = { state: 'stopped', phase: null, progress: null, lastPoll: null, nextPollAt: null, offlineSince: null };

export function demoEndpoints(tenant: () => TenantConnection): { endpoints: () => Promise<TenantEndpoints>; clock: () => ClockAnchor; close: () => Promise<void> } {
  let served: Promise<ServedDemoTenant> | undefined;
  return {
    async endpoints() {
      const connection = tenant();
      if (!connection.demoTenant) throw new AppError({ code: 'unavailable', message: 'Polling a real tenant is not set up yet: the console polls its demo tenant.' });
      served ??= serveDemoTenant(connection.demoTenant);
      return { mode: 'demo', ...(await served).credentials };
    },
    clock() {
      const clock = tenant().demoTenant?.clock;
      const realTime = Date.now();
      return clock ? { tenantTime: clock.now(), realTime, speed: clock.getSpeed() } : { tenantTime: realTime, realTime, speed: 1 };
    },
    async close() {
      if (served) await (await served).close();
    },
  };
}

export function createEngineService(host: EngineHost | undefined, logger: Logger, configured: () => boolean) {
  const require = (): EngineHost => {
    if (!host) throw new AppError({ code: 'unavailable', message: 'The polling engine does not run in this host.' });
    return host;
  };
  // Reading the inventory never starts the engine's process: without a connector there is nothing to read.
  const reader = (): EngineHost | null => (host && configured() ? host : null);
  return {
    // Without a connector there is nothing to poll, whatever the process last said.
    status: (): EngineStatusView => (configured() ? (host?.status() ?? WITHOUT_ENGINE) : { ...(host?.status() ?? WITHOUT_ENGINE), state: 'notConfigured', phase: null, progress: null, nextPollAt: null }),
    async start(): Promise<EngineStatusView> {
      await require().start();
      return require().status();
    },
    async stop(): Promise<EngineStatusView> {
      await require().stop();
      return require().status();
    },
    pollNow(request: { full?: boolean | undefined }): EngineStatusView {
      const engine = require();
      if (!configured()) throw new AppError({ code: 'conflict', message: 'Add the Intune connector first: there is nothing to poll yet.' });
      engine.pollNow({ full: request.full === true }).catch((error: unknown) => logger.warn(`The poll did not finish: ${String(error)}`));
      return engine.status();
    },
    async dashboard(): Promise<Dashboard> {
      const engine = reader();
      return engine ? await engine.query({ kind: 'dashboard' }) : EMPTY_DASHBOARD;
    },
    async devicePage(request: DevicePageRequest): Promise<DevicePage> {
      const engine = reader();
      return engine ? await engine.query({ kind: 'devicePage', request }) : { total: 0, offset: request.offset, rows: [] };
    },
    async deviceDetail(id: string): Promise<DeviceDetail> {
      const engine = reader();
      const detail = engine ? await engine.query({ kind: 'deviceDetail', id }) : null;
      if (!detail) throw new AppError({ code: 'not_found', message: `There is no device ${id.slice(0, 64)} in the inventory.` });
      return detail;
    },
    async devicesCsv(request: { filter: DeviceFilter; sort: DeviceSort }): Promise<{ filename: string; csv: string; rows: number }> {
      const { csv, rows } = await require().query({ kind: 'devicesCsv', filter: request.filter, sort: request.sort });
      return { filename: `mtd-console-devices-${new Date().toISOString().slice(0, 10)}.csv`, csv, rows };
    },
    async threatPage(request: ThreatPageRequest): Promise<ThreatPage> {
      const engine = reader();
      return engine ? await engine.query({ kind: 'threatPage', request }) : { total: 0, offset: request.offset, rows: [] };
    },
    async threatOptions(): Promise<ThreatOptions> {
      const engine = reader();
      return engine ? await engine.query({ kind: 'threatOptions' }) : { classifications: [], platforms: [] };
    },
    async drift(): Promise<DriftReportView> {
      return require().query({ kind: 'drift' });
    },
    /** What rating the inventory with these levels changes (written when apply is set); null without an inventory. */
    async rerate(levels: ClassificationLevels, apply: boolean): Promise<RerateOutcome | null> {
      const engine = reader();
      return engine ? await engine.query({ kind: 'rerate', levels, apply }) : null;
    },
    async openThreatCounts(): Promise<Record<string, number>> {
      const engine = reader();
      return engine ? await engine.query({ kind: 'openThreatCounts' }) : {};
    },
    /** A poll with state sync, at once: the devices in drift (or changed since the last report) go to Intune. */
    async syncNow(): Promise<SyncNowResultView> {
      const engine = require();
      if (!configured()) throw new AppError({ code: 'conflict', message: 'Add the Intune connector first: there is no state to sync yet.' });
      const poll = await engine.pollNow({ sync: true });
      if (poll.outcome === 'aborted') throw new AppError({ code: 'unavailable', message: 'The sync was stopped before the end (polling was stopped). Nothing more was sent.' });
      const { mode, sent, unknownDevices, failedBatches } = poll.stateSync;
      if (mode === null) {
        const why = poll.errors.map((error) => error.message).join(' ');
        throw new AppError({ code: 'unavailable', message: `State sync could not run${why ? `: ${why}` : '.'}` });
      }
      const drift = await engine.query({ kind: 'drift' });
      return { mode, reported: sent, unknownDevices, failedBatches, errors: poll.errors, drift };
    },
    async removalImpact(request: { names: string[] }): Promise<RemovalImpactView> {
      return require().query({ kind: 'removalImpact', groupNames: request.names });
    },
  };
}
