import { type TokenProvider } from '../auth/token-provider';
import { abortable } from '../http/abortable';
import { ApiError, INVALID_RESPONSE } from '../http/api-error';
import { normalizeBaseUrl } from '../http/base-url';
import { type Clock, systemClock } from '../http/clock';
import { DEFAULT_RETRY_POLICY, type Fetch, fetchWithRetry, type HttpTransport, parseJsonBody, type RetryPolicy } from '../http/fetch-with-retry';
import { isRecord } from '../http/json-shape';
import { ONE_WRITE, type RequestBudget } from '../http/request-budget';
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
 * it expires; callers asking at the same time share one exchange.
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
    ...(options.budget ? { budget: options.budget } : {}),
  };
  let cached: { token: string; refreshAt: number } | undefined;
  let exchanging: Promise<string> | undefined;

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
    if (!isRecord(body) || typeof body.access_token !== 'string' || body.access_token === '') {
      throw new ApiError({ service: MOBILE_RISK_SERVICE, status: answer.status, method: 'POST', url, code: INVALID_RESPONSE, message: 'The token answer has no access_token.' });
    }
    const now = clock.now();
    const lifetime =
      typeof body.expires_in === 'number' ? body.expires_in * 1000 : typeof body.expires_at === 'number' ? body.expires_at - now : UNDATED_TOKEN_LIFETIME_MS;
    cached = { token: body.access_token, refreshAt: now + lifetime - Math.min(margin, lifetime / 2) };
    return body.access_token;
  }

  return {
    getToken(signal) {
      if (cached && clock.now() < cached.refreshAt) return Promise.resolve(cached.token);
      exchanging ??= exchange().finally(() => {
        exchanging = undefined;
      });
      return abortable(exchanging, signal);
    },
    invalidate() {
      cached = undefined;
    },
  };
}
