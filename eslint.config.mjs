// ESLint (flat config) with typescript-eslint: the recommended rules, unused imports and
// variables as errors, and one rule of the project's own: a folder of src/ is imported from
// another folder only through its index (src/folder), never one of its files.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), 'src');

/** The top-level folder of src/ a path lies in ('' for src/ itself or outside it). */
const folderOf = (path) => {
  const inside = relative(SRC, path);
  if (inside.startsWith('..') || inside === '') return undefined;
  const parts = inside.split(sep);
  return parts.length > 1 ? parts[0] : '';
};

const folderIndexImports = {
  meta: { type: 'problem', messages: { deep: "Import {{folder}} through its index ('{{suggestion}}'), not one of its files." } },
  create(context) {
    const from = folderOf(context.filename);
    if (from === undefined) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(context.filename), spec);
      const folder = folderOf(target);
      if (!folder || folder === from) return;
      if (target === resolve(SRC, folder)) return;
      context.report({
        node: node.source,
        messageId: 'deep',
        data: { folder: `src/${folder}`, suggestion: relative(dirname(context.filename), resolve(SRC, folder)) },
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'var/**', 'coverage/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { unkg: { rules: { 'folder-index-imports': folderIndexImports } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
      'unkg/folder-index-imports': 'error',
    },
  },
  {
    // Scripts the pages load in the browser, with the libraries they are served with.
    files: ['src/web/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'fetch',
          'URL',
          'URLSearchParams',
          'setTimeout',
          'clearTimeout',
          'console',
          'cytoscape',
          'Yasgui',
          'location',
          'history',
          'navigator',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        window: 'readonly',
        document: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
