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
const into = (dir) => `^(\\./)?(\\.\\./)+${dir}(/|$)`;

const LOCALE_COMPARE = {
  selector: "CallExpression[callee.property.name='localeCompare']",
  message: 'localeCompare depends on the machine locale: use cmpText from shared/domain.',
};

/**
 * One layer's boundary: relative folders it must not reach (`regex` of `into`), packages and
 * built-ins it must not load. Static imports are checked by no-restricted-imports; lazy
 * `import()` calls (the CLI loads its backend lazily) by the same regexes through
 * no-restricted-syntax, where a slash is written \u002F because selectors cannot hold one.
 */
function boundary({ folders = [], groups = [], paths = [] }) {
  return {
    'no-restricted-imports': ['error', { paths, patterns: [...folders, ...groups] }],
    'no-restricted-syntax': [
      'error',
      LOCALE_COMPARE,
      ...folders.map(({ regex, message }) => ({
        selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\u002F')}/]`,
        message,
      })),
    ],
  };
}

const sharedFolders = [{ regex: into('(electron|renderer)'), message: 'shared/ imports nothing from electron/ or renderer/.' }];
const sharedGroups = [
  {
    group: ['better-sqlite3', 'pg', 'electron', 'react', 'react-dom', 'zustand', 'exceljs'],
    message: 'shared/ is pure: no storage, UI or desktop libraries.',
  },
];
const sharedPaths = nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' }));
const noElectron = (layer) => ({ group: ['electron', 'electron/*'], message: `${layer} never imports electron.` });

/** A Node-side layer under electron/ (backend, cli, web): no electron package, none of the `forbidden` siblings, no renderer. */
function nodeLayer(name, forbidden, allowed, { renderer = {} } = {}) {
  const message = `electron/${name} imports only ${allowed}.`;
  return {
    files: [`electron/${name}/**/*.{ts,tsx}`],
    rules: boundary({
      folders: [
        { regex: into(`(electron/)?(${forbidden})`), message },
        { regex: into('renderer'), message, ...renderer },
      ],
      groups: [noElectron(`electron/${name}`)],
    }),
  };
}

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'native/', 'test-output/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-syntax': ['error', LOCALE_COMPARE],
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
    rules: boundary({ folders: sharedFolders, groups: sharedGroups, paths: sharedPaths }),
  },
  // The rules do not word themselves: shared/format words them, for the CLI and the screens.
  {
    files: ['shared/domain/**/*.ts'],
    rules: boundary({
      folders: [
        ...sharedFolders,
        { regex: into('(shared/)?format'), message: 'shared/domain holds rules: wording goes in shared/format, which imports the domain.' },
      ],
      groups: sharedGroups,
      paths: sharedPaths,
    }),
  },
  // The backend runs in a utility process, the CLI and the web host: never the electron package, never the shell.
  nodeLayer('backend', 'main|preload|web|cli', 'shared/ and itself'),
  // The one exception: the backend prints the staffing summary from the same React page the
  // screens show (renderer/src/print: pure components and their CSS, no store, no API), so
  // the page on screen and on paper cannot drift apart. Only electron/backend/export may.
  {
    ...nodeLayer('backend', 'main|preload|web|cli', 'shared/, itself and renderer/src/print', {
      renderer: { regex: `${into('renderer')}(?!src/print(/|$))` },
    }),
    files: ['electron/backend/export/**/*.{ts,tsx}'],
  },
  nodeLayer('cli', 'main|preload|web', 'shared/ and electron/backend'),
  nodeLayer('web', 'main|preload|cli', 'shared/ and electron/backend'),
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: boundary({
      folders: [
        {
          regex: into('((electron/)?(web|cli)|renderer)'),
          message: 'The desktop shell does not reach into the web host, the CLI or the renderer.',
        },
      ],
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: boundary({
      folders: [{ regex: into('electron'), message: 'renderer/ never imports electron/: talk to the backend through the API client.' }],
      groups: [{ group: ['electron', 'better-sqlite3', 'pg'], message: 'renderer/ runs in a browser page.' }],
      paths: nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a browser page: no Node built-ins.' })),
    }),
  },
);
