import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browsers here: use the system Chromium
// (Debian's /usr/bin/chromium, or CHROMIUM_PATH) when there is one.
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)),
);

export default defineConfig({
  testDir: 'test',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: '.test-results/playwright-artifacts',
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  projects: [
    {
      name: 'browser',
      testDir: 'test/e2e',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 860 },
        trace: 'retain-on-failure',
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          // This machine has no network: keep Chromium from trying to reach Google.
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--disable-gpu'],
        },
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
