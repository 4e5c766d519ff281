import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../electron/http/backoff';
import { createRequestBudget, ONE_READ } from '../../electron/http/request-budget';
import { type FailedTry, waitBeforeRetry } from '../../electron/http/retry-policy';
import { FakeClock } from '../support/fake-clock';
import { parseRetryAfter } from '../../electron/http/retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('Sun, 22 Nov 2026 10:00:00 GMT');

  it('reads delta-seconds, including 0', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP date, and treats a past date as no wait', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('gives null for absent or unreadable values, so backoff decides', () => {
    for (const value of [null, undefined, '', 'soon', '-5', '1e3', "30'; DROP"]) expect(parseRetryAfter(value, now)).toBeNull();
  });
});

describe('backoff', () => {
  it('doubles the ceiling each attempt, up to the cap', () => {
    const top = () => 0.999999;
    const options = { baseMs: 100, capMs: 1000, random: top };
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, options))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('draws the delay from zero to the ceiling (full jitter)', () => {
    expect(backoffDelay(3, { baseMs: 100, capMs: 10_000, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { baseMs: 100, capMs: 10_000, random: () => 0.5 })).toBe(400);
  });
});

describe('waitBeforeRetry', () => {
  const policy = { backoff: { baseMs: 100, capMs: 1000, random: () => 0.5 }, maxRetryAfterMs: 10_000 };
  const failed = (status: number, retryAfter: string | null, attempt: number, floorMs = 0): FailedTry => ({ service: 'Svc', method: 'GET', url: 'https://svc.example/x', status, retryAfter, attempt, floorMs });

  it("waits the longest of the server's Retry-After, the floor and jittered backoff, never less than Retry-After", () => {
    const timing = { clock: new FakeClock(0), policy };
    expect(waitBeforeRetry(timing, failed(429, '2', 5))).toBe(2000);
    expect(waitBeforeRetry(timing, failed(429, '0', 3))).toBe(400);
    expect(waitBeforeRetry(timing, failed(500, null, 1))).toBe(100);
    expect(waitBeforeRetry(timing, failed(503, null, 1, 7000))).toBe(7000);
  });

  it('holds the budget until Retry-After for a 429 or a 503, not for other statuses', async () => {
    for (const [status, held] of [[429, true], [503, true], [500, false], [502, false]] as const) {
      const clock = new FakeClock(0);
      const budget = createRequestBudget({ windowMs: 1000, maxRequests: 10, maxWrites: 10, clock });
      waitBeforeRetry({ clock, budget, policy }, failed(status, '3', 0));
      let sent = false;
      void budget.acquire(ONE_READ).then(() => (sent = true));
      await clock.advance(0);
      expect(sent).toBe(!held);
      await clock.advance(3000);
      expect(sent).toBe(true);
    }
  });

  it('throws, saying how long, when Retry-After is beyond the maximum, and holds the budget only up to the maximum', () => {
    const clock = new FakeClock(0);
    const budget = createRequestBudget({ windowMs: 1000, maxRequests: 10, maxWrites: 10, clock });
    let error: unknown;
    try {
      waitBeforeRetry({ clock, budget, policy }, failed(429, '3600', 2));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ name: 'ApiError', service: 'Svc', status: 429, code: 'retryAfterTooLong', retryAfterMs: 3_600_000, attempts: 3, path: '/x' });
    expect(String(error)).toContain('3600 s');
    void budget.acquire(ONE_READ);
    expect(clock.sleeps).toEqual([10_000]);
  });
});

describe('FakeClock', () => {
  it('wakes sleepers only when time reaches them, in order', async () => {
    const clock = new FakeClock(0);
    const woke: string[] = [];
    void clock.sleep(200).then(() => woke.push('b'));
    void clock.sleep(100).then(() => woke.push('a'));
    await clock.advance(99);
    expect(woke).toEqual([]);
    await clock.advance(1);
    expect(woke).toEqual(['a']);
    await clock.advance(100);
    expect(woke).toEqual(['a', 'b']);
    expect(clock.now()).toBe(200);
  });

  it('rejects a sleep when its signal aborts', async () => {
    const clock = new FakeClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(sleeping).rejects.toThrow('stopped');
    expect(clock.pendingSleeps()).toBe(0);
  });
});
