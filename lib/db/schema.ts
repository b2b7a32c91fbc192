import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz } from './timestamp';

// The transaction that last wrote a row (drizzle/0007: set on insert by the default, on update
// by a trigger): what the changes feed (lib/sync/feed.ts) compares with a snapshot. xid8 is the
// 64-bit form that never wraps around.
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
const changeXid = () => xid8('change_xid').notNull().default(sql`pg_current_xact_id()`);

// Millisecond precision: what JSON timestamps carry, so an ETag built from updated_at sees
// every change (the trigger in 0002 moves updated_at forward by at least 1 ms per update).
const timestamps = {
  createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  updatedAt: timestamptz('updated_at').notNull().default(sql`now()`),
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    name: text('name'),
    passwordHash: text('password_hash').notNull(),
    // An IANA name, checked by the app (lib/account/time-zone.ts): reminders and the calendar
    // feed use it; the web app's Today and Upcoming use the browser's.
    timeZone: text('time_zone').notNull().default('UTC'),
    ...timestamps,
  },
  (t) => [
    check('users_email_normalized', sql`${t.email} = lower(btrim(${t.email}))`),
    check('users_time_zone_length', sql`char_length(${t.timeZone}) between 1 and 64`),
  ],
);

// The manual order compares positions as plain bytes, whatever the database's locale.
const byteText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

// The ends of the manual order come from this sequence (lib/manual-order.ts): at the top a
// later number gives a smaller position, so a create never needs a lock to land on top; at the
// bottom a larger one.
export const taskPositionSeq = pgSequence('task_position_seq');

/** A position above every task (nextval never repeats): `<16 hex digits of 2^63-1-n>V`. */
export const TOP_POSITION = sql`(lpad(to_hex(9223372036854775807 - nextval('task_position_seq')), 16, '0') || 'V')`;

/** A position below every task: `z<16 hex digits of n>V`, growing with the sequence. */
export const BOTTOM_POSITION = sql`('z' || lpad(to_hex(nextval('task_position_seq')), 16, '0') || 'V')`;

const COLORS = sql.raw(`('grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink')`);

// A project is a list of tasks (the other list is each user's Inbox). Its owner is one of its
// members; each member has a role and a place in their own sidebar (project_members).
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull().default('grey'),
    changeXid: changeXid(),
    ...timestamps,
  },
  (t) => [
    check('projects_name_length', sql`char_length(${t.name}) between 1 and 120`),
    check('projects_color_valid', sql`${t.color} in ${COLORS}`),
    uniqueIndex('projects_owner_name_idx').on(t.ownerId, sql`lower(${t.name})`),
  ],
);

export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'editor', 'viewer'] }).notNull(),
    // The member's own sidebar order, as the manual order of tasks (lib/manual-order.ts).
    position: byteText('position').notNull().default(BOTTOM_POSITION),
    changeXid: changeXid(),
    // The transaction that made them a member (never restamped): the changes feed sends a member
    // every task of a project they joined after its cursor (lib/sync/feed.ts).
    joinedXid: xid8('joined_xid').notNull().default(sql`pg_current_xact_id()`),
    joinedAt: timestamptz('joined_at').notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    check('project_members_role', sql`${t.role} in ('owner', 'editor', 'viewer')`),
    uniqueIndex('project_members_user_position_idx').on(t.userId, t.position),
    index('project_members_user_change_idx').on(t.userId, t.changeXid),
  ],
);

