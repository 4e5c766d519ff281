import { afterEach, describe, expect, it } from 'vitest';
import { appInfoSchema, CHANNEL_NAMES, healthSchema } from '../../shared/ipc';
import { createCore, type Core } from '../../electron/core/core';
import { createDispatcher, type Handlers } from '../../electron/core/dispatcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { makeTempDir } from '../support/temp-dir';

describe('the core dispatcher', () => {
  const temp = makeTempDir();
  let core: Core | undefined;
  afterEach(async () => {
    await core?.close();
    temp.cleanup();
  });

  function start(): Core {
    core = createCore({ version: '9.8.7', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger() });
    return core;
  }

  it('answers app.info with what is running and where its data lives', async () => {
    const envelope = await start().dispatcher.dispatch('app.info', undefined, { role: null });
    expect(envelope.ok).toBe(true);
    const info = appInfoSchema.parse(envelope.ok ? envelope.result : null);
    expect(info).toMatchObject({ version: '9.8.7', host: 'browser', dataDir: temp.dir, mode: 'demo', tenantConfigured: false });
  });

  it('answers app.health with the start and check times', async () => {
    const envelope = await start().dispatcher.dispatch('app.health', undefined, { role: 'restricted' });
    const health = healthSchema.parse(envelope.ok ? envelope.result : null);
    expect(Date.parse(health.checkedAt)).toBeGreaterThanOrEqual(Date.parse(health.startedAt));
  });

  it('refuses unknown channels, including prototype names and injection strings', async () => {
    const { dispatcher } = start();
    for (const channel of ['nope', '__proto__', 'constructor', "app.info'; --", 'x'.repeat(10_000), 42, null]) {
      const envelope = await dispatcher.dispatch(channel, undefined, { role: 'full' });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'not_found' } });
      if (!envelope.ok) expect(envelope.error.message.length).toBeLessThan(200);
    }
  });

  it('refuses a forged payload on a channel that takes none, naming the request and the rule', async () => {
    const envelope = await start().dispatcher.dispatch('app.info', { admin: true }, { role: null });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'validation', field: 'request', rule: 'type undefined' } });
  });

  it('hides a handler crash behind an internal error and logs it', async () => {
    const logger = createMemoryLogger();
    const unused = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, () => Promise.reject(new Error(`${name} is not used here`))]));
    const dispatcher = createDispatcher(
      {
        ...(unused as unknown as Handlers),
        'app.info': () => {
          throw new Error('secret detail');
        },
        'app.health': () => ({ status: 'ok', startedAt: 'not a date', checkedAt: 'x' }) as never,
      },
      logger,
    );
    const crashed = await dispatcher.dispatch('app.info', undefined, { role: null });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(crashed)).not.toContain('secret detail');
    // A handler answering outside its schema is a bug on our side, not the caller's.
    const malformed = await dispatcher.dispatch('app.health', undefined, { role: null });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logger.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
  });
});
