import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

interface CacheEntry {
  secret?: string;
  realm?: string;
  username?: string;
}

/** msal's token cache kept in memory as msal serializes it, so a test can see which accounts and refresh tokens it holds. */
export class MemoryTokenCache implements ICachePlugin {
  private serialized = '';

  beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    if (this.serialized) context.tokenCache.deserialize(this.serialized);
    return Promise.resolve();
  }

  afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (context.cacheHasChanged) this.serialized = context.tokenCache.serialize();
    return Promise.resolve();
  }

  private section(name: string): CacheEntry[] {
    if (!this.serialized) return [];
    return Object.values((JSON.parse(this.serialized) as Record<string, Record<string, CacheEntry>>)[name] ?? {});
  }

  accounts(): { username: string; tenantId: string }[] {
    return this.section('Account').map((entry) => ({ username: entry.username ?? '', tenantId: entry.realm ?? '' }));
  }

  refreshTokens(): string[] {
    return this.section('RefreshToken').map((entry) => entry.secret ?? '');
  }
}
