// The engine's own process parses what main sends: a request of the wrong shape is answered
// with an internal AppError naming the field (so main does not wait for it), anything else
// of the wrong shape is reported as a fatal, and neither is acted on.
import { afterEach, describe, expect, it } from 'vitest';
import { nodeEngineLauncher, type EngineProcess } from '../../electron/core/engine/engine-launcher';

const started: EngineProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill();
});

function engine(): { child: EngineProcess; next: () => Promise<unknown> } {
  const child = nodeEngineLauncher()();
  started.push(child);
  const inbox: unknown[] = [];
  const waiting: ((message: unknown) => void)[] = [];
  child.onMessage((message) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  return { child, next: () => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => waiting.push(resolve))) };
}

describe("the engine's process", () => {
  it('answers a request of the wrong shape with an internal AppError, and reports any other as a fatal', async () => {
    const { child, next } = engine();
    // Sent as it would arrive from a main process of another build: not what ToEngine allows.
    const send = (message: unknown): void => child.send(message as never);
    send({ type: 'query', requestId: 7, query: { kind: 'dropTables' } });
    expect(await next()).toMatchObject({ type: 'reply', requestId: 7, ok: false, error: { code: 'internal', issues: [expect.objectContaining({ field: 'query.kind' })] } });
    send({ type: 'clock', clock: { tenantTime: 'noon' } });
    expect(await next()).toMatchObject({ type: 'fatal', error: { code: 'internal', message: expect.stringContaining("The console's message to the polling engine does not have the expected shape") } });
    // Well-formed, but before init: refused in words, with the request's id.
    send({ type: 'query', requestId: 8, query: { kind: 'integrityCheck' } });
    expect(await next()).toEqual({ type: 'reply', requestId: 8, ok: false, error: { code: 'unavailable', message: 'The polling engine has not been initialised.' } });
  }, 20_000);
});
