// The Electron shell itself: runs wherever an Electron binary (and, on Linux, a
// display) exists, against the unpackaged build (the packaged app's fuses turn
// off the inspect arguments that _electron.launch needs).
import { spawn } from 'node:child_process';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { findElectronBinary, missingDisplayReason } from '../../electron/host/electron-binary';
import { PROJECT_ROOT } from '../../electron/host/project-paths';
import { makeTempDir } from '../support/temp-dir';
import { chooseAndSignIn, signInHeading } from '../e2e/sign-in';

const binary = findElectronBinary();
const skipReason = binary.available ? missingDisplayReason() : `no Electron binary here: ${binary.reason}`;
if (skipReason) console.log(`Electron spec skipped: ${skipReason}.`);
test.skip(skipReason !== null, `Electron spec skipped: ${skipReason ?? ''}`);

// Chromium refuses to start as root without this; the renderer sandbox (webPreferences) stays on.
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

test.describe('Electron shell', () => {
  // One app launch for the whole file: the tests look at the same window in turn.
  test.describe.configure({ mode: 'serial' });
  const temp = makeTempDir('mtd-console-electron-');
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!binary.available) return;
    app = await electron.launch({
      executablePath: binary.path,
      args: [...rootArgs, PROJECT_ROOT],
      env: { ...process.env, MTD_CONSOLE_DATA_DIR: temp.dir },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    temp.cleanup();
  });

  test('opens the console from app://, on the demo tenant, as the desktop app', async () => {
    await expect(signInHeading(page)).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/bundle\//);
    const status = page.getByRole('contentinfo', { name: 'Application information' });
    await expect(status.getByText('Desktop app')).toBeVisible();
    await expect(status.getByText(`Data folder: ${temp.dir}`)).toBeVisible();
  });

  test('signs the Global Administrator in once they grant consent for the tenant', async () => {
    await chooseAndSignIn(page, 'globaladmin');
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Full access');
  });

  test('runs the renderer isolated and sandboxed, with no Node and only window.api', async () => {
    // getLastWebPreferences is undocumented but present in every Electron release; it reports what the window really got.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
      return contents.getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((globalThis as { api?: object }).api ?? {}).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: [...CHANNEL_NAMES, 'on'].sort() });
  });

  test('serves the renderer with the strict Content-Security-Policy', async () => {
    const policy = await page.evaluate(async () => (await fetch('./index.html')).headers.get('content-security-policy'));
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("default-src 'none'");
  });

  test('answers calls over IPC with typed envelopes', async () => {
    const replies = await page.evaluate(async () => {
      const api = (globalThis as unknown as { api: Record<string, (request?: unknown) => Promise<unknown>> }).api;
      return { info: await api['app.info']!(), forged: await api['app.info']!({ admin: true }) };
    });
    expect(replies.info).toMatchObject({ ok: true, result: { host: 'electron', dataDir: temp.dir } });
    expect(replies.forged).toMatchObject({ ok: false, error: { code: 'validation', field: 'request' } });
  });

  test('runs the polling engine in a utilityProcess, with its SQLite inventory', async () => {
    const saved = await page.evaluate(async () => {
      const api = (globalThis as unknown as { api: Record<string, (request?: unknown) => Promise<unknown>> }).api;
      return api['connector.save']!({ heartbeatMinutes: 15, enrollmentGroups: ['Mobile Users'], newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['secops@contoso.example'] });
    });
    expect(saved).toMatchObject({ ok: true });
    await expect
      .poll(
        async () =>
          page.evaluate(async () => {
            const api = (globalThis as unknown as { api: Record<string, (request?: unknown) => Promise<{ ok: boolean; result?: { lastPoll: { outcome: string } | null } }>> }).api;
            return (await api['engine.status']!()).result?.lastPoll?.outcome ?? null;
          }),
        { timeout: 60_000 },
      )
      .toBe('ok');
  });

  test('denies new windows and navigation away from the console', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/bundle\//);
    expect(app.windows()).toHaveLength(1);
  });

  test('keeps a single instance: a second launch hands over and exits', async () => {
    if (!binary.available) return;
    const second = spawn(binary.path, [...rootArgs, PROJECT_ROOT], { env: { ...process.env, MTD_CONSOLE_DATA_DIR: temp.dir }, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    expect(app.windows()).toHaveLength(1);
  });
});
