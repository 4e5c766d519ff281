// How a confidential client proves itself at the token endpoint: the app's client
// secret, or a client assertion signed with one of its registered certificates.
// Exactly one of them (RFC 6749 section 2.3: one authentication method per request).
import crypto from 'node:crypto';
import { verifyClientAssertion } from './client-assertion';
import type { DemoTenantState } from './demo-tenant-state';
import type { EntraErrorInit } from './entra-errors';

export interface ClientCredentialParameters {
  secret: string | null;
  assertion: string | null;
  assertionType: string | null;
}

/** Equal texts, compared in constant time. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

const missing = (name: string): EntraErrorInit => ({ status: 400, error: 'invalid_request', code: 900144, message: `The request body must contain the following parameter: '${name}'.` });

/** Null when the client is who it says; otherwise the refusal. `url` is the token endpoint as requested (the assertion's audience). */
export function authenticateClient(tenant: DemoTenantState, url: URL, given: ClientCredentialParameters): EntraErrorInit | null {
  const { secret, assertion, assertionType } = given;
  const assertionGiven = assertion !== null || assertionType !== null;
  if (secret !== null && assertionGiven) {
    return { status: 400, error: 'invalid_request', code: 9002313, message: "Invalid request. Request is malformed or invalid: the request carries both 'client_secret' and 'client_assertion'; a client authenticates with one of them." };
  }
  if (assertionGiven) {
    if (assertion === null) return missing('client_assertion');
    const checked = verifyClientAssertion({ assertionType, assertion, clientId: tenant.clientId, certificates: tenant.appCertificates, audience: `${url.origin}${url.pathname}` });
    return checked.ok ? null : checked.refusal;
  }
  if (secret === null) return { status: 401, error: 'invalid_client', code: 7000218, message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'." };
  if (!sameText(secret, tenant.clientSecret)) {
    return { status: 401, error: 'invalid_client', code: 7000215, message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${tenant.clientId}'.` };
  }
  return null;
}
