// Lint: typescript-eslint's recommended rules everywhere, and purity rules for engine/:
// no clock, randomness, console, network or Node built-ins — time and ids come in as arguments.
import tseslint from 'typescript-eslint';

const impure = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'engine/ is pure: take the time from the step context.' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'engine/ is pure: take the time from the step context.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'engine/ is pure: ids come from the case counter.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'designer/dist/**', 'engine/schema/definition.types.ts', 'definitions/*.forms.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...impure],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'engine/ is pure: no network.' },
        { name: 'process', message: 'engine/ is pure: configuration comes in as arguments.' },
        { name: 'setTimeout', message: 'engine/ is pure: timers are effects.' },
        { name: 'setInterval', message: 'engine/ is pure: timers are effects.' },
      ],
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'crypto', 'better-sqlite3', 'mongodb', 'hono', 'hono/*'], message: 'engine/ is pure: no I/O.' }] }],
    },
  },
);
