// Raw OAuth requests to the demo tenant's identity endpoints, without msal: what the
// endpoint contract tests speak, including the malformed requests msal never sends.
import crypto from 'node:crypto';
import { answerOf, open, press } from './identity-browser';

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

/**
 * A delegated Graph token for a demo sign-in user, the way a browser and an app get
 * one (account picker, code, PKCE exchange); the tenant must allow the scopes.
 */
export async function delegatedToken(authorityHost: string, tenantId: string, clientId: string, userPrincipalName: string, scope: string): Promise<{ accessToken: string; refreshToken: string }> {
  const { verifier, challenge } = pkce();
  const answer = answerOf(await press(await open(authorizeUrl(authorityHost, tenantId, { client_id: clientId, scope: `${scope} openid profile offline_access` }, challenge)), `Sign in as ${userPrincipalName}`));
  if (!answer.code) throw new Error(`no code for ${userPrincipalName}: ${JSON.stringify(answer)}`);
  const { status, body } = await postToken(authorityHost, tenantId, { grant_type: 'authorization_code', client_id: clientId, code: answer.code, redirect_uri: LOOPBACK_REDIRECT, code_verifier: verifier, scope });
  if (status !== 200) throw new Error(`token for ${userPrincipalName}: ${status} ${JSON.stringify(body)}`);
  return { accessToken: String(body.access_token), refreshToken: String(body.refresh_token) };
}
