import { TokenRequestError } from './token-request-error';
import { ApiError, NETWORK_ERROR, RETRY_AFTER_TOO_LONG, TOKEN_UNAVAILABLE } from './api-error';
import { networkErrorCode } from './network-error';
import { isRetryableStatus } from './retry-policy';

/**
 * Whether asking the token provider again later may help: a TokenRequestError
 * that says so (no answer, throttled, server failure), an ApiError from a token
 * call for the same reasons, or a network failure another provider let
 * through. A rejected credential (invalid_client) never is.
 */
export function isRetryableTokenFailure(error: unknown): boolean {
  if (error instanceof TokenRequestError) return error.retryable;
  if (error instanceof ApiError) return error.code === NETWORK_ERROR || (isRetryableStatus(error.status) && error.code !== RETRY_AFTER_TOO_LONG);
  return networkErrorCode(error) !== undefined;
}

export interface UnsentCall {
  service: string;
  method: string;
  url: string;
  secrets?: readonly string[] | undefined;
}

/** The ApiError for a call that was never sent for want of a token; an ApiError from the token call itself already says what failed. */
export function tokenFailure(call: UnsentCall, error: unknown, attempts: number): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    service: call.service,
    status: 0,
    method: call.method,
    url: call.url,
    code: TOKEN_UNAVAILABLE,
    message: error instanceof Error ? error.message : 'The token provider failed.',
    attempts,
    cause: error,
    secrets: call.secrets,
  });
}
