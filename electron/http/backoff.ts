export interface BackoffOptions {
  /** First delay before jitter, ms. */
  baseMs: number;
  /** No delay exceeds this, ms. */
  capMs: number;
  /** 0..1; tests pass a fixed one. */
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/**
 * Exponential backoff with "full jitter" (AWS architecture blog): a delay drawn
 * uniformly from [0, min(cap, base * 2^attempt)], so many clients retrying at
 * once spread out instead of hitting the service in waves. attempt starts at 0.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