// An invitation to a project, to an email whether or not it has an account (it waits for a
// signup); accepting it makes a membership, declining or cancelling deletes it. 14 days.
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ['editor', 'viewer'] }).notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    changeXid: changeXid(),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
    expiresAt: timestamptz('expires_at').notNull().default(sql`now() + interval '14 days'`),
  },
  (t) => [
    check('invitations_role', sql`${t.role} in ('editor', 'viewer')`),
    check('invitations_email_normalized', sql`${t.email} = lower(btrim(${t.email}))`),
    uniqueIndex('invitations_project_email_idx').on(t.projectId, t.email),
    index('invitations_email_idx').on(t.email, t.changeXid),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Who created the task: it stays when the task moves to another list.
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // null: the Inbox of its creator.
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    // A subtask's parent, in the same list (the foreign key below says so).
    parentId: uuid('parent_id'),
    // A member of the task's project, or null (always null in an Inbox: drizzle/0012 checks it).
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    // Who set assignee_id last: assigning a task to someone else notifies them (drizzle/0015). No
    // foreign key (drizzle/0017): an account's deletion must not rewrite, and so re-version, every
    // task it ever assigned; an id no longer there only names no one.
    assignedBy: uuid('assigned_by'),
    // The list the task is in: its project, or its creator's Inbox (named by the user's id).
    // Every index of the lists leads with it, and a subtask's foreign key names it.
    listId: uuid('list_id')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(project_id, user_id)`),
    title: text('title').notNull(),
    description: text('description'),
    completed: boolean('completed').notNull().default(false),
    dueDate: date('due_date', { mode: 'string' }),
    dueTime: time('due_time', { precision: 0 }),
    // 0 none, 1 low, 2 medium, 3 high: sorts by importance.
    priority: smallint('priority').notNull().default(0),
    repeatEvery: text('repeat_every'),
    repeatInterval: smallint('repeat_interval'),
    position: byteText('position').notNull().default(TOP_POSITION),
    changeXid: changeXid(),
    ...timestamps,
  },
  (t) => [
    // A subtask is in its parent's list, and goes with it (drizzle/0011 checks depth and cycles).
    foreignKey({ name: 'tasks_parent_fk', columns: [t.parentId, t.listId], foreignColumns: [t.id, t.listId] }).onDelete('cascade'),
    uniqueIndex('tasks_id_list_idx').on(t.id, t.listId),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_user_idx').on(t.userId),
    index('tasks_assignee_idx').on(t.assigneeId),
    check('tasks_title_length', sql`char_length(${t.title}) between 1 and 500`),
    check('tasks_description_length', sql`char_length(${t.description}) <= 5000`),
    check('tasks_due_date_range', sql`${t.dueDate} between '1900-01-01' and '9999-12-31'`),
    check('tasks_due_time_needs_date', sql`${t.dueTime} is null or ${t.dueDate} is not null`),
    check('tasks_priority_range', sql`${t.priority} between 0 and 3`),
    check(
      'tasks_repeat_valid',
      sql`(${t.repeatEvery} is null and ${t.repeatInterval} is null) or (${t.repeatEvery} in ('day', 'weekday', 'week', 'month', 'year') and ${t.repeatInterval} between 1 and 365 and (${t.repeatEvery} <> 'weekday' or ${t.repeatInterval} = 1))`,
    ),
    check('tasks_repeat_needs_date', sql`${t.repeatEvery} is null or ${t.dueDate} is not null`),
    // Distinct positions in a list are what makes its manual order a permutation; one index per
    // sort, each leading with the list and ending with the id tie-break, so every page of a list
    // is an index range scan (scanned backwards for desc).
    uniqueIndex('tasks_list_position_idx').on(t.listId, t.position),
    index('tasks_list_priority_idx').on(t.listId, t.priority, t.id),
    // sort=due: no date last in both orders, so each order has its own key (lib/tasks/list.ts).
    index('tasks_list_due_asc_idx').on(
      t.listId,
      sql`coalesce(${t.dueDate}, 'infinity'::date)`,
      sql`(${t.dueTime} is not null)`,
      sql`coalesce(${t.dueTime}, '00:00'::time)`,
      t.id,
    ),
    index('tasks_list_due_desc_idx').on(
      t.listId,
      sql`coalesce(${t.dueDate}, '-infinity'::date)`,
      sql`(${t.dueTime} is not null)`,
      sql`coalesce(${t.dueTime}, '00:00'::time)`,
      t.id,
    ),
    // The changes feed and the events watcher: a list's rows written since a snapshot's xmin.
    index('tasks_list_change_idx').on(t.listId, t.changeXid, t.id),
    index('tasks_list_created_idx').on(t.listId, t.createdAt, t.id),
    index('tasks_list_updated_idx').on(t.listId, t.updatedAt, t.id),
    index('tasks_list_title_idx').on(t.listId, sql`lower(${t.title})`, t.id),
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
    failedAt: timestamptz('failed_at').notNull().default(sql`now()`),
  },
  (t) => [index('login_failures_email_idx').on(t.email, t.failedAt)],
);

// Signups and failed sign-ins per client address (lib/auth/address-limit.ts): in the database,
// so that the limits hold across instances. `kind` is 'signup' or 'sign-in'.
export const addressAttempts = pgTable(
  'address_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    address: text('address').notNull(),
    attemptedAt: timestamptz('attempted_at').notNull().default(sql`now()`),
  },
  (t) => [index('address_attempts_key_idx').on(t.kind, t.address, t.attemptedAt)],
);

// Stored first responses of writes with an Idempotency-Key (a create, an import). The primary
// key is what stops two concurrent requests with one key from both creating a task; `route` is
// the route the key was first used on (lib/idempotency/run-once.ts).
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    // null while the first request is still running
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

export const labels = pgTable(
  'labels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull().default('grey'),
    changeXid: changeXid(),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    check('labels_name_length', sql`char_length(${t.name}) between 1 and 60`),
    check('labels_color_valid', sql`${t.color} in ('grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink')`),
    uniqueIndex('labels_user_name_idx').on(t.userId, sql`lower(${t.name})`),
    index('labels_user_change_idx').on(t.userId, t.changeXid),
  ],
);

export const taskLabels = pgTable(
  'task_labels',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    labelId: uuid('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
  },
  // The key serves a task's labels; the second index the label filter and task_count.
  (t) => [primaryKey({ columns: [t.taskId, t.labelId] }), index('task_labels_label_idx').on(t.labelId, t.taskId)],
);

// How many tasks each list holds (the Inbox, named by its user's id, or a project), in 16 shards
// that drizzle/0020's triggers keep: a list's unfiltered total is their sum (lib/tasks/list.ts).
// No foreign key: a list id names a user or a project; the rows of a deleted one go with it.
export const listCounts = pgTable(
  'list_counts',
  {
    listId: uuid('list_id').notNull(),
    shard: smallint('shard').notNull(),
    tasks: integer('tasks').notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.shard] })],
);

// A user's reminder of a task (personal, like labels): `minutes_before` its due date and time
// (a date alone counts as 09:00), in the user's time zone, or at an instant. `fire_at` is when it
// fires next, kept by drizzle/0015's functions and triggers: null once it has fired, while the
// task is done, or when it has no time to fire at. The scheduler (lib/reminders) claims due rows.
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    minutesBefore: integer('minutes_before'),
    at: timestamptz('at'),
    fireAt: timestamptz('fire_at'),
    // When it last fired: a recomputed time at or before it does not fire again.
    firedAt: timestamptz('fired_at'),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    check('reminders_one_kind', sql`(${t.minutesBefore} is null) <> (${t.at} is null)`),
    check('reminders_minutes_range', sql`${t.minutesBefore} between 0 and 40320`),
    index('reminders_task_user_idx').on(t.taskId, t.userId),
    index('reminders_user_idx').on(t.userId),
    index('reminders_due_idx').on(t.fireAt).where(sql`${t.fireAt} is not null`),
  ],
);

// What a user is told: a reminder firing, an invitation, a task assigned to them by someone else.
// It keeps the task's title as it was; the task and project may go (set null).
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reminder', 'invitation', 'assigned'] }).notNull(),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body'),
    changeXid: changeXid(),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
    readAt: timestamptz('read_at'),
    // When it is next to be pushed to the user's browsers (drizzle/0016: set on insert when they
    // have a subscription; a sender moves it on while it sends, and clears it once sent).
    pushAt: timestamptz('push_at'),
  },
  (t) => [
    check('notifications_kind', sql`${t.kind} in ('reminder', 'invitation', 'assigned')`),
    // Newest first, keyset-paged; the unread ones (the bell's count) have their own.
    index('notifications_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_user_unread_idx').on(t.userId, t.createdAt, t.id).where(sql`${t.readAt} is null`),
    index('notifications_user_change_idx').on(t.userId, t.changeXid),
    index('notifications_task_idx').on(t.taskId),
    index('notifications_project_idx').on(t.projectId),
    index('notifications_push_idx').on(t.pushAt).where(sql`${t.pushAt} is not null`),
  ],
);

// A browser's Web Push subscription (its PushSubscription.toJSON()), made by one session and
// gone with it: signing out, a revocation or the account's deletion drops it (an expiry does not
// delete the session row). The endpoint is one browser's: subscribing again moves it.
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    check('push_subscriptions_lengths', sql`char_length(${t.endpoint}) <= 2048 and char_length(${t.p256dh}) <= 200 and char_length(${t.auth}) <= 100`),
    index('push_subscriptions_user_idx').on(t.userId),
    index('push_subscriptions_session_idx').on(t.sessionId),
  ],
);

// A user's webhooks (lib/webhooks): where changes they can see are POSTed, signed with `secret`
// (Standard Webhooks; kept as is, since signing needs it). `failing_since`: the first failed
// attempt since the last delivered one (or since a day without attempts); three days of that
// disables the webhook.
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    failingSince: timestamptz('failing_since'),
    // The last failed attempt: a streak with a day's gap in it starts again.
    lastFailedAt: timestamptz('last_failed_at'),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    check('webhooks_url_length', sql`char_length(${t.url}) <= 2000`),
    index('webhooks_user_idx').on(t.userId),
    // The triggers' first look (is any webhook enabled?) and their fan-out by user.
    index('webhooks_enabled_idx').on(t.userId).where(sql`${t.enabled}`),
  ],
);

// The outbox of webhook deliveries: written by triggers in the transaction of the change
// (drizzle/0019), claimed by the sender with SKIP LOCKED. `body` is the signed JSON, the same on
// every attempt, as is `event_id` (the `webhook-id`); `next_attempt_at` is null once it is done.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['retrying', 'delivered', 'failed'] }).notNull().default('retrying'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    nextAttemptAt: timestamptz('next_attempt_at').default(sql`now()`),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
    deliveredAt: timestamptz('delivered_at'),
  },
  (t) => [
    check('webhook_deliveries_status', sql`${t.status} in ('retrying', 'delivered', 'failed')`),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.nextAttemptAt} is not null`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
  ],
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
    // `calendar`: the secret address of the calendar feed (lib/calendar), found by its hash.
    // `personal`: a personal access token (lib/account/tokens.ts), found by its hash, with a
    // name and scopes; one without an expiry expires at 'infinity'.
    kind: text('kind', { enum: ['browser', 'token', 'calendar', 'personal'] }).notNull(),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
    // Moved forward at most every 5 minutes (lib/auth/sessions.ts): it may lag by that much.
    // Null for a personal token that has not been used yet.
    lastUsedAt: timestamptz('last_used_at').default(sql`now()`),
    userAgent: text('user_agent'),
    expiresAt: timestamptz('expires_at').notNull(),
    secretHash: text('secret_hash'),
    name: text('name'),
    scopes: text('scopes').array(),
  },
  (t) => [
    check('sessions_kind', sql`${t.kind} in ('browser', 'token', 'calendar', 'personal')`),
    check('sessions_secret_hash', sql`(${t.kind} in ('calendar', 'personal')) = (${t.secretHash} is not null)`),
    check('sessions_personal', sql`(${t.kind} = 'personal') = (${t.name} is not null and ${t.scopes} is not null)`),
    check('sessions_name_length', sql`char_length(${t.name}) between 1 and 100`),
    check('sessions_last_used', sql`${t.kind} = 'personal' or ${t.lastUsedAt} is not null`),
    uniqueIndex('sessions_secret_hash_idx').on(t.secretHash),
    // One calendar feed per user: a new address replaces the old in one statement (lib/calendar).
    uniqueIndex('sessions_one_calendar_idx').on(t.userId).where(sql`${t.kind} = 'calendar'`),
    check('sessions_user_agent_length', sql`char_length(${t.userAgent}) <= 500`),
    index('sessions_user_created_idx').on(t.userId, t.createdAt),
  ],
);

// What the changes feed reports as deleted: one row per deleted task or label, written by a
// trigger (drizzle/0007) in the deleting transaction, kept 31 days (a feed cursor lives 30).
// Rows deleted together with their account leave none.
export const tombstones = pgTable(
  'tombstones',
  {
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['task', 'label', 'project'] }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    changeXid: changeXid(),
    deletedAt: timestamptz('deleted_at').notNull().default(sql`now()`),
  },
  (t) => [
    // One per user: a project's is one per member who saw it.
    primaryKey({ columns: [t.userId, t.id] }),
    check('tombstones_kind', sql`${t.kind} in ('task', 'label', 'project')`),
    index('tombstones_user_change_idx').on(t.userId, t.changeXid, t.id),
    index('tombstones_deleted_idx').on(t.deletedAt),
  ],
);

export type Task = typeof tasks.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type Label = typeof labels.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Reminder = typeof reminders.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
