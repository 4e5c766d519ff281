// The polling engine in process against an in-process demo tenant (frozen clock),
// through the real Graph, Mobile Risk and partner clients.
import path from 'node:path';
import { ClientCredentialsProvider } from '../../electron/auth/client-credentials-provider';
import { createDemoTenant, type DemoTenant, type DemoTenantOptions } from '../../electron/demo-tenant/demo-tenant';
import { ENGINE_DEFAULTS, type EngineConfig } from '../../electron/engine/engine-config';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { PollingEngine } from '../../electron/engine/polling-engine';
import { createPartnerClient } from '../../electron/engine/state-sync/partner-client';
import { createGraphClient } from '../../electron/graph/graph-client';
import type { Mailer } from '../../electron/mail/mailer';
import { connectMobileRisk } from '../../electron/mobile-risk/mobile-risk-client';
import { makeTempDir } from './temp-dir';

export interface EngineHarness {
  tenant: DemoTenant;
  inventory: Inventory;
  engine: PollingEngine;
  config: EngineConfig;
  graphRequests(): number;
  /** A fresh inventory and engine on the same data folder: what a restart does. */
  restart(): void;
  close(): void;
}

export function engineConfig(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return {
    enrollmentGroups: ['Mobile Users'],
    newDeviceCheckMinutes: 5,
    heartbeatMinutes: 15,
    stateSync: { deviceStatus: true, threatStatus: true },
    errorReportRecipients: ['secops@contoso.example'],
    disconnectedAfterDays: 7,
    classificationLevels: {},
    notificationRecipients: [],
    ...ENGINE_DEFAULTS,
    ...overrides,
  };
}

export function createEngineHarness(options: DemoTenantOptions & { config?: Partial<EngineConfig>; mailer?: () => Mailer | undefined; tenant?: DemoTenant; reportOnly?: boolean } = {}): EngineHarness {
  const tenant = options.tenant ?? createDemoTenant({ seed: 'engine', devices: 200, speed: 0, ...options });
  const credentials = tenant.credentials();
  let graphRequests = 0;
  const graphFetch: typeof fetch = (input, init) => {
    graphRequests += 1;
    return tenant.fetch(input as string, init);
  };
  const retry = { maxAttempts: 6, backoff: { baseMs: 20, capMs: 200 } };
  const tokens = new ClientCredentialsProvider({ tokenUrl: credentials.tokenUrl, clientId: credentials.clientId, clientSecret: credentials.clientSecret, scope: 'https://graph.microsoft.com/.default', fetch: tenant.fetch });
  const graph = createGraphClient({ baseUrl: credentials.graphBaseUrl, tokens, fetch: graphFetch, retry });
  const partner = createPartnerClient(createGraphClient({ baseUrl: credentials.partnerBaseUrl, tokens, fetch: tenant.fetch, retry }));
  const mobileRisk = connectMobileRisk({ baseUrl: credentials.mraBaseUrl, appKey: credentials.mraAppKey, fetch: tenant.fetch, retry, stream: { backoff: { baseMs: 20, capMs: 200 } } });
  const temp = makeTempDir('mtd-engine-');
  const config = engineConfig(options.config);
  const harness: EngineHarness = {
    tenant,
    config,
    inventory: undefined as unknown as Inventory,
    engine: undefined as unknown as PollingEngine,
    graphRequests: () => graphRequests,
    restart() {
      harness.inventory?.close();
      harness.inventory = new Inventory(path.join(temp.dir, 'inventory.sqlite'));
      harness.engine = new PollingEngine({
        inventory: harness.inventory,
        graph,
        mobileRisk,
        partner: options.reportOnly ? undefined : partner,
        now: () => tenant.clock.now(),
        graphRequests: () => graphRequests,
        streamIdleMs: 150,
        streamConnectTimeoutMs: 3000,
        ...(options.mailer ? { mailer: options.mailer } : {}),
      });
      harness.engine.configure(harness.config);
    },
    close() {
      harness.inventory.close();
      temp.cleanup();
    },
  };
  harness.restart();
  return harness;
}

/** Each device's state as the inventory holds it. */
export function statesById(inventory: Inventory): Map<string, string | null> {
  const rows = inventory.db.prepare('SELECT id, state FROM devices').all() as { id: string; state: string | null }[];
  return new Map(rows.map((row) => [row.id, row.state]));
}
