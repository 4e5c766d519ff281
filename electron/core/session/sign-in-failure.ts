// A failed sign-in or admin consent, in words an admin can act on: what happened and what to do.
import { AuthError } from '@azure/msal-node';
import { AppError, appError } from '../../../shared/ipc';
import { graphRefusalError } from '../../graph/graph-permission-error';
import { isUnreachable } from '../../http/unreachable';

const CONSENT_CODES = /consent_required|AADSTS65001|AADSTS90094|AADSTS90093|AADSTS65004/i;

function named(error: unknown, name: string): error is Error & Record<string, unknown> {
  return error instanceof Error && error.name === name;
}

export function signInFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (named(error, 'WrongTenantError')) {
    const actual = typeof error.actualTenantId === 'string' ? error.actualTenantId : 'another tenant';
    const expected = typeof error.expectedTenantId === 'string' ? error.expectedTenantId : 'this profile\'s tenant';
    return appError('unauthenticated', 'signIn.wrongTenant', { actual, expected });
  }
  if (named(error, 'SignInTimeoutError')) return appError('unavailable', 'signIn.timedOut', {});
  if (named(error, 'ConsentRequiredError')) return appError('unauthenticated', 'signIn.consentRevoked', {});
  if (named(error, 'AuthorizationResponseError')) {
    const code = typeof error.error === 'string' ? error.error : '';
    const description = typeof error.description === 'string' ? error.description : '';
    if (code === 'access_denied' && !CONSENT_CODES.test(description.replace(/AADSTS65004/g, ''))) return appError('unauthenticated', 'signIn.declined', {});
    if (CONSENT_CODES.test(`${code} ${description}`)) return appError('unauthenticated', 'signIn.consentNotGranted', { detail: description.split(/\r?\n/)[0]?.slice(0, 160) || code });
    return description ? appError('unauthenticated', 'signIn.refusedSaying', { serviceCode: code, detail: description.slice(0, 200) }) : appError('unauthenticated', 'signIn.refused', { serviceCode: code });
  }
  if (named(error, 'SignInRequiredError')) return appError('unauthenticated', 'signIn.ended', {});
  if (error instanceof DOMException && error.name === 'AbortError') return appError('conflict', 'signIn.cancelled', {});
  if (error instanceof Error && /cancelled/i.test(error.message) && !(error instanceof AuthError)) return appError('conflict', 'general.asWritten', { detail: error.message });
  if (isUnreachable(error)) return appError('unavailable', 'signIn.unreachable', {});
  const refusal = graphRefusalError(error);
  if (refusal) return new AppError({ ...refusal.toPayload(), code: 'forbidden' });
  if (error instanceof AuthError && error.errorCode === 'invalid_client') {
    return appError('unauthenticated', 'signIn.credentialRefused', { detail: error.errorMessage.split(/\r?\n/)[0]!.slice(0, 240) });
  }
  if (error instanceof AuthError) {
    if (CONSENT_CODES.test(`${error.errorCode} ${error.errorMessage} ${String((error as { subError?: unknown }).subError ?? '')}`)) return signInFailure(Object.assign(new Error('consent'), { name: 'ConsentRequiredError' }));
    const said = error.errorMessage ? error.errorMessage.split(/\r?\n/)[0]!.slice(0, 200) : '';
    return said ? appError('unauthenticated', 'signIn.failedSaying', { serviceCode: error.errorCode, detail: said }) : appError('unauthenticated', 'signIn.failed', { serviceCode: error.errorCode });
  }
  return appError('internal', 'signIn.other', { detail: error instanceof Error ? error.message.slice(0, 200) : String(error) });
}
