// Starts the engine's process. In Node (browser host, tests) a child process runs the
// TypeScript entry through tsx; the Electron shell passes a utilityProcess launcher.
import { fork } from 'node:child_process';
import path from 'node:path';
import type { ToEngine } from '../../engine/engine-protocol';

export interface EngineProcess {
  readonly pid: number | undefined;
  send(message: ToEngine): void;
  /** What the engine's process sent, as it arrived: the host parses it against the protocol. */
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type EngineLauncher = () => EngineProcess;

/** The TypeScript entry, for hosts that run from source (resolved when called: the Electron bundle never asks). */
export function engineEntry(): string {
  return path.resolve(import.meta.dirname, '../../engine/engine-process.ts');
}

export function nodeEngineLauncher(entry?: string): EngineLauncher {
  return () => {
    entry ??= engineEntry();
    const child = fork(entry, [], {
      execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
      // Structured clone, so numbers and nested objects cross as they are.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => child.kill('SIGKILL'),
    };
  };
}
