// `npm test`: typecheck, lint, unit, integration and renderer tests (vitest), end-to-end
// tests (Playwright: browser host in Chromium, and the Electron shell where it
// can run), then one closing line that counts every test.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { PROJECT_ROOT } from '../electron/host/project-paths';
import { systemChromium } from './support/chromium';

const RESULTS = path.join(PROJECT_ROOT, '.test-results');
const bin = (name: string): string => path.join(PROJECT_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(title: string, command: string, args: string[]): boolean {
  process.stdout.write(`\n=== ${title}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = result.status === 0;
  process.stdout.write(`=== ${title}: ${ok ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}

/** Runs checks side by side (each is mostly one core's work), printing each one's output whole when it ends. */
async function runTogether(checks: Record<string, [string, string[]]>): Promise<Record<string, boolean>> {
  const started = Date.now();
  const entries = await Promise.all(
    Object.entries(checks).map(
      ([title, [command, args]]) =>
        new Promise<[string, boolean]>((resolve) => {
          const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
          const output: Buffer[] = [];
          child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
          child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
          child.on('close', (code) => {
            const ok = code === 0;
            process.stdout.write(`\n=== ${title}\n${Buffer.concat(output).toString()}=== ${title}: ${ok ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
            resolve([title, ok]);
          });
        }),
    ),
  );
  return Object.fromEntries(entries);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(RESULTS, file), 'utf8')) as T;
  } catch {
    return null;
  }
}

function vitestCounts(): Counts | null {
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>('vitest.json');
  return report && { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

interface PlaywrightSpec {
  title: string;
  tests: { projectName: string; status: string; annotations: { type: string; description?: string }[] }[];
}
interface PlaywrightSuite {
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

function playwrightCounts(): Counts | null {
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: PlaywrightSuite[] }>('playwright.json');
  if (!report) return null;
  // Every skipped test says why, so a skip is never silent.
  const reasons = new Map<string, number>();
  const walk = (suite: PlaywrightSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status !== 'skipped') continue;
        const reason = `[${t.projectName}] ${t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'}`;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  report.suites.forEach(walk);
  for (const [reason, count] of reasons) process.stdout.write(`skipped ${count}: ${reason}\n`);
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected, failed: unexpected + flaky, skipped };
}

/** Makes sure there is a Chromium to drive: Debian's package where apt can install it, else Playwright's own build. */
function ensureChromium(): void {
  if (systemChromium() || fs.existsSync(chromium.executablePath())) return;
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (canApt) {
    run('Installing Debian chromium and xvfb', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium xvfb']);
  } else {
    run("Installing Playwright's Chromium", bin('playwright'), ['install', 'chromium']);
  }
}

/** Electron on Linux needs a display: run Playwright under Xvfb when there is none and xvfb-run exists. */
function playwrightCommand(): [string, string[]] {
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless && fs.existsSync('/usr/bin/xvfb-run')) return ['/usr/bin/xvfb-run', ['-a', bin('playwright'), 'test']];
  return [bin('playwright'), ['test']];
}

ensureChromium();
fs.rmSync(RESULTS, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });

const checks = await runTogether({ Typecheck: ['npm', ['run', '--silent', 'typecheck']], Lint: ['npm', ['run', '--silent', 'lint']] });
const steps = {
  typecheck: checks.Typecheck === true,
  lint: checks.Lint === true,
  unit: run('Unit, integration and renderer tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(RESULTS, 'vitest.json')}`,
  ]),
  e2e: run('End-to-end tests (Playwright)', ...playwrightCommand()),
};

process.stdout.write('\n=== Summary\n');
const suites: [string, Counts | null][] = [
  ['vitest', vitestCounts()],
  ['playwright', playwrightCounts()],
];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [name, counts] of suites) {
  if (!counts) {
    process.stdout.write(`${name}: no report was written\n`);
    total.failed += 1;
    continue;
  }
  process.stdout.write(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
for (const [name, ok] of Object.entries(steps)) if (!ok) process.stdout.write(`step failed: ${name}\n`);
const allOk = Object.values(steps).every(Boolean) && total.failed === 0;
process.stdout.write(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(allOk ? 0 : 1);
