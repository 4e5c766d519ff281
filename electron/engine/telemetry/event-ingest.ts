// The Mobile Risk API event stream, resumed from the stored last event id. Each SSE
// message's events land in one transaction together with the new last event id, so
// a crash replays at most the message it was handling, and replaying is harmless.
import { currentLevels } from '../../../shared/domain/threat-level';
import type { MobileRiskEvent } from '../../mobile-risk/mobile-risk-types';
import type { EngineContext } from '../engine-context';
import { mtdWriters, parseTime, threatStatus } from './mtd-records';

export const LAST_EVENT_ID = 'telemetry.lastEventId';
/** The stream sends what it has at once; this long without a message means we have caught up. */
export const DEFAULT_IDLE_MS = 1500;

export interface IngestSummary {
  events: number;
  lastEventId: string | undefined;
  /** True on the very first ingestion: the history is a baseline, not news to mail about. */
  baseline: boolean;
}

/** How long the stream may take to open (through throttling and outages) before the step fails. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 120_000;

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
  let lastEventId = startId;
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
      inventory.transaction(() => {
        for (const event of batch.events) applyEvent(writers, event);
        if (batch.lastEventId !== undefined) inventory.setCursor(LAST_EVENT_ID, batch.lastEventId);
      });
      count += batch.events.length;
      lastEventId = batch.lastEventId ?? lastEventId;
      context.progress('telemetry', count, null);
      armIdle();
    }
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', onAbort);
  }
  context.signal.throwIfAborted();
  if (unreachable) throw new Error(`The Mobile Risk API event stream could not be opened within ${Math.round(connectTimeoutMs / 1000)} s (${count} events were read; the next poll resumes after the last one).`);
  return { events: count, lastEventId, baseline: startId === undefined };
}

function applyEvent(writers: ReturnType<typeof mtdWriters>, event: MobileRiskEvent): void {
  const at = parseTime(event.created_time) ?? 0;
  if (event.device) {
    writers.device({
      guid: event.device.guid,
      managedDeviceId: event.device.mdm_external_id ?? null,
      status: event.device.status,
      checkinAt: parseTime(event.device.checkin_time),
      at,
    });
  }
  if (event.type === 'THREAT' && event.threat) {
    writers.threat({
      guid: event.threat.guid,
      deviceGuid: event.device?.guid ?? null,
      type: event.threat.type,
      classifications: event.threat.classifications ?? [],
      severity: event.threat.severity,
      status: event.threat.status,
      detectedAt: parseTime(event.threat.detected_at) ?? (event.change_type === 'CREATED' ? at : null),
      closedAt: parseTime(event.threat.closed_at) ?? (threatStatus(event.threat.status) === 'open' ? null : at),
    });
  }
}
