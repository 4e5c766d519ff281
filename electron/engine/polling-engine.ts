// The polling engine: every new-device check interval it runs one poll (discovery,
// MTD telemetry, check-ins, evaluation, state sync when the heartbeat is due,
// notifications, outbox), reporting its phase and progress as it goes. A step that
// fails is recorded as a sync error and the poll goes on with the next one.
import { currentLevels } from '../../shared/domain/threat-level';
import type { EngineStatusView, PollResultView, RelistReason } from '../../shared/ipc/engine-channels';
import { englishMessage, type MessageLine } from '../../shared/ipc/error-messages';
import type { GraphClient } from '../graph/graph-client';
import { isUnreachable } from '../http/unreachable';
import type { Mailer } from '../mail/mailer';
import { Outbox } from './notifications/outbox';
import type { MobileRiskClient } from '../mobile-risk/mobile-risk-client';
import { discover } from './discovery/incremental-discovery';
import type { EngineConfig } from './engine-config';
import type { PollOptions } from './engine-protocol';
import type { EngineContext, PollPhase } from './engine-context';
import { evaluateDevices } from './evaluation/evaluate-devices';
import { RATED_WITH, ratedWithKey } from './evaluation/rerate-devices';
import type { Inventory } from './inventory/inventory';
import { notify } from './notifications/notify';
import { failureLine } from './app-error-of';
import { LAST_SYNC_AT, recordSyncError, syncStates } from './state-sync/state-sync';
import type { PartnerClient } from './state-sync/partner-client';
import { sweepCheckins } from './telemetry/checkin-sweep';
import { ingestEvents } from './telemetry/event-ingest';
import { rerateThreats } from './telemetry/mtd-records';

export interface EngineDeps {
  inventory: Inventory;
  graph: GraphClient;
  mobileRisk: MobileRiskClient;
  partner: PartnerClient | undefined;
  /** The tenant's clock (the demo clock in demo mode). */
  now: () => number;
  /** How many times faster than real time that clock runs; polls come that much more often (every 2 s at the most). */
  speed?: () => number;
  /** The SMTP mailer, or undefined while SMTP is not set up (mail then waits in the outbox). */
  mailer?: () => Mailer | undefined;
  /** Graph requests made so far, for the poll's statistics. */
  graphRequests?: () => number;
  /** How long the event stream may be silent before the poll counts it as caught up. */
  streamIdleMs?: number;
  /** How long the event stream may take to open before the telemetry step fails. */
  streamConnectTimeoutMs?: number;
}

export type { PollOptions };
export type PollErrorLine = MessageLine & { step: string };
export type PollResult = PollResultView;
export type PollStateSync = PollResultView['stateSync'];
export type EngineStatus = EngineStatusView;

const MIN_POLL_GAP_MS = 2000;
/** While the tenant cannot be reached, polls come sooner: 15 s, 30 s, 1 min… up to the usual interval. */
const OFFLINE_RETRY_FIRST_MS = 15_000;
function pollKey(config: EngineConfig | null): string {
  if (!config) return 'none';
  // Classification levels need no poll: main has the stored threats re-rated at once.
  const { notificationRecipients: _recipients, errorReportRecipients: _errors, classificationLevels: _levels, ...rest } = config;
  return JSON.stringify(rest);
}

export class PollingEngine {
  private config: EngineConfig | null = null;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: Promise<PollResult> | null = null;
  private currentOptions: PollOptions = {};
  private abort: AbortController | null = null;
  private readonly outbox: Outbox;
  private readonly emails = new Map<string, string | null>();
  private readonly listeners = new Set<(status: EngineStatus) => void>();
  private statusValue: EngineStatus = { state: 'notConfigured', phase: null, progress: null, lastPoll: null, nextPollAt: null, offlineSince: null };
  /** Polls in a row that could not reach the tenant. */
  private offlinePolls = 0;

  constructor(private readonly deps: EngineDeps) {
    this.outbox = new Outbox(deps.inventory);
  }

