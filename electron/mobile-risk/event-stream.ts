import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { type TokenProvider } from '../auth/token-provider';
import { ApiError } from '../http/api-error';
import { backoffDelay, type BackoffOptions, retryDelay } from '../http/backoff';
import { type Clock } from '../http/clock';
import { type Fetch, isRetryableStatus } from '../http/fetch-with-retry';
import { isRecord } from '../http/json-shape';
import { ONE_READ, type RequestBudget } from '../http/request-budget';
import { parseRetryAfter } from '../http/retry-after';
import { readMobileRiskError } from './mobile-risk-error';
import { ALL_EVENT_TYPES, type MobileRiskEvent, type MobileRiskEventBatch, type MobileRiskEventType } from './mobile-risk-types';

export interface EventStreamSettings {
  /** Delays between reconnections after failures (full jitter). */
  backoff: BackoffOptions;
  /** Lookout sends a heartbeat every 5 s (the demo tenant every 15 s): this long without a byte means a dead connection. Infinity turns the watch off. */
  idleTimeoutMs: number;
}

export const DEFAULT_EVENT_STREAM_SETTINGS: EventStreamSettings = { backoff: { baseMs: 1000, capMs: 60_000 }, idleTimeoutMs: 45_000 };

export interface EventStreamOptions {
  /** Defaults to DEVICE, THREAT and AUDIT. */
  types?: readonly MobileRiskEventType[];
  /** Resume after this event id (the last one handled); without it the server starts where it chooses. */
  lastEventId?: string;
  /** Ends the stream: the iteration then finishes without an error. */
  signal?: AbortSignal;
}

export interface EventStreamConnection {
  service: string;
  baseUrl: string;
  fetch: Fetch;
  clock: Clock;
  tokens: TokenProvider;
  budget: RequestBudget;
  settings: EventStreamSettings;
}

type StreamEnd = 'asked' | 'closed' | 'broken';
type Chunk = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;

/**
 * The Mobile Risk API event stream (GET /mra/stream/v2/events, Server-Sent
 * Events) as an async iteration of event batches. It reconnects, resuming with
 * Last-Event-ID (header and id parameter), when the server asks to ('reconnect',
 * 'end'), when the connection drops, falls silent, or answers 429/5xx, after
 * Retry-After or jittered backoff; every connection spends from the budget.
 * A 401 refreshes the token once; other refusals end the iteration with an ApiError.
 */
export async function* streamEvents(connection: EventStreamConnection, options: EventStreamOptions = {}): AsyncGenerator<MobileRiskEventBatch, void, undefined> {
  const { clock, settings } = connection;
  const { signal } = options;
  const types = (options.types ?? ALL_EVENT_TYPES).join(',');
  const state = { lastEventId: options.lastEventId, serverRetryMs: 0 };
  let failures = 0;
  let delay = 0;
  let refreshedToken = false;

  while (!signal?.aborted) {
    try {
      if (delay > 0) await clock.sleep(delay, signal);
      await connection.budget.acquire(ONE_READ, signal);
    } catch (error) {
      if (signal?.aborted) return;
      throw error;
    }
    const url = streamUrl(connection.baseUrl, types, state.lastEventId);
    const hangUp = new AbortController();
    const connectionSignal = signal ? AbortSignal.any([signal, hangUp.signal]) : hangUp.signal;
    let response: Response;
    try {
      const token = await connection.tokens.getToken(signal);
      response = await connection.fetch(url, { headers: streamHeaders(token, state.lastEventId), signal: connectionSignal });
    } catch (error) {
      if (signal?.aborted) return;
      if (error instanceof ApiError && error.status >= 400 && !isRetryableStatus(error.status)) throw error;
      failures += 1;
      delay = Math.max(state.serverRetryMs, backoffDelay(failures - 1, settings.backoff));
      continue;
    }

    if (response.status === 401 && !refreshedToken) {
      await discard(response);
      connection.tokens.invalidate();
      refreshedToken = true;
      delay = 0;
      continue;
    }
    if (isRetryableStatus(response.status)) {
      await discard(response);
      failures += 1;
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
      if (response.status === 429 && retryAfterMs !== null) connection.budget.holdUntil(clock.now() + retryAfterMs);
      delay = retryDelay(failures - 1, retryAfterMs, settings.backoff);
      continue;
    }
    if (response.status !== 200 || !response.body) {
      const body = await response.text().catch(() => '');
      throw new ApiError({ service: connection.service, status: response.status, method: 'GET', url, ...readMobileRiskError(response.status, body, response.headers) });
    }

    refreshedToken = false;
    const heard = { anything: false };
    let end: StreamEnd;
    try {
      end = yield* readStream(response.body, connection, state, heard, connectionSignal);
    } finally {
      hangUp.abort();
    }
    if (signal?.aborted) return;
    failures = end === 'asked' ? 0 : heard.anything ? 1 : failures + 1;
    delay = Math.max(state.serverRetryMs, failures === 0 ? 0 : backoffDelay(failures - 1, settings.backoff));
  }
}

async function* readStream(
  body: ReadableStream<Uint8Array>,
  connection: EventStreamConnection,
  state: { lastEventId: string | undefined; serverRetryMs: number },
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
      const chunk = await readWithin(reader, connection.clock, connection.settings.idleTimeoutMs, signal);
      if (chunk === 'silent' || chunk.done) return 'closed';
      heard.anything = true;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      for (const message of messages.splice(0)) {
        if (message.id !== undefined) state.lastEventId = message.id === '' ? undefined : message.id;
        if (message.event === 'reconnect' || message.event === 'end') return 'asked';
        if (message.event === 'heartbeat') continue;
        const events = readEvents(message.data);
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

function streamUrl(baseUrl: string, types: string, lastEventId: string | undefined): string {
  const url = `${baseUrl}/mra/stream/v2/events?types=${types}`;
  return lastEventId === undefined ? url : `${url}&id=${encodeURIComponent(lastEventId)}`;
}

function streamHeaders(token: string, lastEventId: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache', Authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  return headers;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
