// The main process's side of the engine: starts its process, sends it the
// configuration, the demo clock and SMTP settings, forwards its status, and starts
// it again if it dies (the inventory's transactions make that safe).
import { pollResultSchema } from '../../../shared/ipc/engine-channels';
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/ipc/zod';
import type { EngineConfig } from '../../engine/engine-config';
import {
  engineQueryResults,
  fromEngineSchema,
  parseEngineMessage,
  type ClockAnchor,
  type EngineQueryKind,
  type EngineQueryOf,
  type EngineQueryResult,
  type EngineQuery,
  type FromEngine,
  type PollOptions,
  type SmtpConnection,
  type TenantEndpoints,
} from '../../engine/engine-protocol';
import type { EngineStatus, PollResult } from '../../engine/polling-engine';
import type { Logger } from '../../http/logger';
import type { EngineLauncher, EngineProcess } from './engine-launcher';

export interface EngineHostOptions {
  launcher: EngineLauncher;
  dataDir: string;
  logger: Logger;
  endpoints: () => Promise<TenantEndpoints>;
  clock: () => ClockAnchor;
  config: () => EngineConfig | null;
  smtp: () => SmtpConnection | null;
  onStatus: (status: EngineStatus) => void;
  /** Calls back when the tenant's clock jumps or changes speed; returns the unsubscribe. */
  watchClock?: (changed: () => void) => () => void;
  streamIdleMs?: number;
  /** Restart a crashed engine after this delay. */
  restartDelayMs?: number;
  /** Answers the engine's token requests when the tenant's tokenSource is 'host' (delegated polling). */
  graphToken?: (forceRefresh: boolean) => Promise<string>;
}

const NOT_STARTED: EngineStatus = { state: 'stopped', phase: null, progress: null, lastPoll: null, nextPollAt: null, offlineSince: null };

