/** The identity provider answered the sign-in with an error (the admin declined consent, a policy blocked it...). */
export class AuthorizationResponseError extends Error {
  readonly error: string;
  readonly description: string | undefined;
  /** Entra's AADSTS number leading the description (65004: declined, 90094: needs an admin), when there is one. */
  readonly aadsts: number | undefined;

  constructor(error: string, description: string | undefined) {
    const code = printable(error, 64) || 'unknown_error';
    const detail = description === undefined ? undefined : printable(description, 500);
    super(`Sign-in failed: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'AuthorizationResponseError';
    this.error = code;
    this.description = detail;
    const aadsts = /^AADSTS(\d{1,9})\b/.exec(detail ?? '');
    this.aadsts = aadsts ? Number(aadsts[1]) : undefined;
  }
}

/** The browser sign-in was not completed in time; its loopback port is closed. */
export class SignInTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`The browser sign-in was not completed within ${Math.round(timeoutMs / 1000)} s.`);
    this.name = 'SignInTimeoutError';
  }
}

/** Text from the redirect ends up in logs: no control characters, bounded length. */
function printable(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, max);
}
