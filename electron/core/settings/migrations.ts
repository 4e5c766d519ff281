import { CONFIGURATION_SCHEMA_VERSION } from '../../../shared/config/configuration-document';

type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they produce. Version 0 is a file written before the
 * document carried a schemaVersion: its settings kept, the fields added since filled in.
 */
const MIGRATIONS: Record<number, Migration> = {
  1: (document) => ({
    access: null,
    consent: null,
    connector: null,
    enrollment: { disconnectedAfterDays: 7 },
    classificationLevels: {},
    notifications: {},
    ...document,
    schemaVersion: 1,
  }),
  2: (document) => ({ smtp: null, ...document, schemaVersion: 2 }),
  3: (document) => ({ connection: null, ...document, schemaVersion: 3 }),
};

export class MigrationError extends Error {}

/** Brings a stored document up to the current schema version; refuses one from a newer console. */
export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  const version = raw.schemaVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) throw new MigrationError(`schemaVersion ${JSON.stringify(version)} is not a version.`);
  if (version > CONFIGURATION_SCHEMA_VERSION) {
    throw new MigrationError(`the settings were written by a newer console (schema version ${version}; this one reads up to ${CONFIGURATION_SCHEMA_VERSION}).`);
  }
  let document = raw;
  for (let next = version + 1; next <= CONFIGURATION_SCHEMA_VERSION; next++) document = MIGRATIONS[next]!(document);
  return document;
}
