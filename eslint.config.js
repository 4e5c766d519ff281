// Layering rules from ARCHITECTURE.md: shared/ imports neither Node, DOM-only
// code, electron/ nor renderer/; renderer/ never imports electron/ or Node;
// only the Electron shell imports 'electron'; only the IPC wrappers touch
// ipcMain / ipcRenderer; inside electron/, the rooms point one way (eslint.rooms.js).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { roomsPlugin } from './eslint.rooms.js';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads'];

const ipcWrappersOnly = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC wrappers (electron/shell/ipc-main.ts, electron/shell/preload.ts).',
};

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', 'out/', 'test-results/', 'playwright-report/', '.test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': ['error', { paths: [ipcWrappersOnly] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // The renderer tests run the renderer's code in jsdom, with the core beside it in Node.
    files: ['test/renderer/**/*.ts', 'test/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import electron/ or renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.api.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node.' },
            { group: ['**/electron/**'], message: 'renderer/ must not import electron/: use the contract in shared/.' },
          ],
        },
      ],
    },
  },
  {
    // Everything under electron/ except the thin shell runs without an Electron binary.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/shell/ may import electron; the core and the browser host run without it.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'Main-process code must not import the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    plugins: { rooms: roomsPlugin },
    rules: { 'rooms/direction': 'error', 'rooms/no-cycle': 'error' },
  },
  {
    files: ['electron/shell/**/*.ts'],
    ignores: ['electron/shell/ipc-main.ts', 'electron/shell/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ipcWrappersOnly], patterns: [{ group: ['**/renderer/**'], message: 'Main-process code must not import the renderer.' }] }],
    },
  },
  {
    files: ['electron/shell/ipc-main.ts', 'electron/shell/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
