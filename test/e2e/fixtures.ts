// Each test gets its own data folder and its own browser host (with the real
// core) on a free loopback port, as Insomnia and Bruno give each run its own.
import { test as base, expect, type Page } from '@playwright/test';
import { createCore } from '../../electron/core/core';
import { createMemoryLogger } from '../../electron/core/logger';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { readProjectVersion, RENDERER_DIR } from '../../electron/host/project-paths';
import { makeTempDir } from '../support/temp-dir';

export interface ConsoleFixtures {
  dataDir: string;
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
  host: async ({ dataDir }, use) => {
    const logger = createMemoryLogger();
    const core = createCore({ version: readProjectVersion(), host: 'browser', dataDir, logger });
    const host = await startBrowserHost({ core, rendererDir: RENDERER_DIR, logger });
    await use(host);
    await host.close();
    await core.close();
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
