import { ApiError } from '../http/api-error';
import { MOBILE_RISK_SERVICE } from './mobile-risk-token';

/** The sentence an admin can act on when Lookout refused the application key; null for any other failure. */
export function mobileRiskKeyRefusalWords(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.service !== MOBILE_RISK_SERVICE) return null;
  if (error.code !== 'invalid_client' && error.status !== 401) return null;
  return `Lookout refused the application key (${error.code}): it is not valid, was revoked or has expired (keys last one year). Generate a new one in the Lookout console under System > Application Keys and enter it under System > Access > Tenant connection.`;
}
