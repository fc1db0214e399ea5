// One linter for the whole tree; the layer boundaries of ARCHITECTURE.md are enforced here, not by hope.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pattern = (group, message) => ({ group, message });

// User-facing text goes through the message catalogue (renderer/src/i18n) or a Bilingual value (sim/bilingual.ts),
// never an inline `language === 'zh' ? … : …` (either side, `language`/`lang` or `x.language`/`x.lang`).
const LANGUAGE_NAME = '/^(language|lang)$/';
const LANGUAGE_CODE = '/^(zh|en)$/';
const languageTernary = {
  selector: [
    `ConditionalExpression > BinaryExpression.test[right.value=${LANGUAGE_CODE}]:matches([left.name=${LANGUAGE_NAME}], [left.property.name=${LANGUAGE_NAME}])`,
    `ConditionalExpression > BinaryExpression.test[left.value=${LANGUAGE_CODE}]:matches([right.name=${LANGUAGE_NAME}], [right.property.name=${LANGUAGE_NAME}])`,
    // …and the same through a flag: `const zh = language === 'zh'; zh ? … : …`.
    `VariableDeclarator[id.name=/^(zh|en|isZh|isEn)$/] > BinaryExpression.init[right.value=${LANGUAGE_CODE}]`,
  ].join(', '),
  message: 'No inline language ternaries: use a message-catalogue entry (renderer/src/i18n) or a Bilingual value.',
};
// As Excalidraw does: words in JSX come from the catalogue; punctuation, digits and whitespace may stay literal.
const literalJsxText = {
  selector: 'JSXText[value=/[A-Za-z\\u3400-\\u9fff\\uf900-\\ufaff]/]',
  message: 'No literal text in JSX: use a message-catalogue entry (renderer/src/i18n).',
};

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
      'no-restricted-syntax': ['error', languageTernary],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', languageTernary, literalJsxText] },
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
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Regexes, not globs: a glob `electron` also matched the `electron/` folder in relative paths, and the
            // negated glob could not re-admit `../electron/contract/...`.
            {
              regex: '(^|/)(electron/(?!contract/)|cli/)',
              message: 'The renderer talks to its host through the contract in electron/contract only.',
            },
            { regex: '^(node:.*|fs|path|electron)$', message: 'The renderer has no Node access.' },
          ],
        },
      ],
    },
  },
);
