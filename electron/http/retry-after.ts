/**
 * How long a Retry-After header asks us to wait, in ms: delta-seconds ("120")
 * or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"). Null when absent or unreadable,
 * so the caller falls back to its own backoff. A date in the past means 0.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (/^\d+\.\d+$/.test(value)) return Math.ceil(Number(value) * 1000);
  // All three HTTP-date forms (RFC 9110) start with the day's name; anything else is not a date.
  if (!/^[A-Za-z]{3,9},? /.test(value)) return null;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
