// ESLint (flat config) with typescript-eslint: the recommended rules, unused imports and
// variables as errors, and imports across src/ folders only through each folder's index.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** src/<folder>/<file> may be imported from another folder only as src/<folder> (its index). */
const ACROSS_FOLDERS = [
  {
    group: ['../*/*', '!../*/index', '../../*/*', '!../../*/index'],
    message: 'Import another folder of src/ through its index (../folder), not one of its files.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'var/**', 'coverage/**', 'test-artifacts/**', 'src/web/assets/vendor/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ACROSS_FOLDERS }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly', window: 'readonly', document: 'readonly' } },
  },
);
