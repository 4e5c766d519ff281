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
  /**
   * Quits the console (host and core) and starts it again on the same data folder, as a
   * restart of the app does, then opens it in the same tab. The fixtures' core and host are
   * the first run's; the test's own teardown closes every later run.
   */
  restartConsole: (hash?: string) => Promise<Page>;
}

/** Closing twice is closing once: a restart closes the first run before the fixtures' teardown does. */
function closeOnce<T extends { close(): Promise<void> }>(closable: T): T {
  const close = closable.close.bind(closable);
  let closing: Promise<void> | undefined;
  closable.close = () => (closing ??= close());
  return closable;
}

function startCore(dataDir: string): Core {
  return closeOnce(createCore({ version: readProjectVersion(), host: 'browser', dataDir, logger: createMemoryLogger() }));
}

async function startHost(core: Core): Promise<BrowserHost> {
  return closeOnce(await startBrowserHost({ core, rendererDir: RENDERER_DIR, logger: createMemoryLogger() }));
}

async function open(page: Page, host: BrowserHost, hash: string): Promise<Page> {
  await page.goto(host.url);
  if (hash) await page.goto(`${host.origin}/${hash}`);
  return page;
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
    const core = startCore(dataDir);
    await use(core);
    await core.close();
  },
  host: async ({ core }, use) => {
    const host = await startHost(core);
    await use(host);
    await host.close();
  },
  openConsole: async ({ page, host }, use) => {
    await use((hash = '') => open(page, host, hash));
  },
  restartConsole: async ({ page, core, host, dataDir }, use) => {
    const runs = [{ core, host }];
    await use(async (hash = '') => {
      const previous = runs.at(-1)!;
      await previous.host.close();
      await previous.core.close();
      const nextCore = startCore(dataDir);
      const next = { core: nextCore, host: await startHost(nextCore) };
      runs.push(next);
      return open(page, next.host, hash);
    });
    for (const run of runs.slice(1).reverse()) {
      await run.host.close();
      await run.core.close();
    }
  },
});

export { expect };