export class EngineHost {
  private process: EngineProcess | undefined;
  private ready: Promise<void> | undefined;
  private nextRequest = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: AppError) => void }>();
  private statusValue: EngineStatus = NOT_STARTED;
  private wanted: 'running' | 'paused' | 'closed' = 'paused';
  private crashes: number[] = [];
  private unwatchClock: (() => void) | undefined;
  /** Set after too many crashes: no process is started again until an admin starts the engine. */
  private gaveUp = false;

  constructor(private readonly options: EngineHostOptions) {}

  status(): EngineStatus {
    return this.statusValue;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Starts the engine's process (once) and its polling; an admin's start also lifts the stop after repeated crashes. */
  async start(): Promise<void> {
    this.wanted = 'running';
    this.gaveUp = false;
    await this.ensureProcess();
    // A stop that came while the process was starting wins.
    if (this.wanted === 'running') this.process?.send({ type: 'start' });
  }

  /** Pauses polling; the process stays up for queries. */
  async stop(): Promise<void> {
    this.wanted = 'paused';
    if (!this.process) return;
    await this.request({ type: 'stop' });
  }

  async pollNow(options: PollOptions = {}): Promise<PollResult> {
    await this.ensureProcess();
    return parseEngineMessage(pollResultSchema, await this.request({ type: 'pollNow', options }), "The polling engine's poll result");
  }

  /** The inventory's answer to a query, checked against that query's result schema. */
  async query<K extends EngineQueryKind>(query: EngineQueryOf<K>): Promise<EngineQueryResult<K>> {
    await this.ensureProcess();
    const kind: K = query.kind;
    return parseEngineMessage(engineQueryResults[kind], await this.request({ type: 'query', query }), `The polling engine's answer to ${kind}`);
  }

  configure(): void {
    this.process?.send({ type: 'configure', config: this.options.config() });
  }

  clockChanged(): void {
    this.process?.send({ type: 'clock', clock: this.options.clock() });
  }

  smtpChanged(): void {
    this.process?.send({ type: 'smtp', smtp: this.options.smtp() });
  }

  async close(): Promise<void> {
    this.wanted = 'closed';
    this.unwatchClock?.();
    const process = this.process;
    this.process = undefined;
    if (!process) return;
    const exited = new Promise<void>((resolve) => process.onExit(() => resolve()));
    process.kill();
    await exited;
  }

  private ensureProcess(): Promise<void> {
    if (this.ready) return this.ready;
    if (this.gaveUp) return Promise.reject(new AppError({ code: 'unavailable', message: 'The polling engine stopped after crashing repeatedly; start it again from System > Connectors.' }));
    this.ready = this.spawn().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async spawn(): Promise<void> {
    const endpoints = await this.options.endpoints();
    this.unwatchClock ??= this.options.watchClock?.(() => this.clockChanged());
    const child = this.options.launcher();
    this.process = child;
    const ready = new Promise<void>((resolve, reject) => {
      child.onMessage((raw) => {
        const message = this.parse(raw);
        if (message?.type === 'ready') resolve();
        if (message) this.receive(message);
      });
      child.onExit((code) => {
        reject(new AppError({ code: 'unavailable', message: `The engine's process ended before it was ready (exit code ${String(code)}).` }));
        this.exited(child, code);
      });
    });
    child.send({
      type: 'init',
      dataDir: this.options.dataDir,
      tenant: endpoints,
      clock: this.options.clock(),
      config: this.options.config(),
      smtp: this.options.smtp(),
      ...(this.options.streamIdleMs !== undefined ? { streamIdleMs: this.options.streamIdleMs } : {}),
    });
    await ready;
  }

  /** A message of the wrong shape is logged and fails the request it names, never taken for a right one. */
  private parse(raw: unknown): FromEngine | null {
    try {
      return parseEngineMessage(fromEngineSchema, raw, "The polling engine's message");
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError({ code: 'internal', message: String(error) });
      this.options.logger.error(appError.message);
      // Only a reply's requestId is main's; a tokenRequest's counts in the engine.
      const named = z.object({ type: z.literal('reply'), requestId: z.number() }).safeParse(raw);
      if (named.success) {
        this.pending.get(named.data.requestId)?.reject(appError);
        this.pending.delete(named.data.requestId);
      }
      return null;
    }
  }

  private receive(message: FromEngine): void {
    if (message.type === 'status') {
      this.statusValue = message.status;
      this.options.onStatus(message.status);
    } else if (message.type === 'reply') {
      const waiter = this.pending.get(message.requestId);
      this.pending.delete(message.requestId);
      if (message.ok) {
        waiter?.resolve(message.value);
        return;
      }
      // The dispatcher logs only errors that are not AppErrors: an unexpected one in the engine is logged here.
      if (message.error.code === 'internal') this.options.logger.error(`The engine failed a request: ${message.error.message}`);
      waiter?.reject(new AppError(message.error));
    } else if (message.type === 'tokenRequest') {
      this.answerToken(message.requestId, message.forceRefresh);
    } else if (message.type === 'fatal') {
      this.options.logger.error(`The engine reported an error (${message.error.code}): ${message.error.message}`);
    }
  }

  private answerToken(requestId: number, forceRefresh: boolean): void {
    const process = this.process;
    const source = this.options.graphToken;
    if (!source) {
      process?.send({ type: 'token', requestId, ok: false, message: 'This tenant is not polled with the signed-in admin\'s tokens.' });
      return;
    }
    source(forceRefresh).then(
      (token) => process?.send({ type: 'token', requestId, ok: true, token }),
      (error: unknown) => process?.send({ type: 'token', requestId, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  }

  private exited(child: EngineProcess, code: number | null): void {
    if (this.process !== child) return;
    this.process = undefined;
    this.ready = undefined;
    for (const waiter of this.pending.values()) waiter.reject(new AppError({ code: 'unavailable', message: "The engine's process ended before it answered." }));
    this.pending.clear();
    if (this.wanted === 'closed') return;
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < 60_000), now];
    this.options.logger.warn(`The engine's process ended unexpectedly (exit code ${String(code)}).`);
    if (this.crashes.length > 5) {
      this.gaveUp = true;
      this.options.logger.error('The engine crashed more than 5 times in a minute; it stays stopped until an admin starts it again.');
      return;
    }
    setTimeout(() => {
      // What is wanted now, not at the crash: a stop during the delay holds.
      if (this.wanted === 'closed' || this.gaveUp) return;
      const restart = this.wanted === 'running' ? this.start() : this.ensureProcess();
      restart.catch((error: unknown) => this.options.logger.error(`The engine could not be restarted: ${String(error)}`));
    }, this.options.restartDelayMs ?? 1000).unref();
  }

  private request(message: { type: 'stop' } | { type: 'pollNow'; options: PollOptions } | { type: 'query'; query: EngineQuery }): Promise<unknown> {
    const process = this.process;
    if (!process) return Promise.reject(new AppError({ code: 'unavailable', message: "The engine's process is not running." }));
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      process.send({ ...message, requestId });
    });
  }
}
