// The engine's process entry: a Node child process (process.send) or an Electron
// utilityProcess (process.parentPort). The main process stays free for the UI.
import { AppError } from '../../shared/ipc/errors';
import { z } from '../../shared/ipc/zod';
import { parseEngineMessage, toEngineSchema, toErrorPayload, type FromEngine, type ToEngine } from './engine-protocol';
import { startEngineRunner, type EngineRunner } from './engine-runner';
import { hostTokenProvider } from './host-token-provider';
import type { EngineStatus } from './polling-engine';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** Electron gives a utilityProcess a process.parentPort, which Node's types do not know. */
function isParentPort(value: unknown): value is ParentPort {
  return typeof value === 'object' && value !== null && 'on' in value && typeof value.on === 'function' && 'postMessage' in value && typeof value.postMessage === 'function';
}

const port: unknown = Reflect.get(process, 'parentPort');
const parentPort = isParentPort(port) ? port : undefined;

function post(message: FromEngine): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

/** Progress comes in bursts (a page at a time); a status every 100 ms is plenty, but state changes go at once. */
function statusPoster(): (status: EngineStatus) => void {
  let last: EngineStatus | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: EngineStatus | null = null;
  return (status) => {
    const urgent = !last || last.state !== status.state || last.phase !== status.phase || last.lastPoll !== status.lastPoll;
    if (urgent) {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      last = status;
      post({ type: 'status', status });
      return;
    }
    pending = status;
    timer ??= setTimeout(() => {
      timer = undefined;
      if (pending) post({ type: 'status', status: (last = pending) });
      pending = null;
    }, 100);
  };
}

let runner: EngineRunner | undefined;
const hostTokens = hostTokenProvider(post);

async function handle(message: ToEngine): Promise<void> {
  if (message.type === 'init') {
    runner = startEngineRunner(message, globalThis.fetch, hostTokens);
    runner.engine.onStatus(statusPoster());
    post({ type: 'ready' });
    post({ type: 'status', status: runner.engine.status() });
    return;
  }
  if (message.type === 'token') {
    hostTokens.answer(message.requestId, message.ok ? { ok: true, token: message.token } : { ok: false, message: message.message });
    return;
  }
  switch (message.type) {
    case 'configure':
      return initialised().configure(message.config);
    case 'clock':
      return initialised().setClock(message.clock);
    case 'smtp':
      return initialised().setSmtp(message.smtp);
    case 'start':
      return initialised().engine.start();
    case 'stop':
      return answer(message.requestId, async () => {
        await initialised().engine.stop();
        return null;
      });
    case 'pollNow':
      return answer(message.requestId, () => initialised().engine.pollNow(message.options));
    case 'query':
      return answer(message.requestId, () => initialised().query(message.query));
  }
}

function initialised(): EngineRunner {
  if (!runner) throw new AppError({ code: 'unavailable', message: 'The polling engine has not been initialised.' });
  return runner;
}

/** A request's answer: its value, or the error it failed with, so main sees the same code and message. */
async function answer(requestId: number, work: () => unknown): Promise<void> {
  try {
    post({ type: 'reply', requestId, ok: true, value: await work() });
  } catch (error) {
    post({ type: 'reply', requestId, ok: false, error: toErrorPayload(error) });
  }
}

function receive(raw: unknown): void {
  let message: ToEngine;
  try {
    message = parseEngineMessage(toEngineSchema, raw, "The console's message to the polling engine");
  } catch (error) {
    // A request of the wrong shape still gets its answer, so main does not wait for it.
    const named = z.object({ type: z.enum(['stop', 'pollNow', 'query']), requestId: z.number() }).safeParse(raw);
    post(named.success ? { type: 'reply', requestId: named.data.requestId, ok: false, error: toErrorPayload(error) } : { type: 'fatal', error: toErrorPayload(error) });
    return;
  }
  handle(message).catch((error: unknown) => post({ type: 'fatal', error: toErrorPayload(error) }));
}

if (parentPort) parentPort.on('message', (event) => receive(event.data));
else process.on('message', receive);

// The parent is gone (closed or killed): close the inventory cleanly and leave.
process.on('disconnect', () => void runner?.close().finally(() => process.exit(0)));
