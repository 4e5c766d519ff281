import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../../shared/config/configuration-document';
import { AppError } from '../../shared/ipc';
import { SettingsStore } from '../../electron/core/settings/settings-store';
import { makeTempDir } from '../support/temp-dir';

const temps: { cleanup: () => void }[] = [];
function dataDir(): string {
  const temp = makeTempDir('mtd-settings-');
  temps.push(temp);
  return temp.dir;
}
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

const settingsFile = (dir: string) => path.join(dir, 'settings.json');
const backups = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('settings.unreadable-'));
const connector = { heartbeatMinutes: 30, enrollmentGroups: ['Mobile Users'], newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['secops@contoso.com'] };

describe('SettingsStore', () => {
  it('starts a new data folder with the defaults, written to disk', () => {
    const dir = dataDir();
    const store = new SettingsStore(dir);
    expect(store.get()).toEqual(defaultConfiguration());
    expect(JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8'))).toEqual(defaultConfiguration());
    expect(store.startupNotices).toEqual([]);
  });

  it('keeps a change across restarts', () => {
    const dir = dataDir();
    new SettingsStore(dir).update((draft) => {
      draft.connector = connector;
    });
    expect(new SettingsStore(dir).get().connector).toEqual(connector);
  });

  it('writes nothing when the change makes the document invalid, and says which field and rule', () => {
    const dir = dataDir();
    const store = new SettingsStore(dir);
    const before = fs.readFileSync(settingsFile(dir), 'utf8');
    let error: unknown;
    try {
      store.update((draft) => {
        draft.enrollment.disconnectedAfterDays = 91;
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation', field: 'enrollment.disconnectedAfterDays' });
    expect(fs.readFileSync(settingsFile(dir), 'utf8')).toBe(before);
    expect(store.get().enrollment.disconnectedAfterDays).toBe(7);
  });

  const unreadable: [string, string][] = [
    ['not JSON', '{"schemaVersion": 1, "access": '],
    ['not an object', '[1, 2, 3]'],
    ['the wrong schema', JSON.stringify({ ...defaultConfiguration(), enrollment: { disconnectedAfterDays: 'seven' } })],
    ['a newer version', JSON.stringify({ ...defaultConfiguration(), schemaVersion: 99 })],
    ['an injected key', JSON.stringify({ ...defaultConfiguration(), isAdmin: true })],
  ];
  for (const [kind, content] of unreadable) {
    it(`moves a file with ${kind} aside, keeps its content, starts with defaults and says so`, () => {
      const dir = dataDir();
      fs.writeFileSync(settingsFile(dir), content);
      const store = new SettingsStore(dir, undefined, () => new Date('2026-11-22T10:00:00.000Z'));
      expect(store.get()).toEqual(defaultConfiguration());
      expect(backups(dir)).toEqual(['settings.unreadable-2026-11-22T10-00-00-000Z.json']);
      expect(fs.readFileSync(path.join(dir, backups(dir)[0]!), 'utf8')).toBe(content);
      expect(store.startupNotices).toHaveLength(1);
      expect(store.startupNotices[0]!.message).toContain('settings.unreadable-2026-11-22T10-00-00-000Z.json');
      expect(JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8'))).toEqual(defaultConfiguration());
    });
  }

  it('migrates a file from before schemaVersion, keeping its settings', () => {
    const dir = dataDir();
    fs.writeFileSync(settingsFile(dir), JSON.stringify({ enrollment: { disconnectedAfterDays: 30 }, connector }));
    const store = new SettingsStore(dir);
    expect(store.startupNotices).toEqual([]);
    expect(store.get()).toMatchObject({ schemaVersion: 3, enrollment: { disconnectedAfterDays: 30 }, connector, access: null, smtp: null, connection: null });
    expect(JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8')).schemaVersion).toBe(3);
  });

  it('migrates a version 1 file (before SMTP settings), keeping its settings', () => {
    const dir = dataDir();
    const v1 = { ...defaultConfiguration(), schemaVersion: 1, connector } as Record<string, unknown>;
    delete v1.smtp;
    delete v1.connection;
    fs.writeFileSync(settingsFile(dir), JSON.stringify(v1));
    const store = new SettingsStore(dir);
    expect(store.startupNotices).toEqual([]);
    expect(store.get()).toEqual({ ...defaultConfiguration(), connector });
    expect(JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8')).schemaVersion).toBe(3);
  });

  it('migrates a version 2 file (before tenant profiles) to one without a connection, keeping its settings', () => {
    const dir = dataDir();
    const v2 = { ...defaultConfiguration(), schemaVersion: 2, connector } as Record<string, unknown>;
    delete v2.connection;
    fs.writeFileSync(settingsFile(dir), JSON.stringify(v2));
    const store = new SettingsStore(dir);
    expect(store.startupNotices).toEqual([]);
    expect(store.get()).toEqual({ ...defaultConfiguration(), connector });
    expect(JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8')).schemaVersion).toBe(3);
  });
});
