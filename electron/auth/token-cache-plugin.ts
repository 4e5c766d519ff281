import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Logger } from '../http/logger';
import { cipherRefusal, type SecretCipher } from './secret-cipher';

export interface TokenCachePluginOptions {
  /** The cache file, e.g. `<data folder>/msal-token-cache.bin`; its folder is created when missing. */
  filePath: string;
  cipher: SecretCipher;
  /** Told (once per cause) when the cache stays in memory or a stored cache cannot be read. Never given token material. */
  logger: Pick<Logger, 'warn'>;
}

/**
 * msal's persistence hook: keeps the token cache in one file, encrypted with
 * the OS key store. When the store cannot protect it (unavailable, or Linux's
 * plain-text 'basic_text'), nothing touches the disk: msal's in-memory cache
 * serves until the app quits, and the admin signs in again on the next start.
 */
export class EncryptedTokenCachePlugin implements ICachePlugin {
  private readonly warned = new Set<string>();

  constructor(private readonly options: TokenCachePluginOptions) {}

  /** True when the cache goes to disk (encrypted); false when it is kept in memory only. */
  persists(): boolean {
    return this.refusal() === null;
  }

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    if (this.refusal() !== null) return;
    const encrypted = await this.readFile();
    if (encrypted === null) return;
    let plain: string;
    try {
      plain = this.options.cipher.decrypt(encrypted);
    } catch {
      this.warnOnce('The stored token cache could not be decrypted (the key store changed, or the file is damaged); starting with an empty cache.');
      return;
    }
    if (!loadInto(context, plain)) this.warnOnce('The stored token cache is not a valid msal cache; starting with an empty cache.');
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged || this.refusal() !== null) return;
    let encrypted: Buffer;
    try {
      encrypted = this.options.cipher.encrypt(context.tokenCache.serialize());
    } catch {
      this.warnOnce('The token cache could not be encrypted; it is kept in memory only.');
      return;
    }
    try {
      await writeFileAtomically(this.options.filePath, encrypted);
    } catch (error) {
      this.warnOnce(`The token cache could not be saved (${errorCode(error)}); it is kept in memory only.`);
    }
  }

  private refusal(): string | null {
    const reason = cipherRefusal(this.options.cipher);
    if (reason !== null) this.warnOnce(`The token cache is kept in memory only, so sign-in is asked for again after a restart: ${reason}.`);
    return reason;
  }

  private async readFile(): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.options.filePath);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') this.warnOnce(`The stored token cache could not be read (${errorCode(error)}); starting with an empty cache.`);
      return null;
    }
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.options.logger.warn(message);
  }
}

/** Hands msal the cache text when it is a JSON object; false (and msal's state reset) when not. */
function loadInto(context: TokenCacheContext, plain: string): boolean {
  try {
    const parsed: unknown = JSON.parse(plain);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
    context.tokenCache.deserialize(plain);
    return true;
  } catch {
    // msal keeps the text it was given and re-parses it on its next serialize: give it nothing instead.
    context.tokenCache.deserialize('');
    return false;
  }
}

/** Readers see the old file or the new one, never half of one. */
async function writeFileAtomically(filePath: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const temporary = `${filePath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, filePath);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
}
