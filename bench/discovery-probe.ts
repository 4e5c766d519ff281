// Runs in its own process (the engine's host process in the app): a full discovery of
// the served tenant, then an incremental one with no changes, and reports wall time,
// Graph requests, peak RSS and event-loop delay as one line `DISCOVERY {json}`.
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ClientCredentialsProvider } from '../electron/auth/client-credentials-provider';
import type { DemoTenantCredentials } from '../electron/demo-tenant/demo-tenant';
import { discover } from '../electron/engine/discovery/incremental-discovery';
import { ENGINE_DEFAULTS } from '../electron/engine/engine-config';
import type { EngineContext } from '../electron/engine/engine-context';
import { Inventory } from '../electron/engine/inventory/inventory';
import { createGraphClient } from '../electron/graph/graph-client';
import { connectMobileRisk } from '../electron/mobile-risk/mobile-risk-client';
import { makeTempDir } from '../test/support/temp-dir';

const credentials = JSON.parse(process.argv[2] ?? '{}') as DemoTenantCredentials & { startTime: number };
const temp = makeTempDir('mtd-bench-discovery-');
let graphRequests = 0;
const countingFetch: typeof fetch = (input, init) => {
  graphRequests += 1;
  return fetch(input, init);
};
const tokens = new ClientCredentialsProvider({ tokenUrl: credentials.tokenUrl, clientId: credentials.clientId, clientSecret: credentials.clientSecret, scope: 'https://graph.microsoft.com/.default' });
const inventory = new Inventory(path.join(temp.dir, 'inventory.sqlite'));
const context: EngineContext = {
  inventory,
  graph: createGraphClient({ baseUrl: credentials.graphBaseUrl, tokens, fetch: countingFetch }),
  mobileRisk: connectMobileRisk({ baseUrl: credentials.mraBaseUrl, appKey: credentials.mraAppKey }),
  partner: undefined,
  config: {
    enrollmentGroups: ['Mobile Users', 'Mobile Pilot', 'All Mobile Staff', 'Sales Devices', 'Sales devices'],
    newDeviceCheckMinutes: 5,
    heartbeatMinutes: 15,
    stateSync: { deviceStatus: true, threatStatus: true },
    errorReportRecipients: [],
    disconnectedAfterDays: 7,
    classificationLevels: {},
    notificationRecipients: [],
    ...ENGINE_DEFAULTS,
  },
  // The served tenant's clock is frozen at its start time.
  now: () => credentials.startTime,
  signal: new AbortController().signal,
  progress: () => undefined,
};

async function measure(full: boolean) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const before = graphRequests;
  loop.enable();
  const started = performance.now();
  const summary = await discover(context, full);
  const wallMs = performance.now() - started;
  loop.disable();
  return {
    wallMs: Math.round(wallMs),
    graphRequests: graphRequests - before,
    eventLoopP99Ms: Math.round((loop.percentile(99) / 1e6) * 10) / 10,
    users: summary.users,
    enrolled: summary.enrolled,
    unsupported: summary.unsupported,
    kind: summary.kind,
  };
}

try {
  const fullRun = await measure(true);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const incremental = await measure(false);
  process.stdout.write(`DISCOVERY ${JSON.stringify({ full: { ...fullRun, peakRssMb }, incremental })}\n`);
} finally {
  inventory.close();
  temp.cleanup();
}
