// Packaging: `npm run make` (needs the Electron binary). The fuses harden the
// packaged app; the inspect-arguments fuse is off there, which is why the
// Electron end-to-end spec runs the unpackaged build.
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const config: ForgeConfig = {
  packagerConfig: {
    // The SQLite binding's .node binary cannot load from inside the asar archive.
    asar: { unpack: '**/*.node' },
    name: 'MTD Connector Console',
    executableName: 'mtd-connector-console',
    appBundleId: 'com.mtdconsole.connector',
    appCategoryType: 'public.app-category.business',
  },
  rebuildConfig: {},
  hooks: {
    // The Vite plugin packages only the bundles; the engine's one external module (better-sqlite3, Node-API, prebuilt) is copied in.
    packageAfterCopy: async (_config, buildPath) => {
      const { cp } = await import('node:fs/promises');
      const { join } = await import('node:path');
      await cp(join(import.meta.dirname, 'node_modules', 'better-sqlite3'), join(buildPath, 'node_modules', 'better-sqlite3'), { recursive: true });
    },
  },
  makers: [
    new MakerSquirrel({ name: 'mtd_connector_console' }),
    new MakerDMG({ format: 'ULFO' }),
    new MakerZIP({}, ['darwin']),
    new MakerDeb({ options: { categories: ['Utility'] } }),
    // maker-rpm has no 8.x release; its 7.x class types differ, so Forge resolves it by name.
    { name: '@electron-forge/maker-rpm', config: {} },
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/shell/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/shell/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
        { entry: 'electron/engine/engine-process.ts', config: 'vite.engine.config.ts', target: 'main' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
