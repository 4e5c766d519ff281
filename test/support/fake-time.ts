import { type FakeClock } from './fake-clock';

/**
 * Waits in real time (the client is talking to a real socket meanwhile) until
 * the client sleeps on the fake clock, then moves the clock on by ms, or by
 * the sleep it asked for. Gives the ms moved.
 */
export async function advanceWhenAsleep(clock: FakeClock, ms?: number, timeoutMs = 3000): Promise<number> {
  const started = Date.now();
  while (clock.pendingSleeps() === 0) {
    if (Date.now() - started > timeoutMs) throw new Error('The client never slept on the fake clock.');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const step = ms ?? clock.sleeps.at(-1) ?? 0;
  await clock.advance(step);
  return step;
}

/** Lets real I/O run for a moment, to show that nothing more happens. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The promise's value, or 'asleep' when the client sleeps on the fake clock
 * before the promise settles (it waits where it should have failed fast).
 * Rejects as the promise does.
 */
export async function settledBeforeSleeping<T>(promise: Promise<T>, clock: FakeClock, timeoutMs = 3000): Promise<T | 'asleep'> {
  const state: { done: boolean } = { done: false };
  const watched = promise.finally(() => (state.done = true));
  // Handled here at once: the loop below may notice the rejection only a tick later.
  void watched.catch(() => undefined);
  const started = Date.now();
  while (!state.done && clock.pendingSleeps() === 0) {
    if (Date.now() - started > timeoutMs) throw new Error('The promise neither settled nor slept on the fake clock.');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return state.done ? watched : 'asleep';
}
