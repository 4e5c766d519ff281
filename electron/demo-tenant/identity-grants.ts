// Authorization codes and refresh tokens the demo tenant has issued. A code is
// used once, within 10 minutes, by the client and redirect URI it was issued to;
// a refresh token is replaced by a new one each time it is used.
import crypto from 'node:crypto';
import type { ScopeRequest } from './permission-catalog';

export const CODE_LIFETIME_MS = 10 * 60_000;
export const REFRESH_TOKEN_LIFETIME_MS = 90 * 24 * 3_600_000;
/** Beyond this many live entries the expired ones are dropped, so a long run does not grow without bound. */
const PRUNE_ABOVE = 10_000;

export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  userId: string;
  scopes: ScopeRequest;
}

export interface RefreshGrant {
  clientId: string;
  userId: string;
}

export type CodeRedemption = { ok: true; grant: CodeGrant } | { ok: false; reason: 'unknown' | 'used' | 'expired' };
export type RefreshLookup = { ok: true; grant: RefreshGrant } | { ok: false; reason: 'unknown' | 'used' | 'expired' };
export type RefreshRedemption = { ok: true; grant: RefreshGrant; next: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

interface Stored<T> {
  grant: T;
  expiresAt: number;
  used: boolean;
}

export class IdentityGrants {
  private readonly codes = new Map<string, Stored<CodeGrant>>();
  private readonly refreshTokens = new Map<string, Stored<RefreshGrant>>();

  // Read late, so a test that moves the system time moves code and token expiry with it.
  constructor(private readonly now: () => number = () => Date.now()) {}

  issueCode(grant: CodeGrant): string {
    const code = `demo-code.${crypto.randomBytes(32).toString('base64url')}`;
    this.store(this.codes, code, grant, CODE_LIFETIME_MS);
    return code;
  }

  /** One try per code: whatever the outcome of the exchange, it cannot be redeemed again. */
  redeemCode(code: string): CodeRedemption {
    const stored = this.codes.get(code);
    if (!stored) return { ok: false, reason: 'unknown' };
    if (stored.used) return { ok: false, reason: 'used' };
    stored.used = true;
    if (stored.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, grant: stored.grant };
  }

  issueRefreshToken(grant: RefreshGrant): string {
    const token = `demo-rt.${crypto.randomBytes(32).toString('base64url')}`;
    this.store(this.refreshTokens, token, grant, REFRESH_TOKEN_LIFETIME_MS);
    return token;
  }

  /** The grant behind a live refresh token, without using it up (a refused refresh keeps the token). */
  peekRefreshToken(token: string): RefreshLookup {
    const stored = this.refreshTokens.get(token);
    if (!stored) return { ok: false, reason: 'unknown' };
    if (stored.used) return { ok: false, reason: 'used' };
    if (stored.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, grant: stored.grant };
  }

  /** Uses the refresh token up and issues its successor. */
  rotateRefreshToken(token: string): RefreshRedemption {
    const peeked = this.peekRefreshToken(token);
    if (!peeked.ok) return peeked;
    this.refreshTokens.get(token)!.used = true;
    return { ok: true, grant: peeked.grant, next: this.issueRefreshToken(peeked.grant) };
  }

  /** Ends every refresh token of the user (a password reset, a revoked session). */
  revokeRefreshTokens(userId: string): void {
    for (const stored of this.refreshTokens.values()) if (stored.grant.userId === userId) stored.used = true;
  }

  private store<T>(map: Map<string, Stored<T>>, key: string, grant: T, lifetimeMs: number): void {
    if (map.size > PRUNE_ABOVE) {
      // Used ones are kept until they expire, so a replay is told "already used", not "unknown".
      for (const [old, stored] of map) if (stored.expiresAt <= this.now()) map.delete(old);
    }
    map.set(key, { grant, expiresAt: this.now() + lifetimeMs, used: false });
  }
}
