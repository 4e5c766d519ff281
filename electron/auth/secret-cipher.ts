/**
 * Encrypts secrets at rest (the token cache, an app registration's client
 * secret) with a key the OS keeps: Electron safeStorage in the app, a
 * keyed cipher in tests. Plain Node code depends on this port only.
 */
export interface SecretCipher {
  /** False until the OS key store can be used (on Linux and Windows: before the app is ready). */
  isAvailable(): boolean;
  /** The key store in use, e.g. 'keychain', 'dpapi', 'gnome_libsecret', or Linux's 'basic_text' (no keyring: effectively plain text). */
  backend(): string;
  encrypt(plain: string): Buffer;
  /** Throws when the bytes were not produced by this cipher's key. */
  decrypt(cipher: Buffer): string;
}

/** Why secrets cannot be stored with this cipher, or null when they can. */
export function cipherRefusal(cipher: SecretCipher): string | null {
  if (!cipher.isAvailable()) return 'encryption is not available';
  const backend = cipher.backend();
  if (backend === 'basic_text') return "the key store is 'basic_text', which keeps secrets in plain text (no keyring found)";
  if (backend === 'unknown') return 'the key store is not known yet (the app is not ready)';
  return null;
}
