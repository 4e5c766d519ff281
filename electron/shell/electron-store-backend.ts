import Store from 'electron-store';
import type { SettingsBackendFactory } from '../core/settings/settings-backend';
import { SETTINGS_FILE_NAME } from '../core/settings/settings-backend';

/** The Electron shell's settings backend: electron-store, the same file conf writes in the core. */
export const electronStoreSettingsBackend: SettingsBackendFactory = (dataDir) => {
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name: SETTINGS_FILE_NAME, clearInvalidConfig: false, configFileMode: 0o600 });
  return {
    path: store.path,
    read: () => ({ ...store.store }),
    write: (document) => {
      store.store = document as unknown as Record<string, unknown>;
    },
  };
};
