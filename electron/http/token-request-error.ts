export type TokenRequestFailure =
  /** The token endpoint answered with a status other than 200. */
  | 'http'
  /** No answer: connection refused, DNS, TLS, timeout. */
  | 'network'
  /** A 200 whose body is not a usable token response. */
  | 'invalid_response';

export interface TokenRequestErrorInit {
  failure: TokenRequestFailure;
  message: string;
  status?: number;
  oauthError?: string;
  oauthErrorDescription?: string;
  cause?: unknown;
}

/** A failed OAuth token request. Carries what the server said, never the client secret. */
export class TokenRequestError extends Error {
  readonly failure: TokenRequestFailure;
  readonly status: number | undefined;
  /** OAuth's `error`, e.g. 'invalid_client', 'unauthorized_client', 'invalid_scope'. */
  readonly oauthError: string | undefined;
  /** OAuth's `error_description`, e.g. Entra's 'AADSTS7000215: Invalid client secret provided. …'. */
  readonly oauthErrorDescription: string | undefined;

  constructor(init: TokenRequestErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'TokenRequestError';
    this.failure = init.failure;
    this.status = init.status;
    this.oauthError = init.oauthError;
    this.oauthErrorDescription = init.oauthErrorDescription;
  }

  /** Worth trying again later: no answer, throttling, or a server-side failure; never a rejected credential. */
  get retryable(): boolean {
    if (this.failure === 'network') return true;
    return this.status !== undefined && (this.status === 429 || this.status >= 500);
  }
}
