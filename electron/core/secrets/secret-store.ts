// Secrets the console must keep (the SMTP password): encrypted with the OS key store
// (Electron safeStorage) in a file of their own, never in the settings file, exports
// or logs. Without a usable key store (the browser host) they live in memory for the run.
import fs from 'node:fs';
import path from 'node:path';
import { cipherRefusal, type SecretCipher } from '../../auth/secret-cipher';

export interface SecretStore {
  /** 'encrypted': kept across restarts, encrypted; 'session': kept in memory until the app quits. */
  readonly storage: 'encrypted' | 'session';
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

export const SECRETS_FILE = 'secrets.bin.json';

export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    storage: 'session',
    get: (name) => values.get(name),
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}

/** Falls back to memory when the cipher cannot keep secrets safely (no keyring). */
export function encryptedSecretStore(dataDir: string, cipher: SecretCipher): SecretStore {
  if (cipherRefusal(cipher) !== null) return memorySecretStore();
  const file = path.join(dataDir, SECRETS_FILE);
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (entries: Record<string, string>): void => {
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(entries), { mode: 0o600 });
    fs.renameSync(temp, file);
  };
  return {
    storage: 'encrypted',
    get(name) {
      const sealed = read()[name];
      if (sealed === undefined) return undefined;
      try {
        return cipher.decrypt(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed by another key (the profile moved machines): as good as absent.
        return undefined;
      }
    },
    set(name, value) {
      write({ ...read(), [name]: cipher.encrypt(value).toString('base64') });
    },
    delete(name) {
      const entries = read();
      delete entries[name];
      write(entries);
    },
  };
}
