import { ApiError, NETWORK_ERROR } from './api-error';
import { networkErrorCode } from './network-error';

/** True when a call got no answer at all (DNS, refused, reset, timeout): the service cannot be reached, which says nothing about its data. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 0 && error.code === NETWORK_ERROR;
  return networkErrorCode(error) !== undefined;
}
