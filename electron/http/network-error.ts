/** Node's fetch says "fetch failed" and keeps the reason (ECONNRESET, ECONNREFUSED, ...) in its cause. */
export function networkErrorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
}

export function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'The request failed.';
  const code = networkErrorCode(error);
  return code ? `${error.message} (${code})` : error.message;
}
