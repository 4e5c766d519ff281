import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder, found from this file (electron/host/) when run from source by tsx. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where Vite (and Forge's Vite plugin) writes the built renderer. */
export const RENDERER_DIR = path.join(PROJECT_ROOT, '.vite', 'renderer', 'main_window');

export function readProjectVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
