// @ts-check
// The house style and the layering of architecture.md ("Boundaries"), checked by the
// linter so that neither depends on anyone's memory.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** A relative import that climbs into `dir` (a folder at the repository's top, or under electron/). */
const into = (dir) => `^(\\.\\./)+${dir}(/|$)`;

const restrict = (patterns, paths = []) => ['error', { paths, patterns }];

const sharedPatterns = [
  { regex: into('(electron|renderer)'), message: 'shared/ imports nothing from electron/ or renderer/.' },
  {
    group: ['better-sqlite3', 'pg', 'electron', 'react', 'react-dom', 'zustand', 'exceljs'],
    message: 'shared/ is pure: no storage, UI or desktop libraries.',
  },
];
const sharedPaths = nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' }));

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'native/', 'test-output/', 'coverage/', 'bin/*.bundle.*'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='localeCompare']",
          message: 'localeCompare depends on the machine locale: use cmpText from shared/domain.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // shared/ is pure: no Node, DOM, Electron or SQLite, and nothing from the layers above it.
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(sharedPatterns, sharedPaths) },
  },
  // The rules do not word themselves: shared/format words them, for the CLI and the screens.
  {
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          ...sharedPatterns,
          { regex: '^\\.\\./format(/|$)', message: 'shared/domain holds rules: wording goes in shared/format, which imports the domain.' },
        ],
        sharedPaths,
      ),
    },
  },
  // The backend runs in a utility process, the CLI and the web host: never the electron package, never the shell.
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'electron/backend never imports electron.' },
        { regex: into('(main|preload|web|cli|renderer)'), message: 'electron/backend imports only shared/ and itself.' },
        { regex: into('electron/(main|preload|web|cli)'), message: 'electron/backend imports only shared/ and itself.' },
      ]),
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'electron/cli never imports electron.' },
        { regex: into('(main|preload|web|renderer)'), message: 'electron/cli imports shared/ and electron/backend only.' },
      ]),
    },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'electron/web never imports electron.' },
        { regex: into('(main|preload|cli|renderer)'), message: 'electron/web imports shared/ and electron/backend only.' },
      ]),
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: into('(web|cli|renderer)'), message: 'The desktop shell does not reach into the web host, the CLI or the renderer.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: into('electron'), message: 'renderer/ never imports electron/: talk to the backend through the API client.' },
        { group: ['electron', 'better-sqlite3', 'node:*'], message: 'renderer/ runs in a browser page.' },
      ]),
    },
  },
);
