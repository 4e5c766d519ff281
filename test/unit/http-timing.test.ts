import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from '../../electron/http/backoff';
import { FakeClock } from '../../electron/http/clock';
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

  it("prefers the server's Retry-After to its own guess", () => {
    expect(retryDelay(5, 2000, { baseMs: 100, capMs: 1000, random: () => 0.5 })).toBe(2000);
    expect(retryDelay(1, null, { baseMs: 100, capMs: 1000, random: () => 0.5 })).toBe(100);
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
