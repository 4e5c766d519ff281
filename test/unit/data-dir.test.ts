import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FOLDER_NAME, resolveDataDir } from '../../electron/core/data-dir';

describe('resolveDataDir', () => {
  it('uses MTD_CONSOLE_DATA_DIR when set, resolved to an absolute path', () => {
    expect(resolveDataDir({ MTD_CONSOLE_DATA_DIR: '/srv/console' }, 'linux', '/home/a')).toBe('/srv/console');
    expect(resolveDataDir({ MTD_CONSOLE_DATA_DIR: 'rel/dir' }, 'linux', '/home/a')).toBe(path.resolve('rel/dir'));
  });

  it('ignores an empty or blank override', () => {
    for (const blank of ['', '   ']) {
      expect(resolveDataDir({ MTD_CONSOLE_DATA_DIR: blank }, 'linux', '/home/a')).toBe(`/home/a/.config/${APP_FOLDER_NAME}`);
    }
  });

  it("uses each OS's per-user application data folder", () => {
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe(
      `C:\\Users\\a\\AppData\\Roaming\\${APP_FOLDER_NAME}`,
    );
    expect(resolveDataDir({}, 'win32', 'C:\\Users\\a')).toBe(`C:\\Users\\a\\AppData\\Roaming\\${APP_FOLDER_NAME}`);
    expect(resolveDataDir({}, 'darwin', '/Users/a')).toBe(`/Users/a/Library/Application Support/${APP_FOLDER_NAME}`);
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/a')).toBe(`/xdg/${APP_FOLDER_NAME}`);
  });
});
