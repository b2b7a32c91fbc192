import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

// The rooms of the house and what each may import (docs/architecture.md): a room imports only
// rooms below it, so no two rooms import each other. app/ may import anything; nothing imports
// app/. Tests, benchmarks and scripts are outside the house.
const ROOMS = {
  'lib/errors.ts': [],
  'lib/limits.ts': [],
  'lib/text.ts': [],
  'lib/time-zone.ts': [],
  'lib/env.ts': [],
  'lib/keys.ts': ['lib/env.ts'],
  // Manual order's keys, shared by the server and the browser's local copy.
  'lib/position.ts': [],
  'lib/manual-order.ts': ['lib/position.ts'],
  // Quick add's reading of a line: the browser's quick add and the MCP server's create_task.
  'lib/quick-add.ts': ['lib/limits.ts'],
  'lib/db': ['lib/env.ts'],
  'lib/email': ['lib/env.ts'],
  'lib/http': ['lib/db', 'lib/errors.ts'],
  'lib/rate-limits': ['lib/db', 'lib/env.ts'],
  'lib/auth': ['lib/db', 'lib/env.ts', 'lib/errors.ts', 'lib/http', 'lib/keys.ts', 'lib/limits.ts', 'lib/rate-limits', 'lib/text.ts', 'lib/time-zone.ts'],
  'lib/scope': ['lib/auth', 'lib/db', 'lib/errors.ts', 'lib/http'],
  'lib/idempotency': ['lib/db', 'lib/errors.ts', 'lib/scope'],
  'lib/labels': ['lib/db', 'lib/errors.ts', 'lib/limits.ts', 'lib/scope', 'lib/text.ts'],
  'lib/projects': ['lib/db', 'lib/email', 'lib/errors.ts', 'lib/labels', 'lib/limits.ts', 'lib/manual-order.ts', 'lib/scope', 'lib/text.ts'],
  'lib/tasks': ['lib/db', 'lib/errors.ts', 'lib/http', 'lib/idempotency', 'lib/keys.ts', 'lib/labels', 'lib/limits.ts', 'lib/manual-order.ts', 'lib/projects', 'lib/scope', 'lib/text.ts'],
  'lib/sync': ['lib/db', 'lib/errors.ts', 'lib/projects', 'lib/scope', 'lib/tasks'],
  'lib/transfer': ['lib/account', 'lib/db', 'lib/errors.ts', 'lib/http', 'lib/idempotency', 'lib/labels', 'lib/limits.ts', 'lib/projects', 'lib/quick-add.ts', 'lib/scope', 'lib/tasks', 'lib/time-zone.ts'],
  'lib/account': ['lib/auth', 'lib/db', 'lib/errors.ts', 'lib/http', 'lib/limits.ts', 'lib/scope', 'lib/time-zone.ts'],
  'lib/calendar': ['lib/auth', 'lib/db', 'lib/errors.ts', 'lib/scope'],
  // Requests to URLs users name (push services, webhooks): public addresses only, pinned.
  'lib/outbound': [],
  'lib/push': ['lib/db', 'lib/env.ts', 'lib/errors.ts', 'lib/outbound', 'lib/scope'],
  'lib/webhooks': ['lib/db', 'lib/env.ts', 'lib/errors.ts', 'lib/http', 'lib/limits.ts', 'lib/outbound', 'lib/scope'],
  'lib/reminders': ['lib/db', 'lib/push', 'lib/webhooks'],
  'lib/notifications': ['lib/db', 'lib/errors.ts', 'lib/http', 'lib/scope', 'lib/tasks'],
  // The MCP server: tools over the domains, as the routes are.
  'lib/mcp': ['lib/account', 'lib/auth', 'lib/errors.ts', 'lib/http', 'lib/labels', 'lib/limits.ts', 'lib/projects', 'lib/quick-add.ts', 'lib/scope', 'lib/tasks', 'lib/time-zone.ts'],
  'lib/openapi': ['lib/account', 'lib/auth', 'lib/calendar', 'lib/notifications', 'lib/push', 'lib/webhooks', 'lib/db', 'lib/errors.ts', 'lib/http', 'lib/labels', 'lib/limits.ts', 'lib/projects', 'lib/scope', 'lib/sync', 'lib/tasks', 'lib/transfer'],
  'lib/server': ['lib/db', 'lib/env.ts', 'lib/openapi', 'lib/reminders', 'lib/sync'],
  'lib/cron.ts': ['lib/env.ts', 'lib/http', 'lib/idempotency', 'lib/rate-limits', 'lib/sync', 'lib/webhooks'],
  // Browser code: the contract's limits, and nothing that runs on the server.
  'lib/client': ['lib/limits.ts', 'lib/position.ts', 'lib/quick-add.ts'],
  // UI: the browser's code, and the server actions its forms post to (with their form states).
  components: ['lib/client', 'lib/limits.ts', 'lib/quick-add.ts', 'lib/account', 'lib/auth'],
};

const EVERY_ROOM = ['app', ...Object.keys(ROOMS)];

const houseRules = Object.entries(ROOMS).map(([room, allowed]) => ({
  target: `./${room}`,
  from: EVERY_ROOM.filter((other) => other !== room && !allowed.includes(other)).map((other) => `./${other}`),
  message: `${room} may import only ${allowed.join(', ') || 'nothing of the app'} (docs/architecture.md).`,
}));

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
      'import/no-restricted-paths': ['error', { zones: houseRules }],
    },
  },
  {
    // User data is reached through the caller's scope (lib/scope/scope.ts), never the bare
    // database: domain code and routes get no handle of their own. The exceptions work before
    // there is a caller (sign-in, signup, sessions, the limits), or across all users in the
    // background (lib/**/purge.ts, the events watcher, the reminder scheduler, the cron route).
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/db/**', 'lib/scope/scope.ts', 'lib/auth/**', 'lib/rate-limits/**', 'lib/**/purge.ts', 'lib/sync/events.ts', 'lib/reminders/scheduler.ts', 'lib/push/sender.ts', 'lib/webhooks/sender.ts'],
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
