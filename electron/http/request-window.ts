/** What one call spends: Graph counts every item of a $batch on its own, so a batch costs its items. */
export interface RequestCost {
  reads: number;
  writes: number;
}

export interface RequestLimits {
  windowMs: number;
  /** Most requests of any kind (reads and writes together) per window. */
  maxRequests: number;
  /** Most writes per window; they also count towards maxRequests. */
  maxWrites: number;
}

/** Why a cost does not fit yet, and how long until it does if nothing else is spent meanwhile. */
export interface Shortfall {
  waitMs: number;
  requests: boolean;
  writes: boolean;
}

export interface RequestWindow {
  /** Null when the cost fits now. */
  shortfall(cost: RequestCost, now: number): Shortfall | null;
  spend(cost: RequestCost, now: number): void;
  reportUsage(fraction: number, now: number): void;
  allowance(now: number): { requests: number; writes: number };
  used(now: number): { requests: number; writes: number };
}

interface Spending {
  at: number;
  requests: number;
  writes: number;
}

/** Graph starts reporting usage at 0.8 of its limit; we aim to stay there. */
const USAGE_TARGET = 0.8;
const SLOWEST_FACTOR = 0.25;

/** What was spent in the last windowMs, and the limits in force after the service's usage reports. */
export function createRequestWindow(limits: RequestLimits): RequestWindow {
  const { windowMs } = limits;
  const spent: Spending[] = [];
  let requests = 0;
  let writes = 0;
  // Slow-downs in force, each ending one window after its report: the first is the strongest, each later one milder but longer.
  const slowDowns: { factor: number; until: number }[] = [];

  function prune(now: number): void {
    while (spent.length > 0 && (spent[0]?.at ?? Infinity) + windowMs <= now) {
      const oldest = spent.shift();
      if (oldest) {
        requests -= oldest.requests;
        writes -= oldest.writes;
      }
    }
    while (slowDowns.length > 0 && (slowDowns[0]?.until ?? Infinity) <= now) slowDowns.shift();
  }

  function allowance(now: number): { requests: number; writes: number } {
    prune(now);
    const factor = slowDowns[0]?.factor ?? 1;
    return {
      requests: Math.max(1, Math.floor(limits.maxRequests * factor)),
      writes: Math.max(1, Math.floor(limits.maxWrites * factor)),
    };
  }

  return {
    shortfall(cost, now) {
      const limit = allowance(now);
      const wanted = cost.reads + cost.writes;
      // A cost above the whole allowance (a 20-item batch under a deep slow-down) goes once the window is empty.
      const needRequests = Math.max(0, requests + Math.min(wanted, limit.requests) - limit.requests);
      const needWrites = Math.max(0, writes + Math.min(cost.writes, limit.writes) - limit.writes);
      if (needRequests === 0 && needWrites === 0) return null;
      let freedRequests = 0;
      let freedWrites = 0;
      let waitMs = windowMs;
      for (const spending of spent) {
        freedRequests += spending.requests;
        freedWrites += spending.writes;
        if (freedRequests >= needRequests && freedWrites >= needWrites) {
          waitMs = spending.at + windowMs - now;
          break;
        }
      }
      return { waitMs, requests: needRequests > 0, writes: needWrites > 0 };
    },
    spend(cost, now) {
      const requestCount = cost.reads + cost.writes;
      spent.push({ at: now, requests: requestCount, writes: cost.writes });
      requests += requestCount;
      writes += cost.writes;
    },
    reportUsage(fraction, now) {
      if (!Number.isFinite(fraction) || fraction < USAGE_TARGET) return;
      // Rule: usage p >= 0.8 shrinks the allowance to 0.8 / p of itself (not below a quarter) for one window from
      // that report; the highest usage reported within the window wins, so a milder report never lifts a stronger one.
      const factor = Math.max(SLOWEST_FACTOR, USAGE_TARGET / fraction);
      prune(now);
      while (slowDowns.length > 0 && (slowDowns.at(-1)?.factor ?? 0) >= factor) slowDowns.pop();
      slowDowns.push({ factor, until: now + windowMs });
    },
    allowance,
    used(now) {
      prune(now);
      return { requests, writes };
    },
  };
}
