// Lint + the layering of ../shared/docs/ARCHITECTURE.md, enforced here rather than remembered.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = {
  regex:
    '^(node:.*|fs|fs/promises|path|os|child_process|worker_threads|http|https|net|crypto|stream|util|url)$',
  message: 'Pure code takes arrays and returns arrays: no Node I/O here.',
};
const heavyRuntimes = {
  regex: '^(electron|@tensorflow/.*|react|react-dom|playwright-core|plotly.*)$',
  message: 'Pure code imports no Electron, tfjs, React or browser tooling.',
};
const mainFromOutside = {
  regex: '(^|/)main/',
  message: 'Only src/main reaches the services; other layers go through the API contract in src/shared.',
};

// Folders whose code must stay pure (no I/O, no runtime frameworks).
const pureFolders = [
  'src/shared/**/*.ts',
  'src/main/gait/**/*.ts',
  'src/main/formats/**/*.ts',
  'src/main/capture/calibration/**/*.ts',
  'src/main/pose/decode/**/*.ts',
  'src/main/report/model/**/*.ts',
];

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'resources/models/**', 'test-artifacts/**', 'bench-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, { regex: '^electron$' }, mainFromOutside] },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainFromOutside] }] },
  },
  {
    files: pureFolders,
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, heavyRuntimes] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, heavyRuntimes, mainFromOutside, { regex: '(^|/)renderer/' }] },
      ],
    },
  },
  {
    // Services and adapters other than Electron's must run without Electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts', ...pureFolders],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^electron$',
              message: 'Only src/main/electron talks to Electron; services take small interfaces.',
            },
          ],
        },
      ],
    },
  },
);
