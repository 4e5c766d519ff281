import { type TokenProvider } from './token-provider';
import { ApiError, INVALID_RESPONSE, NETWORK_ERROR, type ServiceErrorDetail } from './api-error';
import { backoffDelay } from './backoff';
import { type Clock } from './clock';
import { networkMessage } from './network-error';
import { type RequestBudget, type RequestCost } from './request-budget';
import { isRetryableStatus, type RetryPolicy, waitBeforeRetry } from './retry-policy';
import { isRetryableTokenFailure, tokenFailure } from './token-failure';

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
  /** Secrets the transport knows (an application key, a client secret), scrubbed from every error's message. */
  secrets?: readonly string[];
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

/**
 * Sends a request until it succeeds or may not be tried again. The token comes
 * first, so a failing token provider spends nothing from the budget; a token
 * failure worth retrying, a network error (also while reading the body), a
 * 429 or a 5xx are tried again after jittered backoff, and never before the
 * server's Retry-After; each counts as an attempt. A 401 drops the token and
 * tries once more with a fresh one. Any other status is an ApiError, as is the
 * last failure when the tries run out.
 */
export async function fetchWithRetry(transport: HttpTransport, request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
  const { clock, retry } = transport;
  let failures = 0;
  let refreshedToken = false;
  for (;;) {
    signal?.throwIfAborted();
    let token: string | undefined;
    try {
      token = await transport.tokens?.getToken(signal);
    } catch (error) {
      signal?.throwIfAborted();
      failures += 1;
      // An ApiError comes from a token call that has already been retried by its own transport.
      if (error instanceof ApiError || !isRetryableTokenFailure(error) || failures >= retry.maxAttempts) throw tokenFailure(describe(transport, request, 0), error, failures);
      await clock.sleep(backoffDelay(failures - 1, retry.backoff), signal);
      continue;
    }
    await transport.budget?.acquire(request.cost, signal);
    const headers: Record<string, string> = { ...request.headers, ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }) };

    let answer: HttpResponse;
    try {
      const response = await transport.fetch(request.url, { method: request.method, headers, body: request.body ?? null, signal: signal ?? null });
      answer = { status: response.status, headers: response.headers, body: await response.text() };
    } catch (error) {
      signal?.throwIfAborted();
      failures += 1;
      if (failures >= retry.maxAttempts) {
        throw new ApiError({ ...describe(transport, request, 0), code: NETWORK_ERROR, message: networkMessage(error), attempts: failures, cause: error });
      }
      await clock.sleep(backoffDelay(failures - 1, retry.backoff), signal);
      continue;
    }

    transport.onResponse?.(answer.headers);
    if (answer.status === 401 && transport.tokens && !refreshedToken) {
      transport.tokens.invalidate();
      refreshedToken = true;
      continue;
    }
    if (isRetryableStatus(answer.status) && failures + 1 < retry.maxAttempts) {
      const wait = waitBeforeRetry(
        { clock, budget: transport.budget, policy: retry },
        { ...describe(transport, request, answer.status), retryAfter: answer.headers.get('retry-after'), attempt: failures },
      );
      failures += 1;
      await clock.sleep(wait, signal);
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new ApiError({ ...describe(transport, request, answer.status), ...transport.readError(answer.status, answer.body, answer.headers), attempts: failures + 1 });
    }
    return answer;
  }
}

/** The body as JSON, or an ApiError naming the call when it is not JSON. */
export function parseJsonBody(transport: Pick<HttpTransport, 'service' | 'secrets'>, request: Pick<HttpRequest, 'method' | 'url'>, answer: HttpResponse): unknown {
  try {
    return JSON.parse(answer.body) as unknown;
  } catch (error) {
    throw new ApiError({ ...describe(transport, request, answer.status), code: INVALID_RESPONSE, message: 'The answer is not JSON.', cause: error });
  }
}

interface CallDescription {
  service: string;
  method: string;
  url: string;
  status: number;
  secrets: readonly string[] | undefined;
}

function describe(transport: Pick<HttpTransport, 'service' | 'secrets'>, request: Pick<HttpRequest, 'method' | 'url'>, status: number): CallDescription {
  return { service: transport.service, method: request.method, url: request.url, status, secrets: transport.secrets };
}
