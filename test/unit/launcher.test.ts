import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary, missingDisplayReason } from '../../electron/host/electron-binary';
import { parsePort } from '../../electron/host/serve';
import { makeTempDir } from '../support/temp-dir';

const require = createRequire(import.meta.url);

describe('parsePort', () => {
  it('accepts 0 (a free port) through 65535 and nothing else', () => {
    expect(parsePort(undefined)).toBeUndefined();
    expect(parsePort('0')).toBe(0);
    expect(parsePort('1')).toBe(1);
    expect(parsePort('65535')).toBe(65535);
    for (const bad of ['-1', '65536', '1.5', 'abc', '', ' 80; rm -rf /']) {
      expect(() => parsePort(bad)).toThrow(/--port must be a whole number from 0 to 65535/);
    }
  });
});

describe('finding the Electron binary', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('finds an executable under ELECTRON_OVERRIDE_DIST_PATH', () => {
    // Electron's own path.txt names the executable per OS; without it, "electron".
    const pathTxt = path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt');
    const relative = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : 'electron';
    const executable = path.join(temp.dir, relative);
    fs.mkdirSync(path.dirname(executable), { recursive: true });
    fs.writeFileSync(executable, '');
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: temp.dir });
    expect(found.available).toBe(true);
  });

  it('says why when there is none', () => {
    const empty = path.join(temp.dir, 'empty');
    fs.mkdirSync(empty);
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(found).toMatchObject({ available: false });
    if (!found.available) expect(found.reason).toMatch(/not downloaded/);
  });

  it('needs a display on Linux only', () => {
    expect(missingDisplayReason({}, 'linux')).toMatch(/no display/);
    expect(missingDisplayReason({ DISPLAY: ':99' }, 'linux')).toBeNull();
    expect(missingDisplayReason({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(missingDisplayReason({}, 'win32')).toBeNull();
  });
});
