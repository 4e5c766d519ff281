import os from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { systemChromium } from './test/support/chromium';

// Playwright cannot download its own browsers here: use the system Chromium when there is one.
const chromium = systemChromium();

export default defineConfig({
  testDir: 'test',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  // One worker per core the machine gives this process.
  workers: os.availableParallelism(),
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
          ...(chromium ? { executablePath: chromium } : {}),
          // This machine has no network: keep Chromium from trying to reach Google.
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--disable-gpu'],
        },
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
