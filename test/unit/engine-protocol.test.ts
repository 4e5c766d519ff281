// What crosses between main and the engine's process is parsed against the protocol's
// schemas: a message of the wrong shape is refused as a typed AppError that names the
// field, and never reaches the status, a query's caller or a poll's.
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../electron/core/engine/engine-host';
import type { EngineProcess } from '../../electron/core/engine/engine-launcher';
import { fromEngineSchema, parseEngineMessage, toEngineSchema, type ToEngine } from '../../electron/engine/engine-protocol';
import { createMemoryLogger } from '../../electron/http/logger';
import { AppError, type EngineStatusView } from '../../shared/ipc';

const IDLE: EngineStatusView = { state: 'idle', phase: null, progress: null, lastPoll: null, nextPollAt: null, offlineSince: null };

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('It did not throw.');
}

describe('engine protocol schemas', () => {
  it('refuse a status of the wrong shape with an internal AppError naming the field', () => {
    const error = caught(() => parseEngineMessage(fromEngineSchema, { type: 'status', status: { ...IDLE, state: 'exploded' } }, "The polling engine's message"));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'internal', message: expect.stringMatching(/^The polling engine's message does not have the expected shape/), issues: [expect.objectContaining({ field: 'status.state' })] });
  });

  it('refuse a failed reply whose error is a bare message instead of an AppError payload', () => {
    const error = caught(() => parseEngineMessage(fromEngineSchema, { type: 'reply', requestId: 1, ok: false, message: 'boom' }, 'The reply'));
    expect(error).toMatchObject({ code: 'internal', issues: expect.arrayContaining([expect.objectContaining({ field: 'error' })]) });
  });

  it('take a well-formed message as it is, and refuse an unknown one on the way to the engine', () => {
    expect(parseEngineMessage(fromEngineSchema, { type: 'reply', requestId: 2, ok: false, error: { code: 'unavailable', message: 'Graph is down.' } }, 'The reply')).toEqual({ type: 'reply', requestId: 2, ok: false, error: { code: 'unavailable', message: 'Graph is down.' } });
    expect(caught(() => parseEngineMessage(toEngineSchema, { type: 'query', requestId: 3, query: { kind: 'dropTables' } }, 'The request'))).toMatchObject({ code: 'internal', issues: [expect.objectContaining({ field: 'query.kind' })] });
  });
});

/** A stand-in for the engine's process that answers every request with what `reply` makes of it. */
function scriptedProcess(reply: (message: ToEngine, answer: (raw: unknown) => void) => void): EngineProcess {
  let listener: ((message: unknown) => void) | undefined;
  const exits: ((code: number | null) => void)[] = [];
  return {
    pid: undefined,
    send: (message) => queueMicrotask(() => reply(message, (raw) => listener?.(raw))),
    onMessage: (next) => void (listener = next),
    onExit: (next) => void exits.push(next),
    kill: () => queueMicrotask(() => exits.forEach((exit) => exit(null))),
  };
}

function hostWith(reply: Parameters<typeof scriptedProcess>[0]) {
  const statuses: EngineStatusView[] = [];
  const logger = createMemoryLogger();
  const host = new EngineHost({
    launcher: () => scriptedProcess(reply),
    dataDir: '/nowhere',
    logger,
    endpoints: () => Promise.resolve({ mode: 'demo', tenantId: 't', graphBaseUrl: 'http://127.0.0.1/graph', tokenUrl: 'http://127.0.0.1/token', clientId: 'c', clientSecret: 's', mraBaseUrl: 'http://127.0.0.1/mra', mraAppKey: 'k' }),
    clock: () => ({ tenantTime: 0, realTime: 0, speed: 1 }),
    config: () => null,
    smtp: () => null,
    onStatus: (status) => statuses.push(status),
  });
  return { host, statuses, logger };
}

describe('engine host', () => {
  it('passes on neither a status nor a query answer of the wrong shape', async () => {
    const { host, statuses, logger } = hostWith((message, answer) => {
      if (message.type === 'init') {
        answer({ type: 'ready' });
        answer({ type: 'status', status: IDLE });
        answer({ type: 'status', status: { ...IDLE, lastPoll: 'yesterday' } });
      } else if (message.type === 'query') {
        answer({ type: 'reply', requestId: message.requestId, ok: true, value: { total: 'many', rows: [], reportOnly: false } });
      }
    });
    await expect(host.query({ kind: 'drift' })).rejects.toMatchObject({ name: 'AppError', code: 'internal', message: expect.stringContaining("The polling engine's answer to drift does not have the expected shape"), issues: [expect.objectContaining({ field: 'total' })] });
    expect(statuses).toEqual([IDLE]);
    expect(host.status()).toEqual(IDLE);
    expect(logger.entries).toContainEqual({ level: 'error', message: expect.stringContaining('lastPoll') });
    await host.close();
  });

  it('fails the request a reply of the wrong shape names, with that AppError, instead of leaving it waiting', async () => {
    const { host } = hostWith((message, answer) => {
      if (message.type === 'init') answer({ type: 'ready' });
      else if (message.type === 'pollNow') answer({ type: 'reply', requestId: message.requestId, ok: 'maybe' });
    });
    await expect(host.pollNow()).rejects.toMatchObject({ name: 'AppError', code: 'internal', message: expect.stringContaining("The polling engine's message does not have the expected shape") });
    await host.close();
  });

  it('rebuilds the AppError a failed reply carries, code and words', async () => {
    const { host } = hostWith((message, answer) => {
      if (message.type === 'init') answer({ type: 'ready' });
      else if (message.type === 'query') answer({ type: 'reply', requestId: message.requestId, ok: false, error: { code: 'conflict', message: 'The inventory is busy.', reason: 'inventory.busy' } });
    });
    const failure = host.query({ kind: 'dashboard' });
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ code: 'conflict', message: 'The inventory is busy.', reason: 'inventory.busy' });
    await host.close();
  });

  it('logs an unexpected error of the engine in main, where the dispatcher will not, and still passes it on in its words', async () => {
    const { host, logger } = hostWith((message, answer) => {
      if (message.type === 'init') answer({ type: 'ready' });
      else if (message.type === 'query') answer({ type: 'reply', requestId: message.requestId, ok: false, error: { code: 'internal', message: 'database disk image is malformed' } });
    });
    await expect(host.query({ kind: 'integrityCheck' })).rejects.toMatchObject({ code: 'internal', message: 'database disk image is malformed' });
    expect(logger.entries).toContainEqual({ level: 'error', message: expect.stringContaining('database disk image is malformed') });
    expect(logger.entries.filter((entry) => entry.level === 'error')).toHaveLength(1);
    await host.close();
  });
});
