import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      // A delete or update without where empties or rewrites a whole table.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // User data is reached through the caller's scope (lib/scope/scope.ts), never the bare
    // database: domain code and routes get no handle of their own. The exceptions work before
    // there is a caller (sign-in, signup, sessions, the limits), or across all users in the
    // background (lib/**/purge.ts, the events watcher, the cron route).
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/db/**', 'lib/scope/scope.ts', 'lib/auth/**', 'lib/rate-limits/**', 'lib/**/purge.ts', 'lib/sync/events.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/lib/db',
              importNames: ['getDb', 'getDatabase', 'openDatabase'],
              message: "User data goes through the caller's scope: take a Scope (lib/scope/scope.ts) and use scopedStatement / scope.run / scope.transaction.",
            },
          ],
        },
      ],
    },
  },
  { ignores: ['.next/**', '.next-*/**', '.vercel/**', 'node_modules/**', '.data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
];

export default config;
