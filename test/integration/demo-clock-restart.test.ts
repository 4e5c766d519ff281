// The demo clock across restarts: a new core on the same data folder, with a demo
// tenant built anew (as a restarted app builds it), resumes the clock where the
// previous run left it, at the same speed; a bad saved clock starts over, with a warning.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { DEMO_CLOCK_FILE } from '../../electron/core/demo-clock-file';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant } from '../../electron/core/tenant-connection';
import type { DemoClockView, Envelope } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';

const FULL = { role: 'full' as const, user: { id: 'full', displayName: 'Full Access' } };
const DAY_HOURS = 24;

describe('the demo clock across restarts', () => {
  let temp: { dir: string; cleanup: () => void };
  const cores: Core[] = [];
  const logger = createMemoryLogger();
  const start = (): Core => {
    const core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger, connect: () => connectDemoTenant({ devices: 20, seed: 'clock' }) });
    cores.push(core);
    return core;
  };
  const clock = async (core: Core, channel = 'demo.clock', payload?: unknown): Promise<DemoClockView> => {
    const envelope = (await core.dispatcher.dispatch(channel, payload, FULL)) as Envelope<DemoClockView>;
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.result;
  };

  beforeEach(() => {
    temp = makeTempDir('mtd-demo-clock-');
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close();
    temp.cleanup();
  });

  it('resumes at the time and speed the previous run left, and Advance 1 day moves on from there', async () => {
    const first = start();
    const started = await clock(first);
    await clock(first, 'demo.setSpeed', { speed: 0 });
    const advanced = await clock(first, 'demo.advance', { hours: 3 * DAY_HOURS });
    expect(advanced.now - started.now).toBeGreaterThanOrEqual(3 * DAY_HOURS * 3_600_000);
    await first.close();

    const second = start();
    const resumed = await clock(second);
    expect(resumed).toEqual({ mode: 'demo', now: Math.round(advanced.now), speed: 0 });
    const nextDay = await clock(second, 'demo.advance', { hours: DAY_HOURS });
    expect(nextDay.now - resumed.now).toBe(DAY_HOURS * 3_600_000);
  });

  it('does not count the time the app was closed as demo time', async () => {
    const first = start();
    await clock(first, 'demo.setSpeed', { speed: 1000 });
    const before = await clock(first);
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await clock(start());
    // 200 ms closed at 1000x would be 200 s of demo time; only the few ms of closing and opening count.
    expect(after.now - before.now).toBeLessThan(100_000);
    expect(after.speed).toBe(1000);
  });

  for (const [label, content] of [
    ['not JSON', '{"version":1,'],
    ['a negative time', JSON.stringify({ version: 1, demoTime: -5, speed: 1 })],
    ['a speed beyond the maximum', JSON.stringify({ version: 1, demoTime: 1_000, speed: 1e9 })],
    ['a string for the time', JSON.stringify({ version: 1, demoTime: '1000', speed: 1 })],
    ['an unknown version', JSON.stringify({ version: 2, demoTime: 1_000, speed: 1 })],
    ['an extra field', JSON.stringify({ version: 1, demoTime: 1_000, speed: 1, evil: '<script>' })],
  ] as const) {
    it(`starts the demo tenant at its first day when the saved clock holds ${label}`, async () => {
      const fresh = await clock(start());
      for (const core of cores.splice(0)) await core.close();
      fs.writeFileSync(path.join(temp.dir, DEMO_CLOCK_FILE), content);
      const view = await clock(start());
      expect(Math.abs(view.now - fresh.now)).toBeLessThan(60_000);
      expect(logger.entries.some((entry) => entry.level === 'warn' && entry.message.includes('saved demo clock'))).toBe(true);
    });
  }

  it('keeps the saved clock readable by its owner only', async () => {
    await clock(start());
    if (process.platform !== 'win32') expect(fs.statSync(path.join(temp.dir, DEMO_CLOCK_FILE)).mode & 0o077).toBe(0);
  });
});