  status(): EngineStatus {
    return this.statusValue;
  }

  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The configuration in force; null when no connector is configured (the engine then stays idle). */
  configure(config: EngineConfig | null): void {
    const before = this.config;
    this.config = config;
    if (!config) this.setStatus({ state: 'notConfigured', nextPollAt: null });
    else if (this.statusValue.state === 'notConfigured') this.setStatus({ state: this.running ? 'idle' : 'stopped' });
    // What a poll reads or computes changed: poll now. Mail recipients or switches wait for the next poll.
    if (this.running && !this.current && pollKey(before) !== pollKey(config)) this.schedule(0);
    else if (this.running && !this.current && config) this.schedule(this.interval(config));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.config) this.setStatus({ state: 'idle' });
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.abort?.abort();
    await this.current?.catch(() => undefined);
    // A start() while the poll wound down wins.
    if (!this.running) this.setStatus({ state: this.config ? 'stopped' : 'notConfigured', nextPollAt: null, phase: null, progress: null });
  }

  /** Runs a poll now; if one is running, answers with that one, or (asked for a full one or a sync it does not do) runs one after it. */
  pollNow(options: PollOptions = {}): Promise<PollResult> {
    if (this.current) {
      const running = this.currentOptions;
      const covered = (!options.full || running.full === true) && (!options.sync || running.sync === true);
      return covered ? this.current : this.current.catch(() => undefined).then(() => this.pollNow(options));
    }
    const config = this.config;
    if (!config) return Promise.reject(new Error('No Intune connector is configured: there is nothing to poll.'));
    this.abort = new AbortController();
    this.currentOptions = options;
    const poll = this.runPoll(config, options, this.abort.signal).finally(() => {
      this.current = null;
      this.abort = null;
      if (this.running) this.schedule(this.offlinePolls > 0 ? Math.min(this.interval(config), OFFLINE_RETRY_FIRST_MS * 2 ** Math.min(this.offlinePolls - 1, 16)) : this.interval(config));
    });
    this.current = poll;
    return poll;
  }

  private interval(config: EngineConfig): number {
    const speed = Math.max(1, this.deps.speed?.() ?? 1);
    // Polls also carry state sync and the heartbeat, so they come at least as often as the heartbeat is due.
    return Math.max(MIN_POLL_GAP_MS, (Math.min(config.newDeviceCheckMinutes, config.heartbeatMinutes) * 60_000) / speed);
  }

  /** The demo clock changed speed: the next poll comes at the new pace. */
  rescheduleForSpeed(): void {
    if (this.running && this.config && !this.current) this.schedule(this.interval(this.config));
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.running || !this.config) return;
    this.setStatus({ nextPollAt: Date.now() + delayMs });
    this.timer = setTimeout(() => void this.pollNow().catch(() => undefined), delayMs);
    this.timer.unref?.();
  }

  private setStatus(change: Partial<EngineStatus>): void {
    this.statusValue = { ...this.statusValue, ...change };
    for (const listener of this.listeners) listener(this.statusValue);
  }

  private async runPoll(config: EngineConfig, options: PollOptions, signal: AbortSignal): Promise<PollResult> {
    const { inventory } = this.deps;
    // Poll times are real times, as the schedule's; the tenant's time only dates the devices' facts.
    const startedAt = Date.now();
    const requestsBefore = this.deps.graphRequests?.() ?? null;
    const id = Number(inventory.transaction(() => inventory.db.prepare("INSERT INTO polls (kind, started_at) VALUES ('pending', ?)").run(startedAt).lastInsertRowid));
    const errors: PollResult['errors'] = [];
    let unreachable = false;
    const context: EngineContext = {
      inventory,
      graph: this.deps.graph,
      mobileRisk: this.deps.mobileRisk,
      partner: this.deps.partner,
      config,
      now: this.deps.now,
      signal,
      progress: (phase, done, total) => this.setStatus({ phase, progress: { done, total } }),
    };
    this.setStatus({ state: 'polling', phase: 'discovery', progress: null, nextPollAt: null });
    const step = async <T>(phase: PollPhase, work: () => Promise<T> | T): Promise<T | undefined> => {
      signal.throwIfAborted();
      this.setStatus({ phase, progress: null });
      try {
        return await work();
      } catch (error) {
        if (signal.aborted) throw error;
        if ((phase === 'discovery' || phase === 'telemetry') && isUnreachable(error)) {
          unreachable = true;
          // Said at once: a banner need not wait for the poll's end.
          if (this.statusValue.offlineSince === null) this.setStatus({ offlineSince: startedAt });
        }
        const line = failureLine(error);
        errors.push({ step: phase, ...line });
        inventory.transaction(() => recordSyncError(inventory, this.deps.now(), phase, null, line));
        return undefined;
      }
    };
    let kind: PollResult['kind'] = options.full ? 'full' : 'incremental';
    let relistedBecause: RelistReason | null = null;
    let evaluation: ReturnType<typeof evaluateDevices> | undefined;
    let synced = false;
    const stateSync: PollStateSync = { deviceStatus: config.stateSync.deviceStatus, threatStatus: config.stateSync.threatStatus, mode: null, sent: 0, unknownDevices: 0, failedBatches: 0, drift: null };
    let mailsSent = 0;
    let outcome: PollResult['outcome'] = 'ok';
    try {
      const discovery = await step('discovery', () => discover(context, options.full === true));
      if (discovery) kind = discovery.kind;
      relistedBecause = discovery?.relistedBecause ?? null;
      // With the tenant out of reach, the services' other calls would only fail slowly: the next try comes soon instead.
      const telemetry = unreachable ? undefined : await step('telemetry', () => ingestEvents(context, this.deps.streamIdleMs, this.deps.streamConnectTimeoutMs));
      if (!unreachable) await step('checkins', () => sweepCheckins(context));
      evaluation = await step('evaluation', () => {
        // Threats are rated as they arrive; all of them are rated again only when the classification levels
        // changed, also while this poll ran (its threats then came in with the levels it started with).
        const latest = this.config?.classificationLevels ?? config.classificationLevels;
        const levelsKey = ratedWithKey(latest);
        if (inventory.cursor(RATED_WITH) !== levelsKey || ratedWithKey(config.classificationLevels) !== levelsKey) {
          inventory.transaction(() => {
            rerateThreats(inventory, currentLevels(latest));
            inventory.setCursor(RATED_WITH, levelsKey);
          });
        }
        return evaluateDevices(inventory, this.deps.now(), config.disconnectedAfterDays);
      });
      const lastSync = Number(inventory.cursor(LAST_SYNC_AT) ?? Number.NaN);
      if (!unreachable && (options.sync || !(this.deps.now() - lastSync < config.heartbeatMinutes * 60_000))) {
        const sync = await step('stateSync', () => syncStates(context));
        if (sync && (sync.failedBatches > 0 || sync.heartbeat === 'failed')) {
          // Each failure is already a sync error for the report; the poll says it did not fully sync.
          const reason = sync.heartbeat === 'failed' ? 'poll.stateSyncAndHeartbeatFailed' : 'poll.stateSyncFailed';
          const params = { failed: sync.failedBatches };
          errors.push({ step: 'stateSync', message: englishMessage(reason, params), reason, params });
        }
        synced = sync !== undefined && sync.failedBatches === 0 && sync.heartbeat !== 'failed';
        if (sync) Object.assign(stateSync, { mode: sync.mode, sent: sync.sent, unknownDevices: sync.unknownDevices, failedBatches: sync.failedBatches, drift: sync.drift });
      }
      await step('mail', () =>
        notify(inventory, this.outbox, this.deps.graph, {
          recipients: config.notificationRecipients,
          errorReportRecipients: config.errorReportRecipients,
          now: this.deps.now(),
          signal,
          emails: this.emails,
          telemetryCaughtUp: telemetry !== undefined,
        }),
      );
      // The outbox goes out even when composing this poll's mail failed: earlier mail must not wait on it.
      await step('mail', async () => {
        const mailer = this.deps.mailer?.();
        if (!mailer) return;
        // A refused send stays in the outbox and is tried again; the poll says why, and no sync error is
        // recorded, since the error report about it would go through the same server.
        const failures = new Map<string, MessageLine>();
        const watched: Mailer = {
          send: (mail) =>
            mailer.send(mail).catch((error: unknown) => {
              const line = failureLine(error);
              failures.set(line.message, line);
              throw error;
            }),
          close: () => mailer.close(),
        };
        mailsSent = (await this.outbox.sendDue(watched, Date.now())).sent;
        for (const line of failures.values()) errors.push({ step: 'mail', ...line });
      });
      if (errors.length > 0) outcome = 'partial';
    } catch (error) {
      if (!signal.aborted) throw error;
      outcome = 'aborted';
    }
    const finishedAt = Date.now();
    const graphRequests = requestsBefore === null ? null : (this.deps.graphRequests?.() ?? 0) - requestsBefore;
    inventory.transaction(() =>
      inventory.db.prepare('UPDATE polls SET kind = ?, finished_at = ?, outcome = ?, graph_requests = ?, error = ? WHERE id = ?').run(kind, finishedAt, outcome, graphRequests, errors.length ? JSON.stringify(errors) : null, id),
    );
    const result: PollResult = { id, kind, startedAt, finishedAt, outcome, errors, graphRequests, counts: evaluation?.counts ?? null, unsupported: evaluation?.unsupported ?? null, synced, mailsSent, relistedBecause, stateSync };
    if (outcome !== 'aborted') this.offlinePolls = unreachable ? this.offlinePolls + 1 : 0;
    const offlineSince = outcome === 'aborted' ? this.statusValue.offlineSince : unreachable ? (this.statusValue.offlineSince ?? startedAt) : null;
    this.setStatus({ state: this.running ? 'idle' : 'stopped', phase: null, progress: null, lastPoll: result, offlineSince });
    return result;
  }
}
