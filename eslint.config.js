// One linter for the whole tree; the layer boundaries of ARCHITECTURE.md are enforced here, not by hope.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pattern = (group, message) => ({ group, message });

// Import rules shared by every layer. `no-restricted-imports` options do not merge across config blocks (the last
// block matching a file wins), so each block below lists all the patterns for its files through `restrict`.
/** One import style: a relative import names its file with the extension (tsconfig allowImportingTsExtensions). */
const EXTENSION = {
  regex: '^\\.{1,2}/(?!.*\\.(?:tsx?|mts|mjs|cjs|js|json|css)(?:\\?[\\w=&]*)?$)',
  message: 'Relative imports name their file with its extension (./x.ts, ./App.tsx): one style everywhere.',
};
/**
 * Public surfaces: other layers import sim/ and datasets/ through their index files only (regexes: a negated glob
 * cannot re-admit sim/testing/index.ts once sim/** has excluded its folder).
 */
const SIM_INDEX = {
  regex: '(^|/)sim/(?!index\\.ts$)',
  message: 'Import sim/ through sim/index.ts only (sim/API.md).',
};
const SIM_INDEX_IN_TESTS = {
  regex: '(^|/)sim/(?!(testing/)?index\\.ts$)',
  message: 'Tests import sim/ through sim/index.ts, and its test support through sim/testing/index.ts (sim/API.md).',
};
const DATASETS_INDEX = {
  regex: '(^|/)datasets/(?!index\\.ts$)',
  message: 'Import datasets/ through datasets/index.ts only (datasets/SCHEMA.md).',
};
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'tests/**'];
const NO_RENDERER = pattern(['**/renderer/**'], 'Nothing imports renderer/.');

/** The `no-restricted-imports` rule for a block: the extension style plus the block's own patterns and paths. */
const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns: [EXTENSION, ...patterns] }],
});
const RENDERER_NO_NODE = ['fs', 'path', 'os', 'electron'].map((name) => ({
  name,
  message: 'The renderer has no Node access.',
}));
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
    // Every file: one import style, and sim/ and datasets/ through their index files.
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    rules: restrict([SIM_INDEX, DATASETS_INDEX]),
  },
  {
    // Tests may also use the engine's test support (synthetic data, base records), through its own index.
    files: TESTS,
    rules: restrict([SIM_INDEX_IN_TESTS, DATASETS_INDEX]),
  },
  {
    files: ['**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', languageTernary, literalJsxText] },
  },
  {
    // The engine is pure: nothing from the UI, the shell, the data layer, Node or DuckDB.
    files: ['sim/**/*.ts'],
    ignores: TESTS,
    rules: restrict([
      pattern(
        ['**/renderer/**', '**/electron/**', '**/datasets/**', '**/cli/**'],
        'sim/ imports nothing from other layers.',
      ),
      pattern(
        ['node:*', 'fs', 'path', 'os', 'electron', '@duckdb/*', 'react', 'react-dom'],
        'sim/ is environment-free.',
      ),
    ]),
  },
  {
    // Shared data code runs in the renderer and the CLI alike.
    files: ['datasets/**/*.ts'],
    ignores: TESTS,
    rules: restrict([
      pattern(['**/renderer/**', '**/electron/**', '**/cli/**'], 'datasets/ imports only sim/.'),
      pattern(['node:*', 'fs', 'path', 'os', 'electron', 'react', 'react-dom'], 'datasets/ is environment-free.'),
      SIM_INDEX,
    ]),
  },
  {
    // Nothing imports the renderer.
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    rules: restrict([NO_RENDERER, SIM_INDEX, DATASETS_INDEX]),
  },
  {
    files: ['electron/**/*.test.ts', 'cli/**/*.test.ts'],
    rules: restrict([NO_RENDERER, SIM_INDEX_IN_TESTS, DATASETS_INDEX]),
  },
  {
    // The contract is the renderer's only door to the shell: zod and types, shared by renderer, preload and main. Its
    // one import from another layer is the bilingual vocabulary (Bilingual, ErrorInfo) through sim/index.ts.
    files: ['contract/**/*.ts'],
    rules: restrict([
      SIM_INDEX,
      pattern(
        ['**/renderer/**', '**/electron/**', '**/cli/**', '**/datasets/**'],
        'contract/ imports nothing from other layers but the bilingual vocabulary of sim/index.ts.',
      ),
      pattern(['node:*', 'fs', 'path', 'os', 'electron', 'react', 'react-dom'], 'contract/ is environment-free.'),
    ]),
  },
  {
    // The renderer talks to its host through contract/ only, and has no Node access.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(
      [
        pattern(['**/electron/**', '**/cli/**'], 'The renderer talks to its host through contract/ only.'),
        pattern(['node:*'], 'The renderer has no Node access.'),
        SIM_INDEX,
        DATASETS_INDEX,
      ],
      RENDERER_NO_NODE,
    ),
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: restrict(
      [
        pattern(['**/electron/**', '**/cli/**'], 'The renderer talks to its host through contract/ only.'),
        pattern(['node:*'], 'The renderer has no Node access.'),
        SIM_INDEX_IN_TESTS,
        DATASETS_INDEX,
      ],
      RENDERER_NO_NODE,
    ),
  },
);
