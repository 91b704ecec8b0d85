// Lint rules, including the layering rule: imports only go down (renderer -> core,
// electron -> node -> core); core/ touches no DOM, Node or Electron; renderer/ no Node or Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'stream',
  'worker_threads',
];
const noNode = nodeBuiltins.map((name) => ({
  group: [name],
  message: 'Node is not available here.',
}));
const noElectron = [
  {
    group: ['electron', 'electron/*'],
    message: 'Electron only in electron/main and electron/preload.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'resources/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNode,
            ...noElectron,
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'core/ is UI-free.',
            },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'core/ imports neither renderer/ nor electron/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // These two misfire on this app's legitimate patterns: writing scrollTop of a DOM node
      // held in a ref, and effects that load data or measure layout and then set state.
      'react-hooks/immutability': 'off',
      'react-hooks/set-state-in-effect': 'off',
      // Only meaningful when the React Compiler rewrites components; this app does not use it.
      'react-hooks/preserve-manual-memoization': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNode,
            ...noElectron,
            {
              group: ['**/electron/**'],
              message: 'renderer/ talks to the host only through the API contract.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'react-dom'],
              message: 'electron/ does not reach into the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // node/: services and the browser host run without Electron and without a DOM.
    files: ['node/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noElectron,
            {
              group: ['**/renderer/**', 'react', 'react-dom'],
              message: 'node/ does not reach into the UI.',
            },
            {
              group: ['**/electron/**'],
              message: 'Services take Electron parts as parameters.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,js,mjs}', 'bench/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
