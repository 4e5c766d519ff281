/**
 * Where the API clients get their bearer tokens: msal-node (real tenants), a
 * plain OAuth client-credentials exchange (the Mobile Risk API, the demo
 * tenant's issuer). One interface, so the clients never know which.
 */
export interface TokenProvider {
  /** A valid access token, from cache when it has not expired. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Drops the cached token after the API answered 401, so the next getToken fetches a fresh one. */
  invalidate(): void;
}
