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

/** What conf and electron-store have in common: the file, and the whole document read and written at once. */
export interface DocumentStore {
  readonly path: string;
  store: Record<string, unknown>;
}

/** The options both stores are opened with: the settings file in the data folder. */
export interface DocumentStoreOptions {
  cwd: string;
  /** The file name without .json. */
  name: string;
  /** An unreadable file is moved aside by the settings store, never cleared by the store. */
  clearInvalidConfig: false;
  /** The store holds an admin's tenant and group ids: readable by its owner only. */
  configFileMode: number;
}

/** The one settings backend: a conf-like store opened on the data folder's settings file. */
export function documentStoreBackend(open: (options: DocumentStoreOptions) => DocumentStore): SettingsBackendFactory {
  return (dataDir) => {
    const store = open({ cwd: dataDir, name: SETTINGS_FILE_NAME, clearInvalidConfig: false, configFileMode: 0o600 });
    return {
      path: store.path,
      read: () => ({ ...store.store }),
      write: (document) => {
        store.store = document;
      },
    };
  };
}

export const confSettingsBackend: SettingsBackendFactory = documentStoreBackend(
  ({ name, ...options }) => new Conf<Record<string, unknown>>({ ...options, configName: name }),
);
