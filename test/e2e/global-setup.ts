import path from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../electron/host/project-paths';

/** Builds what the tests load: the renderer (browser host) and the main and preload bundles (Electron spec). */
export default async function globalSetup(): Promise<void> {
  for (const config of ['vite.renderer.config.ts', 'vite.main.config.ts', 'vite.preload.config.ts']) {
    await build({ configFile: path.join(PROJECT_ROOT, config), logLevel: 'warn' });
  }
}
