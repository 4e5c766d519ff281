// The configuration document in the main process: loaded once (migrated, or moved
// aside when unreadable), validated whole before every write, written atomically.
import fs from 'node:fs';
import path from 'node:path';
import { configurationDocumentSchema, defaultConfiguration, type ConfigurationDocument } from '../../../shared/config/configuration-document';
import { parseOrThrow, type Notice } from '../../../shared/ipc';
import { confSettingsBackend, SETTINGS_FILE_NAME, type SettingsBackend, type SettingsBackendFactory } from './settings-backend';
import { migrateSettings } from './migrations';

export interface SettingsChange {
  before: ConfigurationDocument;
  after: ConfigurationDocument;
}

function reasonOf(error: unknown): string {
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  if (error instanceof Error && 'issues' in error) return 'it does not match the settings schema';
  return error instanceof Error ? error.message : String(error);
}

export class SettingsStore {
  private document: ConfigurationDocument;
  private readonly backend: SettingsBackend;
  /** Told to the user once the window is up. */
  readonly startupNotices: Notice[] = [];

  constructor(dataDir: string, backendFactory: SettingsBackendFactory = confSettingsBackend, now: () => Date = () => new Date()) {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
    let document = defaultConfiguration();
    let mustWrite = true;
    if (fs.existsSync(file)) {
      try {
        const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('it is not a JSON object');
        const migrated = migrateSettings(raw as Record<string, unknown>);
        document = configurationDocumentSchema.parse(migrated);
        mustWrite = migrated !== raw;
      } catch (error) {
        const backup = path.join(dataDir, `${SETTINGS_FILE_NAME}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}.json`);
        fs.renameSync(file, backup);
        document = defaultConfiguration();
        this.startupNotices.push({
          level: 'warning',
          message: `The settings file could not be read (${reasonOf(error)}). It was kept as ${backup}, and the console started with default settings.`,
        });
      }
    }
    this.backend = backendFactory(dataDir);
    this.document = document;
    if (mustWrite) this.backend.write(document);
  }

  get path(): string {
    return this.backend.path;
  }

  get(): ConfigurationDocument {
    return structuredClone(this.document);
  }

  /** Applies a change to a copy, validates the whole document, then writes it; nothing is written if anything is invalid. */
  update(change: (draft: ConfigurationDocument) => void): SettingsChange {
    const before = this.get();
    const draft = this.get();
    change(draft);
    const after = parseOrThrow(configurationDocumentSchema, draft);
    this.backend.write(after);
    this.document = after;
    return { before, after: structuredClone(after) };
  }
}
