import Store from 'electron-store';
import { documentStoreBackend, type SettingsBackendFactory } from '../core/settings/settings-backend';

/** The Electron shell's settings backend: electron-store, the same file conf writes in the core. */
export const electronStoreSettingsBackend: SettingsBackendFactory = documentStoreBackend((options) => new Store<Record<string, unknown>>(options));
