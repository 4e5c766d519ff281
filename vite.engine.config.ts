// The engine's utilityProcess bundle. better-sqlite3 stays outside the bundle: it loads
// its Node-API binary from its own folder, which packaging copies next to the app.
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
    lib: { entry: 'electron/engine/engine-process.ts', formats: ['cjs'], fileName: () => 'engine-process.cjs' },
    rollupOptions: {
      external: ['electron', 'better-sqlite3', ...builtinModules.flatMap((m) => [m, `node:${m}`])],
    },
  },
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
  clearScreen: false,
});
