import type { InteractionRequiredAuthError } from '@azure/msal-node';

const CONSENT_AADSTS = new Set([65001, 90093, 90094]);

/** Nobody has consented to what the token was asked for: an administrator must grant consent (a new sign-in will not help). */
export class ConsentRequiredError extends Error {
  /** AADSTS65001 and its kin, when the identity platform sent one. */
  readonly aadsts: number | undefined;

  constructor(
    readonly scopes: readonly string[],
    cause?: InteractionRequiredAuthError,
  ) {
    super(`Consent is missing for ${scopes.join(' ')}: an administrator must grant it for the tenant.`, cause ? { cause } : undefined);
    this.name = 'ConsentRequiredError';
    this.aadsts = cause ? aadstsOf(cause) : undefined;
  }
}

/** Whether msal's interaction-required error says consent is missing (errorNo, suberror, error code or AADSTS text). */
export function isConsentRequired(error: InteractionRequiredAuthError): boolean {
  const aadsts = aadstsOf(error);
  return (aadsts !== undefined && CONSENT_AADSTS.has(aadsts)) || error.subError === 'consent_required' || error.errorCode === 'consent_required';
}

function aadstsOf(error: InteractionRequiredAuthError): number | undefined {
  const fromNumber = Number(error.errorNo);
  if (error.errorNo !== undefined && Number.isInteger(fromNumber)) return fromNumber;
  const fromText = /AADSTS(\d{1,9})\b/.exec(error.errorMessage);
  return fromText ? Number(fromText[1]) : undefined;
}
