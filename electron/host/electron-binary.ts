import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

const require = createRequire(import.meta.url);

function electronPackageDir(): string | null {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Finds the Electron executable without importing `electron` (whose index.js
 * tries to download the binary and throws where that is impossible).
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const dir = electronPackageDir();
  if (!dir) return { available: false, reason: 'the electron package is not installed' };
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const candidate = path.join(distDir, relative || 'electron');
  if (relative && fs.existsSync(candidate)) return { available: true, path: candidate };
  if (env.ELECTRON_OVERRIDE_DIST_PATH && fs.existsSync(candidate)) return { available: true, path: candidate };
  return { available: false, reason: 'the Electron binary is not downloaded (node_modules/electron/dist is empty)' };
}

/** Tries Electron's own installer once (it downloads the binary), then looks again. */
export function ensureElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const found = findElectronBinary(env);
  if (found.available) return found;
  const dir = electronPackageDir();
  if (!dir) return found;
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], { encoding: 'utf8', timeout: 120_000, env });
  const again = findElectronBinary(env);
  if (again.available) return again;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim().split('\n').filter(Boolean);
  const why = result.error ? result.error.message : (output.find((line) => /error/i.test(line)) ?? output.at(-1) ?? `exit code ${String(result.status)}`);
  return { available: false, reason: `its binary could not be downloaded (${why.trim()})` };
}

/** Electron on Linux needs a display server; say so instead of letting it crash. */
export function missingDisplayReason(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (platform !== 'linux') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? null : 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
}
