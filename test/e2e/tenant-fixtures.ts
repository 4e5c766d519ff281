// A foreign tenant for the console: the demo tenant served by another process, on
// loopback, without consent, on real time, reached only through MTD_CONSOLE_ENDPOINTS,
// as a customer's tenant would be. A twin built in this process from the same seed is
// the truth the screens are compared with. The console keeps its secrets and token cache
// under a test key store that lasts across its restarts, as the OS's does.
import { test as base, type Page } from '@playwright/test';
import { startServedTenant, type ServedTenant } from '../../bench/served-tenant';
import { createCore, type Core } from '../../electron/core/core';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { readProjectVersion, RENDERER_DIR } from '../../electron/host/project-paths';
import { createAesGcmCipher } from '../support/aes-gcm-cipher';
import { makeTempDir } from '../support/temp-dir';
import { closeOnce, E2E_STREAM_IDLE_MS } from './fixtures';

export const FOREIGN_SEED = 'fabrikam';
export const FOREIGN_DEVICES = 120;

interface Run {
  core: Core;
  host: BrowserHost;
}

export interface TenantFixtures {
  /** More of the served tenant's CLI flags, for a spec that overrides this fixture (e.g. --app-certificate <file>). */
  foreignArgs: string[];
  foreign: ServedTenant & { endpoints: { authorityHost: string; graphBaseUrl: string; lookoutBaseUrl: string } };
  twin: DemoTenant;
  demo: DemoTenant;
  /** The console's current run. */
  run: () => Run;
  /** Quits the console and starts it again on the same data folder and key store; opens it in the same tab. */
  restart: (page: Page) => Promise<void>;
  open: (page: Page) => Promise<void>;
}

export const test = base.extend<TenantFixtures & { runs: Run[]; demoConnection: TenantConnection }>({
  // eslint-disable-next-line no-empty-pattern
  foreignArgs: async ({}, use) => {
    await use([]);
  },
  foreign: async ({ foreignArgs }, use) => {
    const served = await startServedTenant({ devices: FOREIGN_DEVICES, seed: FOREIGN_SEED, extraArgs: ['--no-consent', '--real-time', ...foreignArgs] });
    const credentials = served.credentials as typeof served.credentials & { endpoints?: TenantFixtures['foreign']['endpoints'] };
    const endpoints = credentials.endpoints ?? { authorityHost: served.origin, graphBaseUrl: credentials.graphBaseUrl, lookoutBaseUrl: credentials.mraBaseUrl };
    await use(Object.assign(served, { endpoints }));
    await served.close();
  },
  // eslint-disable-next-line no-empty-pattern
  twin: async ({}, use) => {
    await use(createDemoTenant({ devices: FOREIGN_DEVICES, seed: FOREIGN_SEED, realTime: true }));
  },
  // eslint-disable-next-line no-empty-pattern
  demoConnection: async ({}, use) => {
    await use(connectDemoTenant({ devices: 60, seed: 'contoso' }));
  },
  demo: async ({ demoConnection }, use) => {
    await use(demoConnection.demoTenant!);
  },
  runs: async ({ foreign, demoConnection }, use) => {
    const temp = makeTempDir('mtd-console-tenant-e2e-');
    const cipher = createAesGcmCipher();
    const env = { MTD_CONSOLE_ENDPOINTS: JSON.stringify(foreign.endpoints) };
    const runs: Run[] = [];
    const start = async (): Promise<Run> => {
      const core = closeOnce(
        createCore({ version: readProjectVersion(), host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), engineLauncher: nodeEngineLauncher(), engineStreamIdleMs: E2E_STREAM_IDLE_MS, connect: () => demoConnection, cipher, env }),
      );
      const host = closeOnce(await startBrowserHost({ core, rendererDir: RENDERER_DIR, logger: createMemoryLogger() }));
      return { core, host };
    };
    runs.push(await start());
    (runs as Run[] & { start?: () => Promise<Run> }).start = start;
    await use(runs);
    for (const run of runs.reverse()) {
      await run.host.close();
      await run.core.close();
    }
    temp.cleanup();
  },
  run: async ({ runs }, use) => {
    await use(() => runs.at(-1)!);
  },
  open: async ({ runs }, use) => {
    await use(async (page) => {
      await page.goto(runs.at(-1)!.host.url);
    });
  },
  restart: async ({ runs }, use) => {
    await use(async (page) => {
      const previous = runs.at(-1)!;
      await previous.host.close();
      await previous.core.close();
      const next = await (runs as Run[] & { start: () => Promise<Run> }).start();
      runs.push(next);
      await page.goto(next.host.url);
    });
  },
});

export { expect } from '@playwright/test';
