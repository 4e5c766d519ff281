import { type TokenProvider } from '../auth/token-provider';
import { ApiError, INVALID_RESPONSE, NETWORK_ERROR, type ServiceErrorDetail } from './api-error';
import { type BackoffOptions, DEFAULT_BACKOFF, retryDelay } from './backoff';
import { type Clock } from './clock';
import { type RequestBudget, type RequestCost } from './request-budget';
import { parseRetryAfter } from './retry-after';

export interface RetryPolicy {
  /** Tries in all, the first included; a token refresh after a 401 is not counted. */
  maxAttempts: number;
  backoff: BackoffOptions;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, backoff: DEFAULT_BACKOFF };

export type Fetch = typeof fetch;

/** How a client talks to its service: the pieces every call shares. */
export interface HttpTransport {
  /** Names the service in errors: 'Microsoft Graph', 'Mobile Risk API'. */
  service: string;
  fetch: Fetch;
  clock: Clock;
  retry: RetryPolicy;
  budget?: RequestBudget;
  /** Without one, no Authorization header is added (the caller sets its own). */
  tokens?: TokenProvider;
  /** Reads the service's error format. */
  readError(status: number, body: string, headers: Headers): ServiceErrorDetail;
  /** Sees every answer's headers, e.g. to slow the budget down. */
  onResponse?(headers: Headers): void;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  cost: RequestCost;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** Throttled (429) or a server-side failure worth trying again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Sends a request until it succeeds or may not be tried again: 429 and 5xx and
 * network errors (also while reading the body) are retried after the server's
 * Retry-After, or jittered backoff when it gave none; a 401 drops the token and
 * tries once more with a fresh one. Every try spends from the budget first. Any
 * other status is an ApiError, as is the last failure when the tries run out.
 */
export async function fetchWithRetry(transport: HttpTransport, request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
  const { clock, retry } = transport;
  let failures = 0;
  let refreshedToken = false;
  for (;;) {
    throwIfAborted(signal);
    await transport.budget?.acquire(request.cost, signal);
    const headers: Record<string, string> = { ...request.headers };
    if (transport.tokens) headers.Authorization = `Bearer ${await transport.tokens.getToken(signal)}`;

    let answer: HttpResponse;
    try {
      const response = await transport.fetch(request.url, { method: request.method, headers, body: request.body ?? null, signal: signal ?? null });
      answer = { status: response.status, headers: response.headers, body: await response.text() };
    } catch (error) {
      throwIfAborted(signal);
      failures += 1;
      if (failures >= retry.maxAttempts) {
        throw new ApiError({ ...describe(transport, request, 0), code: NETWORK_ERROR, message: networkMessage(error), attempts: failures, cause: error });
      }
      await clock.sleep(retryDelay(failures - 1, null, retry.backoff), signal);
      continue;
    }

    transport.onResponse?.(answer.headers);
    if (answer.status === 401 && transport.tokens && !refreshedToken) {
      transport.tokens.invalidate();
      refreshedToken = true;
      continue;
    }
    if (isRetryableStatus(answer.status) && failures + 1 < retry.maxAttempts) {
      failures += 1;
      const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), clock.now());
      if (answer.status === 429 && retryAfterMs !== null) transport.budget?.holdUntil(clock.now() + retryAfterMs);
      await clock.sleep(retryDelay(failures - 1, retryAfterMs, retry.backoff), signal);
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new ApiError({ ...describe(transport, request, answer.status), ...transport.readError(answer.status, answer.body, answer.headers), attempts: failures + 1 });
    }
    return answer;
  }
}

/** The body as JSON, or an ApiError naming the call when it is not JSON. */
export function parseJsonBody(transport: Pick<HttpTransport, 'service'>, request: Pick<HttpRequest, 'method' | 'url'>, answer: HttpResponse): unknown {
  try {
    return JSON.parse(answer.body) as unknown;
  } catch (error) {
    throw new ApiError({ ...describe(transport, request, answer.status), code: INVALID_RESPONSE, message: 'The answer is not JSON.', cause: error });
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

function describe(transport: Pick<HttpTransport, 'service'>, request: Pick<HttpRequest, 'method' | 'url'>, status: number): { service: string; method: string; url: string; status: number } {
  return { service: transport.service, method: request.method, url: request.url, status };
}

/** Node's fetch says "fetch failed" and keeps the reason (ECONNRESET, ECONNREFUSED, ...) in its cause. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'The request failed.';
  const cause = error.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  return code ? `${error.message} (${code})` : error.message;
}
