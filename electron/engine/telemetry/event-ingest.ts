// The Mobile Risk API event stream, resumed from the stored last event id. Each SSE
// message's events land in one transaction together with the new last event id, so
// a crash replays at most the message it was handling, and replaying is harmless.
import { currentLevels } from '../../../shared/domain/threat-level';
import type { MobileRiskEvent } from '../../mobile-risk/mobile-risk-types';
import type { EngineContext } from '../engine-context';
import { recordSyncError, syncErrorLine } from '../state-sync/state-sync';
import { mtdWriters, parseTime, threatStatus } from './mtd-records';

export const LAST_EVENT_ID = 'telemetry.lastEventId';
/** The stream sends what it has at once; this long without a message means we have caught up. */
export const DEFAULT_IDLE_MS = 1500;

export interface IngestSummary {
  events: number;
  lastEventId: string | undefined;
  /** Malformed events skipped (each a sync error). */
  skipped: number;
  /** True on the very first ingestion: the history is a baseline, not news to mail about. */
  baseline: boolean;
}

/** How long the stream may take to open (through throttling and outages) before the step fails. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 120_000;
/** A poll reads events for at most this long; a busy stream never falls silent, and the next poll goes on from there. */
export const MAX_READ_MS = 60_000;

export async function ingestEvents(context: EngineContext, idleMs = DEFAULT_IDLE_MS, connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS): Promise<IngestSummary> {
  const { inventory } = context;
  const startId = inventory.cursor(LAST_EVENT_ID);
  const levels = currentLevels(context.config.classificationLevels);
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  context.signal.addEventListener('abort', onAbort, { once: true });
  // Silence counts as "caught up" only while a connection is open; until one opens, a deadline runs instead.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unreachable = false;
  const waitForConnection = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      unreachable = true;
      stop.abort();
    }, connectTimeoutMs);
  };
  const armIdle = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => stop.abort(), idleMs);
  };
  let count = 0;
  let skipped = 0;
  let lastEventId = startId;
  // Events created after the poll began belong to the next poll: stopping there keeps each poll finite.
  const until = context.now();
  const deadline = setTimeout(() => stop.abort(), MAX_READ_MS);
  try {
    waitForConnection();
    const stream = context.mobileRisk.events({
      types: ['DEVICE', 'THREAT'],
      signal: stop.signal,
      lastEventId: startId ?? '0',
      onOpen: armIdle,
      onDrop: waitForConnection,
    });
    for await (const batch of stream) {
      clearTimeout(timer);
      const writers = mtdWriters(inventory, levels, context.now());
      let reachedNow = false;
      inventory.transaction(() => {
        for (const event of batch.events) {
          try {
            applyEvent(writers, event, until);
          } catch (error) {
            // One malformed event must not stop every later poll at the same message: it is skipped and reported.
            skipped += 1;
            recordSyncError(inventory, context.now(), 'telemetry', null, syncErrorLine('sync.eventSkipped', { event: String(event.id).slice(0, 64) }, error));
          }
          if ((parseTime(event.created_time) ?? 0) > until) reachedNow = true;
        }
        if (batch.lastEventId !== undefined) inventory.setCursor(LAST_EVENT_ID, batch.lastEventId);
      });
      count += batch.events.length;
      lastEventId = batch.lastEventId ?? lastEventId;
      context.progress('telemetry', count, null);
      if (reachedNow) break;
      armIdle();
    }
  } finally {
    clearTimeout(timer);
    clearTimeout(deadline);
    context.signal.removeEventListener('abort', onAbort);
  }
  context.signal.throwIfAborted();
  if (unreachable) throw new Error(`The Mobile Risk API event stream could not be opened within ${Math.round(connectTimeoutMs / 1000)} s (${count} events were read; the next poll resumes after the last one).`);
  return { events: count, skipped, lastEventId, baseline: startId === undefined };
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`its ${field} is missing.`);
  return value;
}

function applyEvent(writers: ReturnType<typeof mtdWriters>, event: MobileRiskEvent, fallbackTime: number): void {
  const at = parseTime(event.created_time) ?? fallbackTime;
  if (event.device) {
    writers.device({
      guid: text(event.device.guid, 'device guid'),
      managedDeviceId: event.device.mdm_external_id ?? null,
      status: event.device.status,
      checkinAt: parseTime(event.device.checkin_time),
      at,
      confirmedAt: at,
    });
  }
  if (event.type === 'THREAT' && event.threat) {
    const status = text(event.threat.status, 'threat status');
    writers.threat({
      guid: text(event.threat.guid, 'threat guid'),
      deviceGuid: event.device?.guid ?? null,
      type: text(event.threat.type, 'threat type'),
      classifications: Array.isArray(event.threat.classifications) ? event.threat.classifications.filter((name): name is string => typeof name === 'string') : [],
      severity: typeof event.threat.severity === 'string' ? event.threat.severity : 'LOW',
      status,
      detectedAt: parseTime(event.threat.detected_at) ?? (event.change_type === 'CREATED' ? at : null),
      closedAt: parseTime(event.threat.closed_at) ?? (threatStatus(status) === 'open' ? null : at),
    });
  }
}
