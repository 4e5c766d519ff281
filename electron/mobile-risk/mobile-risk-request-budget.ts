import { type Clock } from '../http/clock';
import { createRequestBudget, DEFAULT_LIMIT_MARGIN, type RequestBudget } from '../http/request-budget';

/** The Mobile Risk API's published limit: 100 requests per minute per tenant. */
export const MOBILE_RISK_LIMITS = { windowMs: 60_000, maxRequests: 100 } as const;

/** One per tenant, shared by the token exchange, the listings and the event stream's connections. */
export function createMobileRiskRequestBudget(options: { clock?: Clock; margin?: number } = {}): RequestBudget {
  const allowed = Math.floor(MOBILE_RISK_LIMITS.maxRequests * (1 - (options.margin ?? DEFAULT_LIMIT_MARGIN)));
  return createRequestBudget({
    windowMs: MOBILE_RISK_LIMITS.windowMs,
    maxRequests: allowed,
    maxWrites: allowed,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
