// Each test gets its own data folder and its own browser host (with the real
// core) on a free loopback port, as Insomnia and Bruno give each run its own.
// Tests sign in as users do: on the sign-in screen, after a Global Administrator
// has granted consent for the tenant (until then nobody can sign in).
import { test as base, expect, type Page } from '@playwright/test';
import { sessionSchema, unwrap, type ChannelName, type Session } from '../../shared/ipc';
import { createCore, type Core } from '../../electron/core/core';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { readProjectVersion, RENDERER_DIR } from '../../electron/host/project-paths';
import { makeTempDir } from '../support/temp-dir';
import { DEMO_USERS, signInAs, signInError, signOutButton, chooseAndSignIn, type DemoUserKey } from './sign-in';

export interface OpenOptions {
  /**
   * Who signs in on the sign-in screen: fullaccess (the default), restricted or globaladmin, after
   * consent has been recorded (see recordConsent); outsider tries and is refused. null opens the
   * console as it is, signing nobody in (and recording no consent).
   */
  as?: DemoUserKey | null;
}

export interface RestartOptions extends OpenOptions {
  /**
   * The demo tenant is built anew, as a real restart of the app builds it (from its seed and the
   * demo clock kept in the data folder), reached at another address; by default the restarted core
   * talks to the same tenant object as the first run.
   */
  rebuildTenant?: boolean;
}

export interface ConsoleFixtures {
  dataDir: string;
  /** The tenant every run of this test talks to: the embedded demo tenant, kept across restarts. */
  tenant: TenantConnection;
  /** The same demo tenant, for tests that compare the console with its truth or move its clock. */
  demoTenant: DemoTenant;
  /** The first run's main-process core, for tests that play the engine's part (emitting events). */
  core: Core;
  /** The first run's browser host. */
  host: BrowserHost;
  /**
   * Records the tenant's consent the way it happens for real, through the core's dispatcher: the
   * Global Administrator signs in, grants consent, and signs out. Does nothing once consent exists.
   */
  recordConsent: () => Promise<void>;
  /**
   * Opens the console as a new user would (the printed URL, token and all), at `hash` if given, and
   * signs in through the sign-in screen (see OpenOptions). Resolves once the console shows the user
   * (and, without a hash, the Dashboard), or, for the outsider, the refusal.
   */
  openConsole: (hash?: string, options?: OpenOptions) => Promise<Page>;
  /**
   * Quits the console (host and core) and starts it again on the same data folder, as a restart of
   * the app does, then opens it in the same tab as openConsole does: a new core has no session, so
   * the user signs in again. The fixtures' core and host are the first run's; the test's own
   * teardown closes every later run.
   */
  restartConsole: (hash?: string, options?: RestartOptions) => Promise<Page>;
}

interface Run {
  core: Core;
  host: BrowserHost;
}

/** Closing twice is closing once: a restart closes the first run before the fixtures' teardown does. */
export function closeOnce<T extends { close(): Promise<void> }>(closable: T): T {
  const close = closable.close.bind(closable);
  let closing: Promise<void> | undefined;
  closable.close = () => (closing ??= close());
  return closable;
}

/**
 * How long the engine's event stream may be silent before a poll takes it as caught up. The demo
 * tenant answers on loopback at once, so the tests wait 400 ms where a real service gets the app's
 * 1.5 s; a spec that watches a poll in progress sets the app's own (test.use({ streamIdleMs })).
 */
export const E2E_STREAM_IDLE_MS = 400;

function startCore(dataDir: string, tenant: TenantConnection, streamIdleMs: number): Core {
  return closeOnce(
    createCore({ version: readProjectVersion(), host: 'browser', dataDir, logger: createMemoryLogger(), engineLauncher: nodeEngineLauncher(), engineStreamIdleMs: streamIdleMs, connect: () => tenant }),
  );
}

async function startHost(core: Core): Promise<BrowserHost> {
  return closeOnce(await startBrowserHost({ core, rendererDir: RENDERER_DIR, logger: createMemoryLogger() }));
}

