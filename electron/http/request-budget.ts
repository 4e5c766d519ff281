import { type Clock, systemClock } from './clock';

/** What one call spends: Graph counts every item of a $batch on its own, so a batch costs its items. */
export interface RequestCost {
  reads: number;
  writes: number;
}

export const ONE_READ: RequestCost = { reads: 1, writes: 0 };
export const ONE_WRITE: RequestCost = { reads: 0, writes: 1 };

export interface RequestBudgetOptions {
  windowMs: number;
  /** Most requests of any kind (reads and writes together) per window. */
  maxRequests: number;
  /** Most writes per window; they also count towards maxRequests. */
  maxWrites: number;
  clock?: Clock;
}

/**
 * A sliding-window budget that makes callers wait (on the clock) instead of
 * going over a service's published limits. Every API client takes one; one
 * budget per tenant and service, shared by every client of it.
 */
export interface RequestBudget {
  /** Resolves when the cost fits in the window (recording it), rejects when the signal aborts first. */
  acquire(cost: RequestCost, signal?: AbortSignal): Promise<void>;
  /** The service said it had counted this share of its limit (x-ms-throttle-limit-percentage, e.g. 0.9). */
  reportUsage(fraction: number): void;
  /** The service throttled us until this time: nobody sends before it. */
  holdUntil(time: number): void;
  /** The limits in force now, after any slow-down. */
  allowance(): { requests: number; writes: number };
  /** Spent in the current window. */
  used(): { requests: number; writes: number };
}

interface Spending {
  at: number;
  requests: number;
  writes: number;
}

/** Graph starts reporting usage at 0.8 of its limit; we aim to stay there. */
const USAGE_TARGET = 0.8;
const SLOWEST_FACTOR = 0.25;

export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const clock = options.clock ?? systemClock;
  const { windowMs } = options;
  const spent: Spending[] = [];
  let requests = 0;
  let writes = 0;
  let heldUntil = 0;
  let slowDown = { factor: 1, until: 0 };

  function prune(now: number): void {
    while (spent.length > 0 && (spent[0]?.at ?? Infinity) + windowMs <= now) {
      const oldest = spent.shift();
      if (oldest) {
        requests -= oldest.requests;
        writes -= oldest.writes;
      }
    }
  }

  function allowance(now = clock.now()): { requests: number; writes: number } {
    const factor = now < slowDown.until ? slowDown.factor : 1;
    return {
      requests: Math.max(1, Math.floor(options.maxRequests * factor)),
      writes: Math.max(1, Math.floor(options.maxWrites * factor)),
    };
  }

  /** 0 when the cost fits now, else how long until enough of the window has slid past. */
  function waitFor(cost: RequestCost, now: number): number {
    if (now < heldUntil) return heldUntil - now;
    prune(now);
    const limit = allowance(now);
    const wanted = cost.reads + cost.writes;
    // A cost above the whole allowance (a 20-item batch under a deep slow-down) goes once the window is empty.
    const needRequests = Math.max(0, requests + Math.min(wanted, limit.requests) - limit.requests);
    const needWrites = Math.max(0, writes + Math.min(cost.writes, limit.writes) - limit.writes);
    if (needRequests === 0 && needWrites === 0) return 0;
    let freedRequests = 0;
    let freedWrites = 0;
    for (const spending of spent) {
      freedRequests += spending.requests;
      freedWrites += spending.writes;
      if (freedRequests >= needRequests && freedWrites >= needWrites) return spending.at + windowMs - now;
    }
    return windowMs;
  }

  return {
    async acquire(cost, signal) {
      for (;;) {
        if (signal?.aborted) throw signal.reason;
        const now = clock.now();
        const wait = waitFor(cost, now);
        if (wait <= 0) {
          const requestCount = cost.reads + cost.writes;
          spent.push({ at: now, requests: requestCount, writes: cost.writes });
          requests += requestCount;
          writes += cost.writes;
          return;
        }
        await clock.sleep(wait, signal);
      }
    },
    reportUsage(fraction) {
      if (!Number.isFinite(fraction) || fraction < USAGE_TARGET) return;
      // Rule: usage p >= 0.8 shrinks the allowance to 0.8 / p of itself (not below a quarter) for one window from the latest report.
      slowDown = { factor: Math.max(SLOWEST_FACTOR, USAGE_TARGET / fraction), until: clock.now() + windowMs };
    },
    holdUntil(time) {
      heldUntil = Math.max(heldUntil, time);
    },
    allowance: () => allowance(),
    used() {
      prune(clock.now());
      return { requests, writes };
    },
  };
}
