import { type TokenProvider } from '../http/token-provider';
import { ApiError } from '../http/api-error';
import { backoffDelay, type BackoffOptions } from '../http/backoff';
import { type Clock } from '../http/clock';
import { type Fetch } from '../http/fetch-with-retry';
import { ONE_READ, type RequestBudget } from '../http/request-budget';
import { DEFAULT_MAX_RETRY_AFTER_MS, isRetryableStatus, waitBeforeRetry } from '../http/retry-policy';
import { isRetryableTokenFailure, tokenFailure } from '../http/token-failure';
import { readStream, type StreamEnd, type StreamState } from './event-stream-reader';
import { readMobileRiskError } from './mobile-risk-error';
import { ALL_EVENT_TYPES, type MobileRiskEventBatch, type MobileRiskEventType } from './mobile-risk-types';

export interface EventStreamSettings {
  /** Delays between reconnections after failures (full jitter). */
  backoff: BackoffOptions;
  /** Lookout sends a heartbeat every 5 s (the demo tenant every 15 s): this long without a byte means a dead connection. Infinity turns the watch off. */
  idleTimeoutMs: number;
  /** A longer Retry-After ends the stream with an ApiError instead of waiting it out. */
  maxRetryAfterMs: number;
}

export const DEFAULT_EVENT_STREAM_SETTINGS: EventStreamSettings = { backoff: { baseMs: 1000, capMs: 60_000 }, idleTimeoutMs: 45_000, maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS };

export interface EventStreamOptions {
  /** Defaults to DEVICE, THREAT and AUDIT. */
  types?: readonly MobileRiskEventType[];
  /** Resume after this event id (the last one handled); without it the server starts where it chooses. */
  lastEventId?: string;
  /** Ends the stream: the iteration then finishes without an error. */
  signal?: AbortSignal;
  /** Called each time a connection is open and streaming (after a 200). */
  onOpen?: () => void;
  /** Called each time an open connection ends without being asked to (a reconnection follows). */
  onDrop?: () => void;
}

export interface EventStreamConnection {
  service: string;
  baseUrl: string;
  fetch: Fetch;
  clock: Clock;
  tokens: TokenProvider;
  budget: RequestBudget;
  settings: EventStreamSettings;
  /** Scrubbed from error messages (the application key). */
  secrets?: readonly string[] | undefined;
}

/**
 * The Mobile Risk API event stream (GET /mra/stream/v2/events, Server-Sent
 * Events) as an async iteration of event batches. It reconnects, resuming with
 * Last-Event-ID (header and id parameter), when the server asks to ('reconnect',
 * 'end'), when the connection drops, falls silent, answers 429/5xx, or no token
 * could be had for a reason worth retrying; never sooner than the server's
 * SSE retry: field or Retry-After, after jittered backoff. Every connection
 * spends from the budget once it has its token. A 401 refreshes the token
 * once; other refusals, a token provider that refuses, or a Retry-After beyond
 * the settings' maximum end the iteration with an ApiError.
 */
export async function* streamEvents(connection: EventStreamConnection, options: EventStreamOptions = {}): AsyncGenerator<MobileRiskEventBatch, void, undefined> {
  const { clock, settings } = connection;
  const { signal } = options;
  const types = (options.types ?? ALL_EVENT_TYPES).join(',');
  const state: StreamState = { lastEventId: options.lastEventId, serverRetryMs: 0 };
  let failures = 0;
  let delay = 0;
  let refreshedToken = false;
  const backOff = (): number => Math.max(state.serverRetryMs, backoffDelay(failures - 1, settings.backoff));

  while (!signal?.aborted) {
    const url = streamUrl(connection.baseUrl, types, state.lastEventId);
    const call = { service: connection.service, method: 'GET', url, secrets: connection.secrets };
    let token: string;
    try {
      if (delay > 0) await clock.sleep(delay, signal);
      token = await connection.tokens.getToken(signal);
    } catch (error) {
      if (signal?.aborted) return;
      failures += 1;
      if (!isRetryableTokenFailure(error)) throw tokenFailure(call, error, failures);
      delay = backOff();
      continue;
    }

    const hangUp = new AbortController();
    const connectionSignal = signal ? AbortSignal.any([signal, hangUp.signal]) : hangUp.signal;
    let response: Response;
    try {
      await connection.budget.acquire(ONE_READ, signal);
      response = await connection.fetch(url, { headers: streamHeaders(token, state.lastEventId), signal: connectionSignal });
    } catch {
      if (signal?.aborted) return;
      failures += 1;
      delay = backOff();
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
      const retryAfter = response.headers.get('retry-after');
      delay = waitBeforeRetry(
        { clock, budget: connection.budget, policy: settings },
        { ...call, status: response.status, retryAfter, attempt: failures, floorMs: state.serverRetryMs },
      );
      failures += 1;
      continue;
    }
    if (response.status !== 200 || !response.body) {
      const body = await response.text().catch(() => '');
      throw new ApiError({ ...call, status: response.status, ...readMobileRiskError(response.status, body, response.headers) });
    }

    refreshedToken = false;
    options.onOpen?.();
    const heard = { anything: false };
    let end: StreamEnd;
    try {
      end = yield* readStream(response.body, { clock, idleTimeoutMs: settings.idleTimeoutMs }, state, heard, connectionSignal);
    } finally {
      hangUp.abort();
    }
    if (signal?.aborted) return;
    options.onDrop?.();
    failures = end === 'asked' ? 0 : heard.anything ? 1 : failures + 1;
    delay = failures === 0 ? state.serverRetryMs : backOff();
  }
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
