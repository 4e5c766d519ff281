import crypto from 'node:crypto';

export type TokenAudience = 'graph' | 'mra';

export interface TokenClaims {
  audience: TokenAudience;
  /** The app's client id, or the signed-in demo user's object id. */
  subject: string;
  kind: 'app' | 'user';
  expiresAt: number;
  /** Delegated permissions (a user token's scp). */
  scopes?: string[];
  /** Application permissions (an app token's roles); an app token without them has every permission the app registration lists. */
  roles?: string[];
}

/** Opaque bearer tokens for the demo tenant's Graph and Mobile Risk API; lifetimes run on real time. */
export class TokenIssuer {
  private readonly tokens = new Map<string, TokenClaims>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(claims: Omit<TokenClaims, 'expiresAt'>, lifetimeSeconds = 3600): { token: string; expiresIn: number } {
    // Forget expired tokens as new ones are issued, so a long run does not grow without bound.
    if (this.tokens.size > 10_000) {
      for (const [token, known] of this.tokens) if (known.expiresAt <= this.now()) this.tokens.delete(token);
    }
    const token = `demo.${claims.audience}.${crypto.randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { ...claims, expiresAt: this.now() + lifetimeSeconds * 1000 });
    return { token, expiresIn: lifetimeSeconds };
  }

  /** The claims of a live token for this audience, or why not. */
  verify(authorization: string | null, audience: TokenAudience): TokenClaims | 'missing' | 'invalid' | 'expired' {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return 'missing';
    const claims = this.tokens.get(match[1]!);
    if (!claims || claims.audience !== audience) return 'invalid';
    if (claims.expiresAt <= this.now()) return 'expired';
    return claims;
  }

  /** Ends every token now: what "expired token" faults and tests of refresh use. */
  expireAll(): void {
    for (const claims of this.tokens.values()) claims.expiresAt = 0;
  }
}
