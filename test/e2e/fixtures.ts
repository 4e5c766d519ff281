// Each test gets its own data folder and its own browser host (with the real
// core) on a free loopback port, as Insomnia and Bruno give each run its own.
import { test as base, expect, type Page } from '@playwright/test';
import { createCore, type Core } from '../../electron/core/core';
import { createMemoryLogger } from '../../electron/core/logger';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { readProjectVersion, RENDERER_DIR } from '../../electron/host/project-paths';
import { makeTempDir } from '../support/temp-dir';

export interface ConsoleFixtures {
  dataDir: string;
  /** The main-process core behind the host, for tests that play the engine's part (emitting events). */
  core: Core;
  host: BrowserHost;
  /** Opens the console as a new user would: the printed URL, token and all. */
  openConsole: (hash?: string) => Promise<Page>;
}

export const test = base.extend<ConsoleFixtures>({
  // Playwright requires object destructuring for a fixture's first argument, even when it uses none.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const temp = makeTempDir('mtd-console-e2e-');
    await use(temp.dir);
    temp.cleanup();
  },
  core: async ({ dataDir }, use) => {
    const core = createCore({ version: readProjectVersion(), host: 'browser', dataDir, logger: createMemoryLogger() });
    await use(core);
    await core.close();
  },
  host: async ({ core }, use) => {
    const host = await startBrowserHost({ core, rendererDir: RENDERER_DIR, logger: createMemoryLogger() });
    await use(host);
    await host.close();
  },
  openConsole: async ({ page, host }, use) => {
    await use(async (hash = '') => {
      await page.goto(host.url);
      if (hash) await page.goto(`${host.origin}/${hash}`);
      return page;
    });
  },
});

export { expect };
