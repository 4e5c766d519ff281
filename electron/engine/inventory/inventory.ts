// The engine's SQLite inventory (better-sqlite3, WAL): one writer, the engine.
// better-sqlite3 13 ships Node-API prebuilt binaries inside its npm package, so the
// same file loads in Node 22/24 and in Electron's processes with no rebuild and no
// download at install time; its synchronous API keeps each poll step one transaction.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { INVENTORY_MIGRATIONS } from './inventory-schema';

export type SqliteDatabase = Database.Database;

export const INVENTORY_FILE = 'inventory.sqlite';

export class Inventory {
  readonly db: SqliteDatabase;

  constructor(readonly file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable at every checkpoint and never corrupts under WAL; a crash may lose only the last commits, which the next poll redoes.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  static open(dataDir: string): Inventory {
    return new Inventory(path.join(dataDir, INVENTORY_FILE));
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    for (let version = this.schemaVersion; version < INVENTORY_MIGRATIONS.length; version++) {
      this.db.transaction(() => {
        this.db.exec(INVENTORY_MIGRATIONS[version]!);
        this.db.pragma(`user_version = ${version + 1}`);
      })();
    }
  }

  /** Runs fn in one transaction: all of it lands, or none of it. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  cursor(name: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM cursors WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value;
  }

  setCursor(name: string, value: string | undefined): void {
    if (value === undefined) this.db.prepare('DELETE FROM cursors WHERE name = ?').run(name);
    else this.db.prepare('INSERT INTO cursors (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  /** SQLite's own check: "ok" when the file is sound. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
