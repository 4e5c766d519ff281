import Conf from 'conf';
import type { ConfigurationDocument } from '../../../shared/config/configuration-document';

export const SETTINGS_FILE_NAME = 'settings';

/**
 * Where the configuration document is kept: conf in the core and the browser host,
 * electron-store (built on conf, same file format) in the Electron shell. Both write
 * the whole document atomically.
 */
export interface SettingsBackend {
  readonly path: string;
  read(): Record<string, unknown>;
  write(document: ConfigurationDocument): void;
}

export type SettingsBackendFactory = (dataDir: string) => SettingsBackend;

export const confSettingsBackend: SettingsBackendFactory = (dataDir) => {
  // The store holds an admin's tenant and group ids: readable by its owner only.
  const store = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, clearInvalidConfig: false, configFileMode: 0o600 });
  return {
    path: store.path,
    read: () => ({ ...store.store }),
    write: (document) => {
      store.store = document as unknown as Record<string, unknown>;
    },
  };
};
