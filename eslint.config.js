// Lint, including the layering rules of DESIGN.md: dependencies point inward to electron/core,
// the core never sees Electron or Vue, and the renderer takes only types from electron/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import importX from 'eslint-plugin-import-x';

// `paths` match a module name exactly; `patterns` are gitignore-style and would match any
// path segment called "electron" (such as ../electron/common), so Electron itself goes in paths.
const ELECTRON = { name: 'electron', message: 'Only the Electron shell (main, preload) may import electron.' };
const restrict = (patterns, paths = [ELECTRON]) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', crypto: 'readonly', URL: 'readonly', Event: 'readonly', KeyboardEvent: 'readonly', HTMLElement: 'readonly', HTMLInputElement: 'readonly' } },
  },
  {
    // electron-builder loads hooks with require(): CommonJS is the format it asks for.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', exports: 'writable', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**', 'bin/**', '*.config.*', 'build/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // The core is plain Node: no Electron, no Vue, nothing of the shell or the CLI.
    files: ['electron/core/**'],
    rules: restrict([
      { group: ['electron/*'], message: 'electron/core must run under plain Node: no electron imports.' },
      { group: ['vue', 'vuetify', 'vuetify/*', 'pinia'], message: 'electron/core knows nothing of the UI.' },
      { group: ['**/ipc/**', '**/main', '**/preload', '**/cli', '**/cli/**', '**/renderer/**'], message: 'Dependencies point inward: electron/core imports nothing from the shell, the CLI or the renderer.' },
    ]),
  },
  {
    // common/ runs anywhere (Node and the sandboxed renderer): no Node built-ins, no core.
    files: ['electron/common/**'],
    rules: restrict([
      { group: ['node:*', 'better-sqlite3', '@napi-rs/*', '@azure/*'], message: 'electron/common must run in the browser too.' },
      { group: ['**/core/**', '**/ipc/**', '**/cli/**'], message: 'electron/common depends on nothing else of ours.' },
    ]),
  },
  {
    files: ['electron/cli.ts', 'electron/cli/**'],
    rules: restrict([{ group: ['**/ipc/**', '**/main', '**/renderer/**'], message: 'The CLI uses the core only.' }]),
  },
  {
    // The renderer may import electron/common and *types* of the IPC contract, nothing else.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [
            { group: ['**/electron/core/**', '**/electron/cli', '**/electron/cli/**', '**/electron/main', '**/electron/preload', '**/electron/ipc/handlers', '**/electron/ipc/handlers/**'], message: 'The renderer talks to the engine only through window.nexus.' },
            { group: ['**/electron/ipc/**'], allowTypeImports: true, message: 'Import only types from the IPC contract (import type …).' },
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'The renderer is sandboxed: no Node.' },
          ],
        },
      ],
    },
  },
);
