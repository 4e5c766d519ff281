import { appError } from '../../shared/ipc/error-messages';
import type { AppError } from '../../shared/ipc/errors';
import { ApiError } from '../http/api-error';
import { MOBILE_RISK_SERVICE } from './mobile-risk-token';

/** The typed error an admin can act on when Lookout refused the application key; null for any other failure. */
export function mobileRiskKeyRefusal(error: unknown): AppError | null {
  if (!(error instanceof ApiError) || error.service !== MOBILE_RISK_SERVICE) return null;
  if (error.code !== 'invalid_client' && error.status !== 401) return null;
  return appError('unauthenticated', 'mobileRisk.keyRefused', { serviceCode: error.code });
}
