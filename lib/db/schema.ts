import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Millisecond precision: what JSON timestamps carry, so an ETag built from updated_at sees
// every change (the trigger in 0002 moves updated_at forward by at least 1 ms per update).
const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    name: text('name'),
    passwordHash: text('password_hash').notNull(),
    ...timestamps,
  },
  (t) => [check('users_email_normalized', sql`${t.email} = lower(btrim(${t.email}))`)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    completed: boolean('completed').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    check('tasks_title_length', sql`char_length(${t.title}) between 1 and 500`),
    check('tasks_description_length', sql`char_length(${t.description}) <= 5000`),
    // One index per sort order of the list, each leading with the owner and ending with the
    // id tie-break, so every page is an index range scan (scanned backwards for desc).
    index('tasks_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('tasks_user_updated_idx').on(t.userId, t.updatedAt, t.id),
    index('tasks_user_title_idx').on(t.userId, sql`lower(${t.title})`, t.id),
    // Substring search (`q`): trigram indexes make ILIKE '%…%' an index lookup. New entries
    // wait in a GIN pending list that every search scans; 64 kB instead of 4 MB keeps it short
    // at no cost to inserts (the measurements are in the README, under Performance).
    index('tasks_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`).with({ gin_pending_list_limit: 64 }),
    index('tasks_description_trgm_idx').using('gin', sql`${t.description} gin_trgm_ops`).with({ gin_pending_list_limit: 64 }),
  ],
);

// Failed sign-ins, counted per email in a sliding window; kept in the database so the limit
// holds across serverless instances.
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_email_idx').on(t.email, t.failedAt)],
);

// Stored first responses of POST /tasks with an Idempotency-Key. The primary key is what
// stops two concurrent requests with one key from both creating a task.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    // null while the first request is still running
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

// One row per sign-in (a browser's cookie or an API access token), named by the `sid` its JWT
// carries. Deleting the row revokes it: every statement of a request checks that it is there.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['browser', 'token'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // Moved forward at most every 5 minutes (lib/auth/sessions.ts): it may lag by that much.
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    userAgent: text('user_agent'),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    check('sessions_kind', sql`${t.kind} in ('browser', 'token')`),
    check('sessions_user_agent_length', sql`char_length(${t.userAgent}) <= 500`),
    index('sessions_user_created_idx').on(t.userId, t.createdAt),
  ],
);

export type Task = typeof tasks.$inferSelect;
export type Session = typeof sessions.$inferSelect;
