import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { type Clock } from '../http/clock';
import { isRecord } from '../http/json-shape';
import { type MobileRiskEvent, type MobileRiskEventBatch } from './mobile-risk-types';

/** 'asked': the server said to reconnect; 'closed': it hung up, fell silent, or we did; 'broken': the read failed. */
export type StreamEnd = 'asked' | 'closed' | 'broken';

/** What survives one connection: where to resume, and the server's SSE retry: field. */
export interface StreamState {
  lastEventId: string | undefined;
  serverRetryMs: number;
}

type Chunk = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;

/**
 * The event batches of one connection's body, until it ends. Nothing is
 * yielded once the signal aborts, not even messages already parsed from the
 * chunk at hand.
 */
export async function* readStream(
  body: ReadableStream<Uint8Array>,
  timing: { clock: Clock; idleTimeoutMs: number },
  state: StreamState,
  heard: { anything: boolean },
  signal: AbortSignal,
): AsyncGenerator<MobileRiskEventBatch, StreamEnd, undefined> {
  const messages: EventSourceMessage[] = [];
  const parser = createParser({
    onEvent: (message) => messages.push(message),
    onRetry: (ms) => {
      state.serverRetryMs = ms;
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const chunk = await readWithin(reader, timing.clock, timing.idleTimeoutMs, signal);
      if (chunk === 'silent' || chunk.done) return 'closed';
      heard.anything = true;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      for (const message of messages.splice(0)) {
        if (message.id !== undefined) state.lastEventId = message.id === '' ? undefined : message.id;
        if (message.event === 'reconnect' || message.event === 'end') return 'asked';
        if (message.event === 'heartbeat') continue;
        const events = readEvents(message.data);
        if (signal.aborted) return 'closed';
        if (events.length > 0) yield { events, lastEventId: state.lastEventId };
      }
    }
  } catch {
    return 'broken';
  } finally {
    reader.releaseLock();
  }
}

/** The next chunk, or 'silent' when none came within ms. */
async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, clock: Clock, ms: number, signal: AbortSignal): Promise<Chunk | 'silent'> {
  if (!Number.isFinite(ms)) return reader.read();
  const watch = new AbortController();
  const silence = clock.sleep(ms, AbortSignal.any([signal, watch.signal])).then(
    () => 'silent' as const,
    () => new Promise<never>(() => undefined),
  );
  try {
    return await Promise.race([reader.read(), silence]);
  } finally {
    watch.abort();
  }
}

/** An SSE message's data is {"events": [...]}; anything else (a heartbeat's {}, a broken line) carries no events. */
function readEvents(data: string): MobileRiskEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return [];
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.events)) return [];
  return (parsed.events as unknown[]).filter((event): event is MobileRiskEvent => isRecord(event) && typeof event.id === 'string' && typeof event.type === 'string');
}
