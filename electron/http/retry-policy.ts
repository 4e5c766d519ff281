import { ApiError, RETRY_AFTER_TOO_LONG } from './api-error';
import { backoffDelay, type BackoffOptions, DEFAULT_BACKOFF } from './backoff';
import { type Clock } from './clock';
import { type RequestBudget } from './request-budget';
import { parseRetryAfter } from './retry-after';

export interface RetryPolicy {
  /** Tries in all, the first included; a token refresh after a 401 is not counted. */
  maxAttempts: number;
  backoff: BackoffOptions;
  /** A longer Retry-After fails the call at once instead of sleeping through it. */
  maxRetryAfterMs: number;
}

export const DEFAULT_MAX_RETRY_AFTER_MS = 5 * 60_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, backoff: DEFAULT_BACKOFF, maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS };

/** Throttled (429) or a server-side failure worth trying again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

export interface RetryTiming {
  clock: Clock;
  budget?: RequestBudget | undefined;
  policy: Pick<RetryPolicy, 'backoff' | 'maxRetryAfterMs'>;
}

/** An answer worth trying again, and the call it answered (named in the error when its wait is too long). */
export interface FailedTry {
  service: string;
  method: string;
  url: string;
  status: number;
  retryAfter: string | null | undefined;
  /** 0 before the first retry. */
  attempt: number;
  /** The least wait, e.g. the event stream's SSE retry: field. */
  floorMs?: number;
  secrets?: readonly string[] | undefined;
}

/**
 * How long to wait before trying again: the longest of the server's
 * Retry-After, the floor and jittered backoff for this attempt, so a
 * "Retry-After: 0" never turns into a burst and no retry leaves before the
 * server said it may. A 429 or 503 with Retry-After also holds the shared
 * budget, so other calls to the service wait too. A Retry-After beyond the
 * policy's maximum throws an ApiError saying how long the service asked for;
 * the budget is then held only up to that maximum, so one answer cannot
 * stall every other call for a day.
 */
export function waitBeforeRetry(timing: RetryTiming, failed: FailedTry): number {
  const now = timing.clock.now();
  const retryAfterMs = parseRetryAfter(failed.retryAfter, now);
  const { maxRetryAfterMs } = timing.policy;
  if (retryAfterMs !== null && (failed.status === 429 || failed.status === 503)) timing.budget?.holdUntil(now + Math.min(retryAfterMs, maxRetryAfterMs));
  if (retryAfterMs !== null && retryAfterMs > maxRetryAfterMs) {
    throw new ApiError({
      service: failed.service,
      status: failed.status,
      method: failed.method,
      url: failed.url,
      code: RETRY_AFTER_TOO_LONG,
      message: `The service asked to wait ${Math.ceil(retryAfterMs / 1000)} s before trying again, longer than the ${Math.ceil(maxRetryAfterMs / 1000)} s allowed.`,
      attempts: failed.attempt + 1,
      retryAfterMs,
      secrets: failed.secrets,
    });
  }
  return Math.max(retryAfterMs ?? 0, failed.floorMs ?? 0, backoffDelay(failed.attempt, timing.policy.backoff));
}
