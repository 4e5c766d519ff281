// The engine's process entry: a Node child process (process.send) or an Electron
// utilityProcess (process.parentPort). The main process stays free for the UI.
import type { FromEngine, ToEngine } from './engine-protocol';
import { startEngineRunner, type EngineRunner } from './engine-runner';
import { hostTokenProvider } from './host-token-provider';
import type { EngineStatus } from './polling-engine';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

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
  if (!runner) throw new Error('The engine has not been initialised.');
  switch (message.type) {
    case 'configure':
      return runner.configure(message.config);
    case 'clock':
      return runner.setClock(message.clock);
    case 'smtp':
      return runner.setSmtp(message.smtp);
    case 'start':
      return runner.engine.start();
    case 'stop':
      await runner.engine.stop();
      return post({ type: 'reply', requestId: message.requestId, ok: true, value: null });
    case 'pollNow':
      try {
        post({ type: 'reply', requestId: message.requestId, ok: true, value: await runner.engine.pollNow(message.options) });
      } catch (error) {
        post({ type: 'reply', requestId: message.requestId, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
      return;
    case 'query':
      try {
        post({ type: 'reply', requestId: message.requestId, ok: true, value: runner.query(message.query) });
      } catch (error) {
        post({ type: 'reply', requestId: message.requestId, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
  }
}

function receive(message: unknown): void {
  handle(message as ToEngine).catch((error: unknown) => post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) }));
}

if (parentPort) parentPort.on('message', (event) => receive(event.data));
else process.on('message', receive);

// The parent is gone (closed or killed): close the inventory cleanly and leave.
process.on('disconnect', () => void runner?.close().finally(() => process.exit(0)));
