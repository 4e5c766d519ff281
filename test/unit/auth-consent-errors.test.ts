import { InteractionRequiredAuthError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { AuthorizationResponseError } from '../../electron/auth/auth-code-errors';
import { ConsentRequiredError, isConsentRequired } from '../../electron/auth/consent-required-error';
import { MsalInteractiveProvider } from '../../electron/auth/msal-interactive-provider';

/** msal's error as ResponseHandler builds it from a token endpoint answer. */
const interaction = (error: string, description: string, suberror?: string, errorNo?: string) =>
  new InteractionRequiredAuthError(error, 'correlation', description, suberror, '', '', '', errorNo);

describe('consent errors', () => {
  it("tells consent from other reasons to sign in again, by msal's error number, suberror, code or AADSTS text", () => {
    expect(isConsentRequired(interaction('invalid_grant', 'AADSTS65001: The user or administrator has not consented...', 'consent_required', '65001'))).toBe(true);
    expect(isConsentRequired(interaction('invalid_grant', 'no code here', undefined, '65001'))).toBe(true);
    expect(isConsentRequired(interaction('invalid_grant', 'no code here', 'consent_required'))).toBe(true);
    expect(isConsentRequired(interaction('consent_required', 'no code here'))).toBe(true);
    expect(isConsentRequired(interaction('interaction_required', 'AADSTS65001: has not consented'))).toBe(true);
    expect(isConsentRequired(interaction('invalid_grant', 'AADSTS90094: needs an admin'))).toBe(true);
    for (const [error, description, suberror, errorNo] of [
      ['invalid_grant', 'AADSTS700082: The refresh token has expired due to inactivity.', 'bad_token', '700082'],
      ['interaction_required', 'AADSTS50076: you must use multi-factor authentication', 'basic_action', '50076'],
      ['invalid_grant', 'AADSTS650010: something else', undefined, undefined],
      ['no_tokens_found', '', undefined, undefined],
    ] as const) {
      expect(isConsentRequired(interaction(error, description, suberror, errorNo)), description).toBe(false);
    }
    const error = new ConsentRequiredError(['https://graph.microsoft.com/.default'], interaction('invalid_grant', 'AADSTS65001: x', 'consent_required', '65001'));
    expect(error).toMatchObject({ name: 'ConsentRequiredError', aadsts: 65001, scopes: ['https://graph.microsoft.com/.default'] });
    expect(new ConsentRequiredError(['User.Read']).aadsts).toBeUndefined();
  });

  it('reads the AADSTS code that leads an authorization error description, and nothing else', () => {
    expect(new AuthorizationResponseError('access_denied', 'AADSTS65004: User declined to consent.').aadsts).toBe(65004);
    expect(new AuthorizationResponseError('consent_required', 'AADSTS90094: admin needed').aadsts).toBe(90094);
    for (const description of [undefined, '', 'declined', 'see AADSTS65004 below', 'AADSTS: no number', 'AADSTS1234567890: too long']) {
      expect(new AuthorizationResponseError('access_denied', description).aadsts, String(description)).toBeUndefined();
    }
  });

  it('takes only a GUID as the expected tenant id', () => {
    const make = (expectedTenantId: string) => () => new MsalInteractiveProvider({ clientId: '0a1b2c3d-0000-4000-8000-00000000c11e', expectedTenantId, openBrowser: () => Promise.resolve() });
    expect(make('11111111-2222-4333-8444-555555555555')).not.toThrow();
    for (const bad of ['', 'contoso.onmicrosoft.com', 'organizations', '11111111-2222-4333-8444-55555555555']) expect(make(bad), bad).toThrow(RangeError);
  });
});
