// `npm run bench`: speed figures, printed as a table and merged into bench/results.json.
// Targets loopback only; every loop is bounded.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { createMemoryLogger } from '../electron/http/logger';
import { startBrowserHost } from '../electron/host/browser-host';
import { PROJECT_ROOT, RENDERER_DIR, readProjectVersion } from '../electron/host/project-paths';
import { makeTempDir } from '../test/support/temp-dir';
import { perUserBaseline, sdkPageIteratorBaseline } from './baselines';
import { dashboardBench } from './dashboard';
import { discoveryBench } from './discovery';
import { percentile, report, round, type Figures } from './results-file';
import { startServedTenant, type ServedTenant } from './served-tenant';

const CALLS = 1000;
const SERVED_DEVICES = 100_000;
const SERVED_LATENCY_MS = 50;

/** A benchmark run against the tenant served in its own process (100,000 devices, 50 ms per request). */
type TenantStep = (served: ServedTenant) => Promise<Record<string, Figures>>;

const tenantSteps: TenantStep[] = [
  // The engine measures in its own process; it runs first so the tenant has served nothing else yet.
  discoveryBench,
  async (served) => ({ 'baseline.sdkPageIterator.100k': { ...(await sdkPageIteratorBaseline(served)), latencyMs: served.latencyMs } }),
  async (served) => {
    const figures = await perUserBaseline(served);
    return { 'baseline.perUser.100k': { ...figures, latencyMs: served.latencyMs, note: `wallMs and graphRequests extrapolated from ${figures.sampled} sampled users to ${figures.users}` } };
  },
];

async function timeCalls(call: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < 50; i++) await call(); // warm-up
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  }
  const wallMs = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { calls: CALLS, medianMs: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)), callsPerSecond: Math.round((CALLS / wallMs) * 1000) };
}

const temp = makeTempDir('mtd-console-bench-');
const logger = createMemoryLogger();
const t0 = performance.now();
const core = createCore({ version: readProjectVersion(), host: 'browser', dataDir: temp.dir, logger });
const host = await startBrowserHost({ core, rendererDir: RENDERER_DIR, logger });
const startMs = performance.now() - t0;

const cookie = `${host.cookieName}=${host.token}`;
const results: Record<string, Figures> = {
  'host.start': { wallMs: round(startMs, 1) },
  'core.dispatch.appInfo': await timeCalls(() => core.dispatcher.dispatch('app.info', undefined, { role: null })),
  'host.call.appInfo': await timeCalls(async () => {
    const response = await fetch(`${host.origin}/api/call/app.info`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    await response.json();
  }),
};

// The 100,000-device demo tenant, built in a fresh process so its RSS is the build's own.
const build = spawnSync(process.execPath, ['--import', 'tsx', 'electron/demo-tenant/cli.ts', '--devices', '100000', '--exit-after-build'], { encoding: 'utf8', cwd: PROJECT_ROOT });
const line = build.stdout.split('\n').find((l) => l.startsWith('DEMO_TENANT '));
if (line) {
  const built = JSON.parse(line.slice('DEMO_TENANT '.length)) as { buildMs: number; rssMb: number };
  results['demoTenant.build.100k'] = { wallMs: built.buildMs, peakRssMb: built.rssMb, targetWallMs: 10_000, targetRssMb: 500 };
}

const served = await startServedTenant({ devices: SERVED_DEVICES, latencyMs: SERVED_LATENCY_MS });
try {
  for (const step of tenantSteps) Object.assign(results, await step(served));
} finally {
  await served.close();
}

// The console in Chromium on a 100,000-device inventory.
Object.assign(results, await dashboardBench());

const assets = path.join(RENDERER_DIR, 'assets');
if (fs.existsSync(assets)) {
  const bytes = fs.readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + fs.statSync(path.join(assets, f)).size, 0);
  results['renderer.bundle'] = { jsBytes: bytes };
}

await host.close();
await core.close();
temp.cleanup();
report(results);
