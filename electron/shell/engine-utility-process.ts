// The engine in an Electron utilityProcess: a Node process Electron manages, so the
// polling, SQLite and SMTP work never runs on the main process's thread.
import { utilityProcess } from 'electron';
import path from 'node:path';
import type { EngineLauncher } from '../core/engine/engine-launcher';

export function utilityEngineLauncher(entry = path.join(__dirname, 'engine-process.cjs')): EngineLauncher {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'MTD Connector Console engine', stdio: 'inherit' });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: unknown) => listener(message)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  };
}