type SessionChannel = Extract<ChannelName, 'session.get' | 'session.signInDemo' | 'session.signOut' | 'consent.grant' | 'consent.decline'>;

/** A session channel called as the window calls it, with the core's current session; rejects with the AppError. */
export async function callSession(core: Core, channel: SessionChannel, payload?: unknown): Promise<Session> {
  return sessionSchema.parse(unwrap(await core.dispatcher.dispatch(channel, payload, core.session())));
}

export async function recordConsentOn(core: Core): Promise<void> {
  if ((await callSession(core, 'session.get')).consentRecorded) return;
  await callSession(core, 'session.signInDemo', { userPrincipalName: DEMO_USERS.globaladmin.upn });
  await callSession(core, 'consent.grant');
  await callSession(core, 'session.signOut');
}

async function open(page: Page, run: Run, hash: string, { as = 'fullaccess' }: OpenOptions): Promise<Page> {
  if (as !== null) {
    await recordConsentOn(run.core);
    // The session lives in main: someone else still signed in (from an earlier openConsole) signs out first.
    const session = await callSession(run.core, 'session.get');
    if (session.consentPendingFor !== null || (session.signedIn && session.user?.userPrincipalName !== DEMO_USERS[as].upn)) {
      await callSession(run.core, 'session.signOut');
    }
  }
  await page.goto(run.host.url);
  if (hash) await page.goto(`${run.host.origin}/${hash}`);
  if (as === null) return page;
  if (as === 'outsider') {
    await chooseAndSignIn(page, as);
    await expect(signInError(page)).toBeVisible();
    return page;
  }
  await expect(signOutButton(page).or(page.getByRole('radio', { name: DEMO_USERS[as].upn }))).toBeVisible();
  if (!(await signOutButton(page).isVisible())) await signInAs(page, as);
  await expect(page.getByRole('banner')).toContainText(DEMO_USERS[as].displayName);
  if (!hash) await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  return page;
}

export const test = base.extend<ConsoleFixtures & { runs: Run[]; streamIdleMs: number }>({
  streamIdleMs: [E2E_STREAM_IDLE_MS, { option: true }],
  // Playwright requires object destructuring for a fixture's first argument, even when it uses none.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const temp = makeTempDir('mtd-console-e2e-');
    await use(temp.dir);
    temp.cleanup();
  },
  // eslint-disable-next-line no-empty-pattern
  tenant: async ({}, use) => {
    await use(connectDemoTenant());
  },
  demoTenant: async ({ tenant }, use) => {
    await use(tenant.demoTenant!);
  },
  core: async ({ dataDir, tenant, streamIdleMs }, use) => {
    const core = startCore(dataDir, tenant, streamIdleMs);
    await use(core);
    await core.close();
  },
  host: async ({ core }, use) => {
    const host = await startHost(core);
    await use(host);
    await host.close();
  },
  /** Every run of the console in this test, the first (the fixtures' core and host) first; the last is the one running. */
  runs: async ({ core, host }, use) => {
    const runs: Run[] = [{ core, host }];
    await use(runs);
    for (const run of runs.slice(1).reverse()) {
      await run.host.close();
      await run.core.close();
    }
  },
  recordConsent: async ({ runs }, use) => {
    await use(() => recordConsentOn(runs.at(-1)!.core));
  },
  openConsole: async ({ page, runs }, use) => {
    await use((hash = '', options = {}) => open(page, runs.at(-1)!, hash, options));
  },
  restartConsole: async ({ page, runs, dataDir, tenant, streamIdleMs }, use) => {
    await use(async (hash = '', { rebuildTenant = false, ...options }: RestartOptions = {}) => {
      const previous = runs.at(-1)!;
      await previous.host.close();
      await previous.core.close();
      const nextCore = startCore(dataDir, rebuildTenant ? connectDemoTenant() : tenant, streamIdleMs);
      const next = { core: nextCore, host: await startHost(nextCore) };
      runs.push(next);
      return open(page, next, hash, options);
    });
  },
});

export { expect };
