// The main process bundle. Complete on its own, so `vite build -c` gives the same
// output as Forge's Vite plugin (which merges its defaults under this config).
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'node22',
    minify: false,
    sourcemap: true,
    lib: { entry: 'electron/shell/main.ts', formats: ['cjs'], fileName: () => 'main.cjs' },
    rollupOptions: {
      external: ['electron', 'electron/main', ...builtinModules.flatMap((m) => [m, `node:${m}`])],
    },
  },
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
  clearScreen: false,
});
