// Reads an authorization (or admin consent) request as Entra does, in its order:
// the client and the redirect URI first (an error about them is shown in the
// browser, since the redirect URI cannot be trusted yet), then everything else
// (an error about that goes back to the app's redirect URI).
import type { DemoTenantState } from './demo-tenant-state';
import { unknownClientMessage } from './entra-errors';
import { errorPage, type FormFields } from './identity-pages';
import { isScopeProblem, parseScopes, type ScopeRequest } from './permission-catalog';

/** Entra refuses longer requests (AADSTS90015); nothing legitimate comes near it. */
export const MAX_REQUEST_CHARS = 8192;
/** Form fields the demo pages add; never parameters of the request itself. */
export const PAGE_CONTROLS: readonly string[] = ['login', 'cancel', 'decision'];
const PROMPTS = new Set(['login', 'select_account', 'consent', 'none']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);
/** A base64url SHA-256: what S256 makes of a code verifier. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export type ResponseMode = 'form_post' | 'query';

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseMode: ResponseMode;
  state: string | undefined;
  nonce: string | undefined;
  scope: string;
  scopes: ScopeRequest;
  codeChallenge: string;
  prompt: string | undefined;
  loginHint: string | undefined;
  /** The request's own parameters, for the page's form to carry back. */
  fields: FormFields;
}

/** An error for the app, sent to its (checked) redirect URI. */
export interface RedirectedError {
  redirectUri: string;
  responseMode: ResponseMode;
  fields: FormFields;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; page: Response } | { ok: false; redirect: RedirectedError };

/** The client and redirect URI, checked before anything may be sent to that URI. */
export interface TrustedClient {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  fields: FormFields;
}

function pageError(status: number, code: number, message: string, tenant: DemoTenantState): { ok: false; page: Response } {
  return { ok: false, page: errorPage(status, `AADSTS${code}: ${message}`, tenant.displayName) };
}

/** The loopback redirect URIs a desktop app registers: http://localhost or http://127.0.0.1, any port, any path. */
export function isLoopbackRedirectUri(value: string): boolean {
  if (!/^[\x21-\x7e]{1,1024}$/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.username === '' && url.password === '' && url.search === '' && url.hash === '' && !value.includes('?') && !value.includes('#');
}

export function checkClient(tenant: DemoTenantState, params: URLSearchParams): Checked<TrustedClient> {
  let length = 0;
  const fields: FormFields = {};
  for (const [name, value] of params) {
    length += name.length + value.length + 2;
    if (PAGE_CONTROLS.includes(name)) continue;
    if (name in fields) return pageError(400, 90100, `The '${name.slice(0, 40)}' parameter is repeated.`, tenant);
    fields[name] = value;
  }
  if (length > MAX_REQUEST_CHARS) return pageError(400, 90015, 'Requested query string is too long.', tenant);
  const clientId = fields.client_id;
  if (!clientId) return pageError(400, 900144, "The request body must contain the following parameter: 'client_id'.", tenant);
  if (clientId.toLowerCase() !== tenant.clientId) return pageError(400, 700016, unknownClientMessage(clientId, tenant.displayName), tenant);
  const redirectUri = fields.redirect_uri;
  if (!redirectUri) return pageError(400, 900144, "The request body must contain the following parameter: 'redirect_uri'.", tenant);
  if (!isLoopbackRedirectUri(redirectUri)) {
    return pageError(400, 50011, `The redirect URI '${redirectUri.slice(0, 200)}' specified in the request does not match the redirect URIs configured for the application '${tenant.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`, tenant);
  }
  return { ok: true, value: { clientId: tenant.clientId, redirectUri, state: fields.state, fields } };
}

export function redirectedError(client: TrustedClient, responseMode: ResponseMode, error: string, description: string, extra: FormFields = {}): { ok: false; redirect: RedirectedError } {
  return {
    ok: false,
    redirect: { redirectUri: client.redirectUri, responseMode, fields: { ...extra, error, error_description: description, ...(client.state === undefined ? {} : { state: client.state }) } },
  };
}

export function parseAuthorizeRequest(tenant: DemoTenantState, params: URLSearchParams): Checked<AuthorizeRequest> {
  const checked = checkClient(tenant, params);
  if (!checked.ok) return checked;
  const client = checked.value;
  const { fields } = client;
  const mode = fields.response_mode ?? 'query';
  if (mode !== 'query' && mode !== 'form_post') return redirectedError(client, 'query', 'invalid_request', `AADSTS90100: response_mode '${mode.slice(0, 40)}' is not supported; use query or form_post.`);
  const fail = (error: string, code: number, message: string) => redirectedError(client, mode, error, `AADSTS${code}: ${message}`);
  if (fields.response_type !== 'code') return fail('unsupported_response_type', 70005, `response_type '${(fields.response_type ?? '').slice(0, 40)}' is not supported: the demo tenant issues authorization codes only.`);
  const scopes = parseScopes(fields.scope ?? null);
  if (isScopeProblem(scopes)) return fail(scopes.error, scopes.code, scopes.message);
  if (!fields.code_challenge) return fail('invalid_request', 9002325, 'Proof Key for Code Exchange is required: send code_challenge and code_challenge_method=S256.');
  if (fields.code_challenge_method !== 'S256') return fail('invalid_request', 9002325, 'Proof Key for Code Exchange must use code_challenge_method=S256.');
  if (!S256_CHALLENGE.test(fields.code_challenge)) return fail('invalid_request', 501491, 'Invalid size of Code_Challenge parameter.');
  if (fields.prompt !== undefined && !PROMPTS.has(fields.prompt)) return fail('invalid_request', 90023, `Invalid prompt '${fields.prompt.slice(0, 40)}': use login, select_account, consent or none.`);
  if (fields.prompt === 'none') return fail('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
  return {
    ok: true,
    value: {
      clientId: client.clientId,
      redirectUri: client.redirectUri,
      responseMode: mode,
      state: fields.state,
      nonce: fields.nonce,
      scope: fields.scope!,
      scopes,
      codeChallenge: fields.code_challenge,
      prompt: fields.prompt,
      loginHint: fields.login_hint,
      fields,
    },
  };
}
