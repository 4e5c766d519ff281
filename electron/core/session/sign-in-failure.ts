// A failed sign-in or admin consent, in words an admin can act on: what happened and what to do.
import { AuthError } from '@azure/msal-node';
import { AppError } from '../../../shared/ipc';
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
    return new AppError({ code: 'unauthenticated', message: `Invalid login: that account belongs to another directory (tenant ${actual}); this profile connects to tenant ${expected}. Sign in with an account of that tenant.` });
  }
  if (named(error, 'SignInTimeoutError')) {
    return new AppError({ code: 'unavailable', message: 'Nobody finished signing in in the browser in time (10 minutes), or the browser tab was closed. Sign in again.' });
  }
  if (named(error, 'ConsentRequiredError')) {
    return new AppError({ code: 'unauthenticated', message: "Consent for this tenant is missing or was revoked: the app registration may not use its Microsoft Graph permissions. A Global Administrator must sign in and grant consent again (or restore it in Entra ID > Enterprise applications)." });
  }
  if (named(error, 'AuthorizationResponseError')) {
    const code = typeof error.error === 'string' ? error.error : '';
    const description = typeof error.description === 'string' ? error.description : '';
    if (code === 'access_denied' && !CONSENT_CODES.test(description.replace(/AADSTS65004/g, ''))) {
      return new AppError({ code: 'unauthenticated', message: 'The sign-in or consent was declined in the browser. Nothing was changed.' });
    }
    if (CONSENT_CODES.test(`${code} ${description}`)) {
      return new AppError({ code: 'unauthenticated', message: `Invalid login: consent for this tenant has not been granted (${description.split(/\r?\n/)[0]?.slice(0, 160) || code}). A Global Administrator must sign in first and grant consent.` });
    }
    return new AppError({ code: 'unauthenticated', message: `Microsoft sign-in refused: ${code}${description ? ` (${description.slice(0, 200)})` : ''}.` });
  }
  if (named(error, 'SignInRequiredError')) {
    return new AppError({ code: 'unauthenticated', message: 'The sign-in has ended (it expired, or the password changed). Sign in again.' });
  }
  if (error instanceof DOMException && error.name === 'AbortError') return new AppError({ code: 'conflict', message: 'The sign-in was cancelled.' });
  if (error instanceof Error && /cancelled/i.test(error.message) && !(error instanceof AuthError)) return new AppError({ code: 'conflict', message: error.message });
  if (isUnreachable(error)) return new AppError({ code: 'unavailable', message: 'The Microsoft identity platform or Microsoft Graph cannot be reached from this computer. Check the network and sign in again.' });
  const refusal = graphRefusalError(error);
  if (refusal) return new AppError({ ...refusal.toPayload(), code: 'forbidden' });
  if (error instanceof AuthError && error.errorCode === 'invalid_client') {
    const said = error.errorMessage.split(/\r?\n/)[0]!.slice(0, 240);
    return new AppError({
      code: 'unauthenticated',
      message: `Microsoft Entra ID refused the app registration's credential (its client secret or certificate): ${said} Check Certificates & secrets of the app registration: the secret must be current, the certificate the one whose thumbprint System > Access > Tenant connection shows.`,
    });
  }
  if (error instanceof AuthError) {
    if (CONSENT_CODES.test(`${error.errorCode} ${error.errorMessage} ${String((error as { subError?: unknown }).subError ?? '')}`)) return signInFailure(Object.assign(new Error('consent'), { name: 'ConsentRequiredError' }));
    return new AppError({ code: 'unauthenticated', message: `Microsoft sign-in failed: ${error.errorCode}${error.errorMessage ? `: ${error.errorMessage.split(/\r?\n/)[0]!.slice(0, 200)}` : ''}.` });
  }
  return new AppError({ code: 'internal', message: `The sign-in failed: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` });
}
