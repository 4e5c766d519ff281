// One CommonJS bundle for a Node-side entry (Electron main, the engine's utilityProcess).
// Complete on its own, so `vite build -c` gives the same output as Forge's Vite plugin
// (which merges its defaults under this config).
import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';

export function nodeBundle(entry: string, fileName: string, external: readonly string[] = []): UserConfig {
  return defineConfig({
    build: {
      outDir: '.vite/build',
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      lib: { entry, formats: ['cjs'], fileName: () => fileName },
      rollupOptions: {
        external: ['electron', 'electron/main', ...external, ...builtinModules.flatMap((m) => [m, `node:${m}`])],
      },
    },
    resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
    clearScreen: false,
  });
}
