import crypto from 'node:crypto';
import type { SecretCipher } from '../../electron/auth/secret-cipher';

export interface AesGcmCipherOptions {
  available?: boolean;
  backend?: string;
}

/** A real SecretCipher for tests: AES-256-GCM with a random key, laid out as iv | tag | ciphertext. */
export function createAesGcmCipher(options: AesGcmCipherOptions = {}): SecretCipher & { key: Buffer } {
  const key = crypto.randomBytes(32);
  return {
    key,
    isAvailable: () => options.available ?? true,
    backend: () => options.backend ?? 'test_aes_gcm',
    encrypt: (plain) => {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: (data) => {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
