// The engine channels in main: status, start, stop, poll now and the impact of
// removing enrollment groups, over the engine host; the demo tenant is served on
// loopback for the engine's process, which reaches it as it would a real tenant.
import { AppError, type DriftReportView, type EngineStatusView, type RemovalImpactView } from '../../../shared/ipc';
import { serveDemoTenant, type ServedDemoTenant } from '../../demo-tenant/serve-demo-tenant';
import type { ClockAnchor, TenantEndpoints } from '../../engine/engine-protocol';
import type { Logger } from '../logger';
import type { TenantConnection } from '../tenant-connection';
import type { EngineHost } from './engine-host';

const WITHOUT_ENGINE: EngineStatusView = { state: 'stopped', phase: null, progress: null, lastPoll: null, nextPollAt: null };

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
  return {
    status: (): EngineStatusView => host?.status() ?? WITHOUT_ENGINE,
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
    async drift(): Promise<DriftReportView> {
      return (await require().query({ kind: 'drift' })) as DriftReportView;
    },
    async removalImpact(request: { names: string[] }): Promise<RemovalImpactView> {
      return (await require().query({ kind: 'removalImpact', groupNames: request.names })) as RemovalImpactView;
    },
  };
}
