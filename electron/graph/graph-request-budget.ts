import { type Clock } from '../http/clock';
import { createRequestBudget, DEFAULT_LIMIT_MARGIN, type RequestBudget } from '../http/request-budget';

/** Intune's published limits per app per tenant (throttling-limits): 2,000 requests in 20 s, of which 200 writes. */
export const INTUNE_LIMITS = { windowMs: 20_000, maxRequests: 2000, maxWrites: 200 } as const;

/** One per tenant: every Graph client of that tenant shares it. */
export function createGraphRequestBudget(options: { clock?: Clock; margin?: number } = {}): RequestBudget {
  const keep = 1 - (options.margin ?? DEFAULT_LIMIT_MARGIN);
  return createRequestBudget({
    windowMs: INTUNE_LIMITS.windowMs,
    maxRequests: Math.floor(INTUNE_LIMITS.maxRequests * keep),
    maxWrites: Math.floor(INTUNE_LIMITS.maxWrites * keep),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
