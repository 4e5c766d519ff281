import os from 'node:os';
import path from 'node:path';

/** The per-user folder name; Electron derives the same one from productName. */
export const APP_FOLDER_NAME = 'MTD Connector Console';
export const DATA_DIR_ENV = 'MTD_CONSOLE_DATA_DIR';

/**
 * Where settings, the inventory and logs live: MTD_CONSOLE_DATA_DIR when set,
 * otherwise the OS's per-user application data folder (as Electron's userData).
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env[DATA_DIR_ENV]?.trim();
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  }
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_FOLDER_NAME);
}
