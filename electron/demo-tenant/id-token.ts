// The ID token and client_info the demo tenant's token endpoint returns. The ID
// token is an unsigned JWT: msal-node reads its claims and checks the nonce, not a signature.
import crypto from 'node:crypto';
import type { DemoUser } from './tenant-model';

export interface IdTokenInput {
  issuer: string;
  clientId: string;
  tenantId: string;
  user: DemoUser;
  nonce?: string;
  lifetimeSeconds?: number;
  now?: number;
}

export function unsignedJwt(claims: Record<string, unknown>): string {
  return [{ alg: 'none', typ: 'JWT' }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.';
}

export function idToken({ issuer, clientId, tenantId, user, nonce, lifetimeSeconds = 3600, now = Date.now() }: IdTokenInput): string {
  const iat = Math.floor(now / 1000);
  return unsignedJwt({
    aud: clientId,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + lifetimeSeconds,
    name: user.displayName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    // Pairwise, as in Entra: the same user has another sub in another app.
    sub: crypto.createHash('sha256').update(`${clientId}/${user.id}`).digest('base64url'),
    tid: tenantId,
    ...(nonce === undefined ? {} : { nonce }),
    ver: '2.0',
  });
}

/** What msal builds the home account id from (uid.utid). */
export function clientInfo(oid: string, tid: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url');
}
