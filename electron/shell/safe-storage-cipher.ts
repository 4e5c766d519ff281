import { safeStorage } from 'electron';
import type { SecretCipher } from '../auth/secret-cipher';

/**
 * SecretCipher over Electron safeStorage: Keychain on macOS, DPAPI on
 * Windows, the desktop keyring on Linux. Use it after the app's 'ready' event.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  // The synchronous calls (deprecated in favour of the async ones in Electron 45) because SecretCipher is synchronous.
  return {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    backend: () => backendName(platform),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}

function backendName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  if (platform !== 'linux') return platform;
  // getSelectedStorageBackend exists on Linux only; without it the keyring cannot be told from plain text.
  return typeof safeStorage.getSelectedStorageBackend === 'function' ? safeStorage.getSelectedStorageBackend() : 'basic_text';
}
