import { SingleFlight } from '../http/single-flight';
import { type TokenProvider } from '../http/token-provider';
import { ApiError, INVALID_RESPONSE } from '../http/api-error';
import { normalizeBaseUrl } from '../http/base-url';
import { type Clock, systemClock } from '../http/clock';
import { type Fetch, fetchWithRetry, type HttpTransport, parseJsonBody } from '../http/fetch-with-retry';
import { isRecord, positiveSeconds } from '../http/json-shape';
import { ONE_WRITE, type RequestBudget } from '../http/request-budget';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../http/retry-policy';
import { readMobileRiskError } from './mobile-risk-error';

export const MOBILE_RISK_SERVICE = 'Mobile Risk API';

export interface MobileRiskTokenOptions {
  baseUrl: string;
  /** The application key from the Lookout console (System > Application Keys). */
  appKey: string;
  fetch?: Fetch;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  budget?: RequestBudget;
  /** Fetch a new token this long before the cached one expires (at most half its lifetime). */
  refreshMarginMs?: number;
}

const DEFAULT_REFRESH_MARGIN_MS = 60_000;
/** A token answer without an expiry is used for this long. */
const UNDATED_TOKEN_LIFETIME_MS = 60_000;

/**
 * OAuth client credentials against the Mobile Risk API: POST /oauth2/token
 * with the application key as bearer. The token is cached until shortly before
 * it expires; callers asking at the same time share one exchange. An answer
 * whose lifetime is not positive (expires_in 0, an expires_at already past) is
 * refused: caching it would mean an exchange on every call.
 */
export function createMobileRiskTokenProvider(options: MobileRiskTokenOptions): TokenProvider {
  const clock = options.clock ?? systemClock;
  const url = `${normalizeBaseUrl(options.baseUrl)}/oauth2/token`;
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const transport: HttpTransport = {
    service: MOBILE_RISK_SERVICE,
    fetch: options.fetch ?? globalThis.fetch,
    clock,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    readError: readMobileRiskError,
    secrets: [options.appKey],
    ...(options.budget ? { budget: options.budget } : {}),
  };
  const flight = new SingleFlight<string>();
  let cached: { token: string; refreshAt: number } | undefined;

  async function exchange(): Promise<string> {
    const request = {
      method: 'POST',
      url,
      headers: { Authorization: `Bearer ${options.appKey}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=client_credentials',
      cost: ONE_WRITE,
    };
    const answer = await fetchWithRetry(transport, request);
    const body = parseJsonBody(transport, request, answer);
    const invalid = (message: string): ApiError => new ApiError({ service: MOBILE_RISK_SERVICE, status: answer.status, method: 'POST', url, code: INVALID_RESPONSE, message });
    if (!isRecord(body) || typeof body.access_token !== 'string' || body.access_token === '') throw invalid('The token answer has no access_token.');
    const now = clock.now();
    const lifetime = lifetimeMs(body, now);
    if (lifetime === null) throw invalid('The token answer expires at once or has already expired (expires_in, expires_at).');
    cached = { token: body.access_token, refreshAt: now + lifetime - Math.min(margin, lifetime / 2) };
    return body.access_token;
  }

  return {
    getToken(signal) {
      if (cached && clock.now() < cached.refreshAt) return Promise.resolve(cached.token);
      return flight.run(exchange, signal);
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** The token's lifetime in ms from expires_in (seconds) or expires_at (ms since the epoch); null when it is not positive or unreadable. */
function lifetimeMs(body: Record<string, unknown>, now: number): number | null {
  if (body.expires_in !== undefined && body.expires_in !== null) {
    const seconds = positiveSeconds(body.expires_in);
    return seconds === null ? null : seconds * 1000;
  }
  if (body.expires_at !== undefined && body.expires_at !== null) {
    return typeof body.expires_at === 'number' && body.expires_at > now ? body.expires_at - now : null;
  }
  return UNDATED_TOKEN_LIFETIME_MS;
}
