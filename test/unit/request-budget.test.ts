import { describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock';
import { createRequestBudget, ONE_READ, ONE_WRITE } from '../../electron/http/request-budget';
import { createGraphRequestBudget } from '../../electron/graph/graph-request-budget';
import { createMobileRiskRequestBudget } from '../../electron/mobile-risk/mobile-risk-request-budget';

const T0 = Date.UTC(2026, 0, 1);

function budget(clock: FakeClock, maxRequests = 3, maxWrites = 2) {
  return createRequestBudget({ windowMs: 1000, maxRequests, maxWrites, clock });
}

/** Starts acquire() and reports when it resolves, on the fake clock's time. */
function track(promise: Promise<void>, clock: FakeClock): { doneAt: number | undefined } {
  const state: { doneAt: number | undefined } = { doneAt: undefined };
  void promise.then(() => (state.doneAt = clock.now()));
  return state;
}

describe('the sliding-window request budget', () => {
  it('lets exactly the limit through at once, and makes one more wait until the oldest slides out', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock);
    for (let i = 0; i < 3; i++) await limited.acquire(ONE_READ);
    expect(clock.sleeps).toEqual([]);
    expect(limited.used()).toEqual({ requests: 3, writes: 0 });

    const fourth = track(limited.acquire(ONE_READ), clock);
    await clock.advance(999);
    expect(fourth.doneAt).toBeUndefined();
    await clock.advance(1);
    expect(fourth.doneAt).toBe(T0 + 1000);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('slides: the wait ends when enough of the oldest requests have left the window, not the whole window', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock);
    await limited.acquire(ONE_READ);
    await clock.advance(500);
    await limited.acquire(ONE_READ);
    await limited.acquire(ONE_READ);
    await clock.advance(100);
    const next = track(limited.acquire(ONE_READ), clock);
    await clock.advance(1000);
    expect(next.doneAt).toBe(T0 + 1000);
    expect(clock.sleeps).toEqual([400]);
  });

  it('keeps writes under their own limit while reads still pass, and counts writes as requests', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock, 10, 2);
    await limited.acquire(ONE_WRITE);
    await limited.acquire(ONE_WRITE);
    const thirdWrite = track(limited.acquire(ONE_WRITE), clock);
    await limited.acquire(ONE_READ);
    await clock.advance(0);
    expect(thirdWrite.doneAt).toBeUndefined();
    expect(limited.used()).toEqual({ requests: 3, writes: 2 });
    await clock.advance(1000);
    expect(thirdWrite.doneAt).toBe(T0 + 1000);
  });

  it('charges a batch for every item in it', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock, 20, 5);
    await limited.acquire({ reads: 15, writes: 5 });
    expect(limited.used()).toEqual({ requests: 20, writes: 5 });
    const more = track(limited.acquire(ONE_READ), clock);
    await clock.advance(999);
    expect(more.doneAt).toBeUndefined();
    await clock.advance(1);
    expect(more.doneAt).toBe(T0 + 1000);
  });

  it('lets a cost above the whole allowance go once the window is empty, instead of never', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock, 3, 3);
    await limited.acquire(ONE_READ);
    const big = track(limited.acquire({ reads: 20, writes: 0 }), clock);
    await clock.advance(1000);
    expect(big.doneAt).toBe(T0 + 1000);
  });

  it('slows down when the service reports usage at or above 0.8, for one window', async () => {
    const clock = new FakeClock(T0);
    const limited = createRequestBudget({ windowMs: 1000, maxRequests: 100, maxWrites: 10, clock });
    limited.reportUsage(0.79);
    expect(limited.allowance()).toEqual({ requests: 100, writes: 10 });
    limited.reportUsage(0.9);
    expect(limited.allowance()).toEqual({ requests: 88, writes: 8 });
    limited.reportUsage(1.6);
    expect(limited.allowance()).toEqual({ requests: 50, writes: 5 });
    limited.reportUsage(Number('not a number'));
    expect(limited.allowance()).toEqual({ requests: 50, writes: 5 });
    await clock.advance(1000);
    expect(limited.allowance()).toEqual({ requests: 100, writes: 10 });
  });

  it('keeps the highest usage reported within the window: a milder report does not lift a stronger one', async () => {
    const clock = new FakeClock(T0);
    const limited = createRequestBudget({ windowMs: 1000, maxRequests: 100, maxWrites: 10, clock });
    limited.reportUsage(1.6);
    await clock.advance(500);
    limited.reportUsage(0.9);
    expect(limited.allowance()).toEqual({ requests: 50, writes: 5 });
    await clock.advance(500);
    expect(limited.allowance()).toEqual({ requests: 88, writes: 8 });
    await clock.advance(500);
    expect(limited.allowance()).toEqual({ requests: 100, writes: 10 });
  });

  it('serves waiters first in, first out: a 20-item batch is not starved by single reads taking each freed slot', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock, 20, 20);
    await limited.acquire({ reads: 10, writes: 0 });
    await clock.advance(500);
    await limited.acquire({ reads: 10, writes: 0 });
    const batch = track(limited.acquire({ reads: 20, writes: 0 }), clock);
    const reads = [track(limited.acquire(ONE_READ), clock), track(limited.acquire(ONE_READ), clock)];
    await clock.advance(1000);
    expect(reads.map((read) => read.doneAt)).toEqual([undefined, undefined]);
    expect(batch.doneAt).toBe(T0 + 1500);
    await clock.advance(1000);
    expect(reads.map((read) => read.doneAt)).toEqual([T0 + 2500, T0 + 2500]);
  });

  it('lets the waiters behind go when the one ahead of them gives up', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock, 2, 2);
    await limited.acquire(ONE_READ);
    const controller = new AbortController();
    const big = limited.acquire({ reads: 2, writes: 0 }, controller.signal);
    const read = track(limited.acquire(ONE_READ), clock);
    await clock.advance(0);
    expect(read.doneAt).toBeUndefined();
    controller.abort(new Error('stopped'));
    await expect(big).rejects.toThrow('stopped');
    await clock.advance(0);
    expect(read.doneAt).toBe(T0);
    expect(clock.pendingSleeps()).toBe(0);
  });

  it('holds every caller until a throttled service says it may be called again', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock);
    limited.holdUntil(T0 + 2500);
    const held = track(limited.acquire(ONE_READ), clock);
    await clock.advance(2499);
    expect(held.doneAt).toBeUndefined();
    await clock.advance(1);
    expect(held.doneAt).toBe(T0 + 2500);
  });

  it('stops waiting when the signal aborts, without spending', async () => {
    const clock = new FakeClock(T0);
    const limited = budget(clock, 1, 1);
    await limited.acquire(ONE_READ);
    const controller = new AbortController();
    const waiting = limited.acquire(ONE_READ, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    expect(limited.used()).toEqual({ requests: 1, writes: 0 });
  });

  it('sits a margin below the published limits: Intune 2,000 / 200 per 20 s, Mobile Risk API 100 per minute', async () => {
    const clock = new FakeClock(T0);
    expect(createGraphRequestBudget({ clock }).allowance()).toEqual({ requests: 1800, writes: 180 });
    expect(createGraphRequestBudget({ clock, margin: 0.2 }).allowance()).toEqual({ requests: 1600, writes: 160 });
    const mobileRisk = createMobileRiskRequestBudget({ clock });
    expect(mobileRisk.allowance().requests).toBe(90);
    for (let i = 0; i < 90; i++) await mobileRisk.acquire(ONE_READ);
    const ninetyFirst = track(mobileRisk.acquire(ONE_READ), clock);
    await clock.advance(59_999);
    expect(ninetyFirst.doneAt).toBeUndefined();
    await clock.advance(1);
    expect(ninetyFirst.doneAt).toBe(T0 + 60_000);
  });
});
