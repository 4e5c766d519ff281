// The preload: one CommonJS file, since sandboxed preloads cannot load modules.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'chrome140',
    minify: false,
    rollupOptions: {
      external: ['electron', 'electron/renderer'],
      input: 'electron/shell/preload.ts',
      output: { format: 'cjs', codeSplitting: false, entryFileNames: 'preload.cjs' },
    },
  },
  clearScreen: false,
});
