import { type Clock, systemClock } from './clock';
import { createRequestWindow, type RequestCost, type RequestLimits } from './request-window';

export type { RequestCost };


export const ONE_READ: RequestCost = { reads: 1, writes: 0 };
export const ONE_WRITE: RequestCost = { reads: 0, writes: 1 };

/** The share of a service's published limits a budget keeps unused, for other apps' clocks and our own retries. */
export const DEFAULT_LIMIT_MARGIN = 0.1;

export interface RequestBudgetOptions extends RequestLimits {
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

interface Waiter {
  cost: RequestCost;
  grant(): void;
}

/**
 * Waiters are served first in, first out: nobody overtakes an earlier waiter
 * short of requests, so a 20-item batch is not starved by single reads
 * slipping into each freed slot. The one exception: while an earlier waiter
 * lacks only write allowance, later waiters without writes may pass.
 */
export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const clock = options.clock ?? systemClock;
  const window = createRequestWindow(options);
  const queue: Waiter[] = [];
  let heldUntil = 0;
  let wakeUp: { at: number; cancel: AbortController } | undefined;

  function serve(): void {
    const now = clock.now();
    let soonest = Infinity;
    if (now < heldUntil) {
      soonest = heldUntil - now;
    } else {
      let writesBlocked = false;
      for (const waiter of [...queue]) {
        if (writesBlocked && waiter.cost.writes > 0) continue;
        const short = window.shortfall(waiter.cost, now);
        if (short === null) {
          window.spend(waiter.cost, now);
          queue.splice(queue.indexOf(waiter), 1);
          waiter.grant();
          continue;
        }
        soonest = Math.min(soonest, short.waitMs);
        if (short.requests) break;
        writesBlocked = true;
      }
    }
    scheduleWakeUp(queue.length === 0 ? Infinity : soonest, now);
  }

  function scheduleWakeUp(waitMs: number, now: number): void {
    if (!Number.isFinite(waitMs)) {
      wakeUp?.cancel.abort();
      wakeUp = undefined;
      return;
    }
    // An earlier wake-up already set serves too: it looks again and sleeps on if it must.
    if (wakeUp && wakeUp.at <= now + waitMs) return;
    wakeUp?.cancel.abort();
    const cancel = new AbortController();
    wakeUp = { at: now + waitMs, cancel };
    clock.sleep(waitMs, cancel.signal).then(
      () => {
        if (wakeUp?.cancel !== cancel) return;
        wakeUp = undefined;
        serve();
      },
      () => undefined,
    );
  }

  return {
    acquire(cost, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason as Error);
          serve();
        };
        const waiter: Waiter = {
          cost,
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        serve();
      });
    },
    reportUsage: (fraction) => window.reportUsage(fraction, clock.now()),
    holdUntil(time) {
      heldUntil = Math.max(heldUntil, time);
    },
    allowance: () => window.allowance(clock.now()),
    used: () => window.used(clock.now()),
  };
}
