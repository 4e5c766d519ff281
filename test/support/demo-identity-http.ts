// Raw OAuth requests to the demo tenant's identity endpoints, without msal: what the
// endpoint contract tests speak, including the malformed requests msal never sends.
import crypto from 'node:crypto';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = crypto.randomBytes(32).toString('base64url');
  return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}

export const LOOPBACK_REDIRECT = 'http://localhost:53682';

/** Parameters of an authorization request; undefined drops one. */
export type AuthorizeParams = Record<string, string | undefined>;

/** An authorization request as msal sends it, with any parameter replaced or dropped (undefined). */
export function authorizeUrl(authorityHost: string, tenant: string, params: AuthorizeParams, challenge = pkce().challenge): string {
  const all: Record<string, string | undefined> = {
    response_type: 'code',
    response_mode: 'form_post',
    redirect_uri: LOOPBACK_REDIRECT,
    scope: 'User.Read openid profile offline_access',
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    client_info: '1',
    ...params,
  };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(all)) if (value !== undefined) query.set(name, value);
  return `${authorityHost}/${tenant}/oauth2/v2.0/authorize?${query.toString()}`;
}

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function postToken(authorityHost: string, tenant: string, form: Record<string, string>): Promise<TokenAnswer> {
  const response = await fetch(`${authorityHost}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The claims of an unsigned (or any) JWT, read without checking it. */
export function jwtClaims(token: string): Record<string, unknown> {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function jwtHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
