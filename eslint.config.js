// One linter for the whole tree; the layer boundaries of ARCHITECTURE.md are enforced here, not by hope.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-web',
      'dist-electron',
      'release',
      'datasets/demo',
      'test-artifacts',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine is pure: nothing from the UI, the shell, the data layer, Node or DuckDB.
    files: ['sim/**/*.ts'],
    ignores: ['sim/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['**/renderer/**', '**/electron/**', '**/datasets/**', '**/cli/**'],
              'sim/ imports nothing from other layers.',
            ),
            pattern(
              ['node:*', 'fs', 'path', 'os', 'electron', '@duckdb/*', 'react', 'react-dom'],
              'sim/ is environment-free.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Shared data code runs in the renderer and the CLI alike.
    files: ['datasets/**/*.ts'],
    ignores: ['datasets/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['**/renderer/**', '**/electron/**', '**/cli/**'], 'datasets/ imports only sim/.'),
            pattern(['node:*', 'fs', 'path', 'os', 'electron', 'react', 'react-dom'], 'datasets/ is environment-free.'),
          ],
        },
      ],
    },
  },
  {
    // Nothing imports the renderer; the renderer never reaches into the shell.
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['**/renderer/**'], 'Nothing imports renderer/.')] }],
    },
  },
  {
    // The contract is the renderer's only door to the shell: zod and types, shared by renderer, preload and main.
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['**/renderer/**', '**/electron/**', '**/cli/**', '**/sim/**', '**/datasets/**'],
              'contract/ imports nothing from other layers.',
            ),
            pattern(['node:*', 'fs', 'path', 'os', 'electron', 'react', 'react-dom'], 'contract/ is environment-free.'),
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to its host through contract/ only, and has no Node access.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'os', 'electron'].map((name) => ({
            name,
            message: 'The renderer has no Node access.',
          })),
          patterns: [
            pattern(['**/electron/**', '**/cli/**'], 'The renderer talks to its host through contract/ only.'),
            pattern(['node:*'], 'The renderer has no Node access.'),
          ],
        },
      ],
    },
  },
);
