import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '@/lib/db';
import { migrate, migrationStatus, readMigrations, rollback } from '@/lib/db/migrations';
import { adminQuery, databaseUrl, quoteIdent } from '@/tests/helpers/postgres';

// This file needs empty databases (withTestDatabase() gives migrated ones): a PGlite one on the
// pglite project, a new database on the TEST_DATABASE_URL server on the postgres project.
const config = inject('testDatabase');
const ROOT = process.cwd();
const TAGS = readMigrations().map((m) => m.tag);
const LAST = TAGS.at(-1)!;
const run = promisify(execFile);

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Where a fresh, empty database lives: how to open it here and how the CLI finds it. A PGlite
 * one is in memory unless another process (the CLI) must open it too.
 */
async function emptyDatabase({ forCli = false } = {}): Promise<{ open: () => Promise<DatabaseHandle>; env: Record<string, string> }> {
  if (config.kind === 'pglite') {
    const dataDir = forCli ? await tempDir('todo-migrations-') : 'memory://';
    return {
      open: () => openDatabase({ driver: 'pglite', dataDir, autoMigrate: false }),
      env: { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir },
    };
  }
  const name = `todo_test_empty_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminQuery(config.serverUrl, `create database ${quoteIdent(name)}`);
  cleanups.push(() => adminQuery(config.serverUrl, `drop database if exists ${quoteIdent(name)} with (force)`));
  const url = databaseUrl(config.serverUrl, name);
  return { open: () => openDatabase({ driver: 'pg', url, poolMax: 2, autoMigrate: false }), env: { DATABASE_URL: url } };
}

async function rows(db: Database, query: ReturnType<typeof sql>) {
  return (await db.execute(query)).rows;
}

/** Everything the migrations create in `public`, in a stable order, to compare before and after. */
async function schemaOf(db: Database) {
  const [tables, columns, constraints, indexes, triggers, functions, extensions] = await Promise.all([
    rows(db, sql`select tablename from pg_tables where schemaname = 'public' order by 1`),
    rows(db, sql`
      select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
      where table_schema = 'public' order by 1, 2`),
    rows(db, sql`
      select conrelid::regclass::text as "table", conname, pg_get_constraintdef(oid) as def from pg_constraint
      where connamespace = 'public'::regnamespace order by 1, 2`),
    rows(db, sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by 1`),
    rows(db, sql`select tgname, pg_get_triggerdef(oid) as def from pg_trigger where not tgisinternal order by 1`),
    // functions of our own, not the ones pg_trgm brings
    rows(db, sql`
      select p.proname from pg_proc p where p.pronamespace = 'public'::regnamespace
      and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e') order by 1`),
    rows(db, sql`select extname from pg_extension where extname <> 'plpgsql' order by 1`),
  ]);
  return { tables, columns, constraints, indexes, triggers, functions, extensions };
}

async function exists(db: Database, relation: string): Promise<boolean> {
  const [row] = await rows(db, sql`select to_regclass(${relation}) is not null as present`);
  return row!.present === true;
}

function statusOf(statuses: { tag: string; appliedAt: Date | null }[]) {
  return Object.fromEntries(statuses.map((s) => [s.tag, s.appliedAt ? 'applied' : 'pending']));
}

const every = (state: 'applied' | 'pending') => Object.fromEntries(TAGS.map((t) => [t, state]));

describe(`migrations round trip (${config.kind})`, () => {
  it('migrates up, rolls back one, some and all, and migrates back to the same schema', { timeout: 120_000 }, async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    cleanups.push(() => handle.close());
    const { db } = handle;

    expect(statusOf(await migrationStatus(db))).toEqual(every('pending'));
    expect(await migrate(db)).toEqual(TAGS);
    expect(await migrate(db)).toEqual([]);
    const statuses = await migrationStatus(db);
    expect(statusOf(statuses)).toEqual(every('applied'));
    for (const { appliedAt } of statuses) expect(Math.abs(Date.now() - appliedAt!.getTime())).toBeLessThan(60_000);

    const migrated = await schemaOf(db);
    expect((await rows(db, sql`select prosrc from pg_proc where proname = 'set_task_labels'`))[0]!.prosrc).toContain('FOR KEY SHARE');
    expect((await rows(db, sql`select prosrc from pg_proc where proname = 'project_members_take_turns'`))[0]!.prosrc).toContain('FOR UPDATE');
    expect(migrated.constraints).toEqual(
      expect.arrayContaining([
        { table: 'tasks', conname: 'tasks_pkey', def: 'PRIMARY KEY (id)' },
        { table: 'tasks', conname: 'tasks_user_id_users_id_fk', def: 'FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE' },
        { table: 'tasks', conname: 'tasks_title_length', def: expect.stringContaining('char_length(title)') },
        { table: 'tasks', conname: 'tasks_description_length', def: expect.stringContaining('char_length(description)') },
        { table: 'users', conname: 'users_email_unique', def: 'UNIQUE (email)' },
        { table: 'users', conname: 'users_email_normalized', def: expect.stringContaining('lower(btrim(email))') },
      ]),
    );
    expect(migrated.triggers.map((t) => t.tgname)).toEqual([
      'invitations_limit',
      'invitations_notify',
      'notifications_push_at',
      'tasks_move_reminders',
      'tasks_notify_assignee',
      'tasks_notify_reassignee',
      'users_move_reminders',
      'labels_limit',
      'labels_record_tombstone',
      'labels_stamp_change_xid',
      'project_members_record_tombstone',
      'project_members_stamp_change_xid',
      'project_members_take_turns',
      'project_members_touch_others',
      'projects_enqueue_webhooks',
      'projects_forget_list_counts',
      'projects_limit',
      'projects_record_tombstones',
      'projects_set_timestamps',
      'projects_stamp_change_xid',
      'tasks_check_assignee',
      'tasks_check_tree',
      'tasks_count_deleted',
      'tasks_count_inserted',
      'tasks_enqueue_webhooks',
      'tasks_list_count_deleted',
      'tasks_list_count_inserted',
      'tasks_list_count_moved',
      'tasks_record_list_change',
      'tasks_record_tombstone',
      'tasks_set_timestamps',
      'tasks_stamp_change_xid',
      'users_forget_list_counts',
      'users_hand_over',
      'users_set_timestamps',
    ].sort());
    expect(migrated.indexes.map((i) => i.indexname)).toContain('tasks_list_created_idx');
    expect(migrated.extensions).toEqual([{ extname: 'pg_trgm' }]);

    const trigramIndexes = (schema: typeof migrated) => schema.indexes.filter((i) => String(i.indexname).endsWith('_trgm_idx')).map((i) => i.indexdef);
    expect(trigramIndexes(migrated)).toEqual([
      expect.stringMatching(/USING gin \(description gin_trgm_ops\) WITH \(gin_pending_list_limit='?64'?\)$/),
      expect.stringMatching(/USING gin \(title gin_trgm_ops\) WITH \(gin_pending_list_limit='?64'?\)$/),
    ]);

    // one at a time, newest first: each goes, and what came before it stays
    const afterRollingBack: Record<string, () => Promise<void>> = {
      '0020_list_counts': async () => {
        expect(await exists(db, 'public.list_counts')).toBe(false);
        expect((await schemaOf(db)).triggers.map((t) => t.tgname)).not.toContain('tasks_list_count_inserted');
      },
      '0019_webhooks': async () => {
        expect(await exists(db, 'public.webhooks')).toBe(false);
        expect(await exists(db, 'public.webhook_deliveries')).toBe(false);
        expect((await schemaOf(db)).triggers.map((t) => t.tgname)).not.toContain('tasks_enqueue_webhooks');
      },
      '0018_personal_access_tokens': async () => {
        const columns = await rows(db, sql`select column_name from information_schema.columns where table_name = 'sessions' and column_name in ('name', 'scopes')`);
        expect(columns).toEqual([]);
        const [lastUsed] = await rows(db, sql`select is_nullable from information_schema.columns where table_name = 'sessions' and column_name = 'last_used_at'`);
        expect(lastUsed!.is_nullable).toBe('NO');
      },
      '0017_reminders_fixes': async () => {
        const schema = await schemaOf(db);
        expect(schema.constraints.map((c) => c.conname)).toContain('tasks_assigned_by_users_id_fk');
        const [source] = await rows(db, sql`select prosrc from pg_proc where proname = 'reminder_fire_at'`);
        expect(source!.prosrc).not.toContain('days =>');
      },
      '0016_push': async () => {
        const schema = await schemaOf(db);
        expect(await exists(db, 'public.push_subscriptions')).toBe(false);
        expect(schema.columns.filter((c) => c.table_name === 'notifications').map((c) => c.column_name)).not.toContain('push_at');
        expect(schema.triggers.map((t) => t.tgname)).not.toContain('notifications_push_at');
      },
      '0015_reminders': async () => {
        const schema = await schemaOf(db);
        expect(await exists(db, 'public.reminders')).toBe(false);
        expect(await exists(db, 'public.notifications')).toBe(false);
        expect(schema.columns.filter((c) => c.table_name === 'tasks').map((c) => c.column_name)).not.toContain('assigned_by');
        expect(schema.functions.map((f) => f.proname)).not.toContain('set_task_reminders');
        expect(schema.triggers.map((t) => t.tgname)).not.toContain('invitations_notify');
      },
      '0014_calendar_time_zone': async () => {
        const schema = await schemaOf(db);
        expect(schema.columns.filter((c) => c.table_name === 'users').map((c) => c.column_name)).not.toContain('time_zone');
        expect(schema.columns.filter((c) => c.table_name === 'sessions').map((c) => c.column_name)).not.toContain('secret_hash');
      },
      '0013_feed_races': async () => {
        // 0012's triggers again: a member who joins takes back their tombstones.
        const schema = await schemaOf(db);
        expect(schema.triggers.map((t) => t.tgname)).toContain('project_members_clear_tombstones');
        expect(schema.triggers.map((t) => t.tgname)).not.toContain('project_members_touch_others');
      },
      '0012_sharing': async () => {
        const schema = await schemaOf(db);
        expect(await exists(db, 'public.invitations')).toBe(false);
        expect(schema.columns.filter((c) => c.table_name === 'tasks').map((c) => c.column_name)).not.toContain('assignee_id');
        expect(schema.triggers.map((t) => t.tgname)).not.toContain('users_hand_over');
        // 0010's set_task_labels again: it replaces every label of the task.
        const [source] = await rows(db, sql`select prosrc from pg_proc where proname = 'set_task_labels'`);
        expect(source!.prosrc).toContain('DELETE FROM task_labels WHERE task_id = p_task AND label_id <> ALL (ids)');
      },
      '0011_projects': async () => {
        const schema = await schemaOf(db);
        expect(await exists(db, 'public.projects')).toBe(false);
        expect(await exists(db, 'public.project_members')).toBe(false);
        expect(schema.columns.filter((c) => c.table_name === 'tasks').map((c) => c.column_name)).not.toContain('list_id');
        expect(schema.indexes.map((i) => i.indexname)).toContain('tasks_user_created_idx');
        expect(schema.functions.map((f) => f.proname)).not.toContain('task_descendants');
      },
      '0010_task_labels_race': async () => {
        // 0005's set_task_labels again, which did not lock the labels it links.
        const [source] = await rows(db, sql`select prosrc from pg_proc where proname = 'set_task_labels'`);
        expect(source!.prosrc).not.toContain('FOR KEY SHARE');
      },
      '0009_idempotency_route': async () => {
        const columns = (await schemaOf(db)).columns.filter((c) => c.table_name === 'idempotency_keys').map((c) => c.column_name);
        expect(columns).not.toContain('route');
      },
      '0008_task_counts': async () => {
        const schema = await schemaOf(db);
        expect(await exists(db, 'public.task_counts')).toBe(false);
        expect(schema.triggers.map((t) => t.tgname)).not.toContain('tasks_count_inserted');
        expect(trigramIndexes(schema)).toEqual(trigramIndexes(migrated));
      },
      '0007_changes_feed': async () => {
        const schema = await schemaOf(db);
        expect(schema.triggers.map((t) => t.tgname)).toEqual(['labels_limit', 'tasks_set_timestamps', 'users_set_timestamps']);
        expect(await exists(db, 'public.tombstones')).toBe(false);
        expect(schema.columns.filter((c) => c.column_name === 'change_xid')).toEqual([]);
      },
      '0006_sessions': async () => {
        expect(await exists(db, 'public.sessions')).toBe(false);
      },
      '0005_planning': async () => {
        const schema = await schemaOf(db);
        expect(schema.tables.map((t) => t.tablename)).toEqual(['address_attempts', 'idempotency_keys', 'login_failures', 'tasks', 'users']);
        expect(schema.triggers.map((t) => t.tgname)).toEqual(['tasks_set_timestamps', 'users_set_timestamps']);
      },
      '0004_address_attempts': async () => {
        expect(await exists(db, 'public.address_attempts')).toBe(false);
      },
    };
    const stepped = TAGS.slice(TAGS.indexOf('0004_address_attempts')).reverse();
    for (const tag of stepped) {
      expect(await rollback(db)).toEqual([tag]);
      expect(statusOf(await migrationStatus(db))[tag]).toBe('pending');
      await afterRollingBack[tag]?.();
    }
    expect(Object.keys(afterRollingBack).sort()).toEqual([...stepped].sort());

    // some: everything after the first migration
    expect(await rollback(db, { to: TAGS[0] })).toEqual(TAGS.slice(1, -stepped.length).reverse());
    expect(statusOf(await migrationStatus(db))).toEqual({ ...every('pending'), [TAGS[0]!]: 'applied' });
    expect(await exists(db, 'public.tasks')).toBe(false);

    // all, newest first
    expect(await migrate(db)).toEqual(TAGS.slice(1));
    expect(await rollback(db, { to: null })).toEqual([...TAGS].reverse());
    expect(statusOf(await migrationStatus(db))).toEqual(every('pending'));
    for (const table of ['public.tasks', 'public.users', 'public.login_failures', 'public.idempotency_keys', 'public.address_attempts', 'public.sessions', 'public.tombstones', 'public.task_counts']) {
      expect(await exists(db, table)).toBe(false);
    }
    expect(await schemaOf(db)).toEqual({ tables: [], columns: [], constraints: [], indexes: [], triggers: [], functions: [], extensions: [] });

    expect(await migrate(db)).toEqual(TAGS);
    expect(await schemaOf(db)).toEqual(migrated);
  });

  it('refuses to roll back to a tag that does not exist, and changes nothing', async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    cleanups.push(() => handle.close());
    await migrate(handle.db);
    await expect(rollback(handle.db, { to: '9999_nope' })).rejects.toThrow('No migration tagged 9999_nope');
    expect(statusOf(await migrationStatus(handle.db))).toEqual(every('applied'));
  });
});

describe(`v1 data through the v2 migrations (${config.kind})`, () => {
  it('gives existing tasks the defaults and distinct positions, newest first, and round-trips with data', { timeout: 120_000 }, async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    cleanups.push(() => handle.close());
    const db = handle.db;
    const V1 = '0004_address_attempts';
    const v2 = TAGS.slice(TAGS.indexOf(V1) + 1);
    await migrate(db);
    expect(await rollback(db, { to: V1 })).toEqual([...v2].reverse());

    // v1 data: two users, tasks created a minute apart (the oldest first).
    const [ann] = await rows(db, sql`insert into users (email, password_hash) values ('ann@x.io', 'h') returning id`);
    const [bob] = await rows(db, sql`insert into users (email, password_hash) values ('bob@x.io', 'h') returning id`);
    for (const [user, n] of [[ann!.id, 5], [bob!.id, 3]] as const) {
      await db.execute(sql`insert into tasks (user_id, title, created_at)
        select ${user}, 'task ' || i, now() - make_interval(mins => ${n} - i) from generate_series(1, ${n}) as i`);
    }
    // Idempotency-Key records of a create and of an import, as v1 and v2 stored them.
    await db.execute(sql`insert into idempotency_keys (user_id, key, request_hash, response_status, response_body)
      values (${ann!.id}, 'a-create', 'h', 201, '{"id": "x", "title": "t"}'), (${ann!.id}, 'an-import', 'h', 201, '{"tasks_created": 1, "labels_created": 0}')`);

    expect(await migrate(db)).toEqual(v2);
    const migrated = await rows(db, sql`select user_id, title, priority, due_date, repeat_every, position from tasks order by user_id, position`);
    expect(migrated.every((t) => t.priority === 0 && t.due_date === null && t.repeat_every === null)).toBe(true);
    expect(new Set(migrated.map((t) => t.position)).size).toBe(8);
    expect(migrated.filter((t) => t.user_id === ann!.id).map((t) => t.title)).toEqual(['task 5', 'task 4', 'task 3', 'task 2', 'task 1']);
    expect(await rows(db, sql`select key, route from idempotency_keys order by key`)).toEqual([
      { key: 'a-create', route: 'POST /api/{user_id}/tasks' },
      { key: 'an-import', route: 'POST /api/{user_id}/import' },
    ]);
    // A task created after the migration goes on top.
    await db.execute(sql`insert into tasks (user_id, title) values (${ann!.id}, 'new')`);
    const [top] = await rows(db, sql`select title from tasks where user_id = ${ann!.id} order by position limit 1`);
    expect(top!.title).toBe('new');
    await db.execute(sql`select set_task_labels(id, user_id, array['home']) from tasks where user_id = ${ann!.id}`);

    // Down with data in the new columns and tables, and up again.
    expect(await rollback(db, { to: V1 })).toEqual([...v2].reverse());
    expect((await rows(db, sql`select count(*)::int as n from tasks`))[0]!.n).toBe(9);
    expect((await rows(db, sql`select count(*)::int as n from idempotency_keys`))[0]!.n).toBe(2);
    expect(await migrate(db)).toEqual(v2);
    const again = await rows(db, sql`select title, position from tasks where user_id = ${ann!.id} order by position`);
    expect(again.map((t) => t.title)).toEqual(['new', 'task 5', 'task 4', 'task 3', 'task 2', 'task 1']);
    expect(new Set((await rows(db, sql`select position from tasks`)).map((t) => t.position)).size).toBe(9);
  });
});

describe(`v2 data through the v3 projects migration (${config.kind})`, () => {
  it('keeps every v2 task in its owner\'s Inbox, in its order, and round-trips with projects and subtasks', { timeout: 120_000 }, async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    cleanups.push(() => handle.close());
    const db = handle.db;
    const V2 = '0010_task_labels_race';
    const v3 = TAGS.slice(TAGS.indexOf(V2) + 1);
    await migrate(db);
    expect(await rollback(db, { to: V2 })).toEqual([...v3].reverse());

    // v2 data: two users with tasks in their manual order, a label, and a deleted task's tombstone.
    const [ann] = await rows(db, sql`insert into users (email, password_hash) values ('ann@x.io', 'h') returning id`);
    const [bob] = await rows(db, sql`insert into users (email, password_hash) values ('bob@x.io', 'h') returning id`);
    for (const [user, n] of [[ann!.id, 4], [bob!.id, 2]] as const) {
      await db.execute(sql`insert into tasks (user_id, title) select ${user}, 'task ' || i from generate_series(1, ${n}) as i`);
    }
    await db.execute(sql`select set_task_labels(id, user_id, array['home']) from tasks where user_id = ${ann!.id}`);
    await db.execute(sql`delete from tasks where user_id = ${bob!.id} and title = 'task 1'`);
    const before = await rows(db, sql`select id, user_id, title, position from tasks order by user_id, position`);

    expect(await migrate(db)).toEqual(v3);
    const migrated = await rows(db, sql`select id, user_id, title, position, project_id, parent_id, list_id from tasks order by user_id, position`);
    expect(migrated.map(({ id, user_id, title, position }) => ({ id, user_id, title, position }))).toEqual(before);
    expect(migrated.every((t) => t.project_id === null && t.parent_id === null && t.list_id === t.user_id)).toBe(true);
    expect((await rows(db, sql`select count(*)::int as n from tombstones where kind = 'task'`))[0]!.n).toBe(1);

    // v3 data: a project of Ann's with a task and its subtask, and one of Ann's tasks moved there.
    const [project] = await rows(db, sql`insert into projects (owner_id, name) values (${ann!.id}, 'Home') returning id`);
    await db.execute(sql`insert into project_members (project_id, user_id, role) values (${project!.id}, ${ann!.id}, 'owner')`);
    const [parent] = await rows(db, sql`insert into tasks (user_id, project_id, title) values (${ann!.id}, ${project!.id}, 'paint') returning id`);
    await db.execute(sql`insert into tasks (user_id, project_id, parent_id, title) values (${ann!.id}, ${project!.id}, ${parent!.id}, 'buy paint')`);
    await db.execute(sql`update tasks set project_id = ${project!.id}, position = 'V' where user_id = ${ann!.id} and title = 'task 2'`);
    // A project deleted after v3 leaves tombstones: its tasks' and its member's.
    const [gone] = await rows(db, sql`insert into projects (owner_id, name) values (${ann!.id}, 'Gone') returning id`);
    await db.execute(sql`insert into project_members (project_id, user_id, role) values (${gone!.id}, ${ann!.id}, 'owner')`);
    await db.execute(sql`delete from projects where id = ${gone!.id}`);

    // Sharing: Bob a member of Home with a task of his there, assigned to him, labelled by both; an invitation.
    await db.execute(sql`insert into project_members (project_id, user_id, role) values (${project!.id}, ${bob!.id}, 'editor')`);
    const [bobs] = await rows(db, sql`insert into tasks (user_id, project_id, assignee_id, title) values (${bob!.id}, ${project!.id}, ${bob!.id}, 'bob in home') returning id`);
    await db.execute(sql`select set_task_labels(${bobs!.id}, ${bob!.id}, array['mine'])`);
    await db.execute(sql`select set_task_labels(${bobs!.id}, ${ann!.id}, array['home'])`);
    await db.execute(sql`insert into invitations (project_id, email, role, invited_by) values (${project!.id}, 'carol@x.io', 'viewer', ${ann!.id})`);

    // Down: every task is back in its creator's Inbox, with distinct positions; the projects are gone.
    expect(await rollback(db, { to: V2 })).toEqual([...v3].reverse());
    const down = await rows(db, sql`select user_id, title, position from tasks order by user_id, position`);
    expect(down.filter((t) => t.user_id === ann!.id).map((t) => t.title).sort()).toEqual(['buy paint', 'paint', 'task 1', 'task 2', 'task 3', 'task 4']);
    // Bob's task is his again, with his own label only (v2's labels are the creator's).
    expect(down.filter((t) => t.user_id === bob!.id).map((t) => t.title).sort()).toEqual(['bob in home', 'task 2']);
    expect(await rows(db, sql`select l.name from task_labels tl join labels l on l.id = tl.label_id where tl.task_id = ${bobs!.id}`)).toEqual([{ name: 'mine' }]);
    expect(new Set(down.filter((t) => t.user_id === ann!.id).map((t) => t.position)).size).toBe(6);
    // The project's tasks on top; the Inbox's below them, in the order they had.
    expect(down.filter((t) => t.user_id === ann!.id).slice(-3).map((t) => t.title)).toEqual(['task 4', 'task 3', 'task 1']);
    expect(await rows(db, sql`select kind, count(*)::int as n from tombstones group by kind order by kind`)).toEqual([{ kind: 'task', n: 1 }]);

    expect(await migrate(db)).toEqual(v3);
    const again = await rows(db, sql`select title, project_id, list_id, user_id from tasks where user_id = ${ann!.id} order by position`);
    expect(again.map((t) => t.title)).toEqual(down.filter((t) => t.user_id === ann!.id).map((t) => t.title));
    expect(again.every((t) => t.project_id === null && t.list_id === t.user_id)).toBe(true);
  });
});

describe(`npm run db:migrate | db:rollback | db:status (${config.kind})`, () => {
  it('prints what it applied, rolled back and found, and leaves the full schema after up, down, up', { timeout: 300_000 }, async () => {
    const target = await emptyDatabase({ forCli: true });
    const driver = config.kind === 'pglite' ? 'pglite' : 'pg';
    const env = { ...process.env, ...target.env };
    delete env.DATABASE_DRIVER;
    const cli = async (...args: string[]) => {
      const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/db.ts', ...args], { cwd: ROOT, env });
      return stdout.trim().split('\n');
    };
    const statusLine = (tag: string, state: 'applied' | 'pending') =>
      state === 'applied' ? expect.stringMatching(new RegExp(`^applied  ${tag}  \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z$`)) : `pending  ${tag}`;
    const statusLines = (states: Record<string, string>) => TAGS.map((t) => statusLine(t, states[t] as 'applied' | 'pending'));

    expect(await cli('status')).toEqual(statusLines(every('pending')));
    expect(await cli('migrate')).toEqual([`Applied (${driver}): ${TAGS.join(', ')}`]);
    expect(await cli('status')).toEqual(statusLines(every('applied')));
    expect(await cli('rollback')).toEqual([`Rolled back (${driver}): ${LAST}`]);
    expect(await cli('status')).toEqual(statusLines({ ...every('applied'), [LAST]: 'pending' }));
    expect(await cli('rollback', '--to', TAGS[0]!)).toEqual([`Rolled back (${driver}): ${TAGS.slice(1, -1).reverse().join(', ')}`]);
    expect(await cli('rollback', '--all')).toEqual([`Rolled back (${driver}): ${TAGS[0]}`]);
    expect(await cli('migrate')).toEqual([`Applied (${driver}): ${TAGS.join(', ')}`]);

    const handle = await target.open();
    try {
      const schema = await schemaOf(handle.db);
      expect(schema.tables.map((t) => t.tablename)).toEqual([
        'address_attempts',
        'idempotency_keys',
        'invitations',
        'labels',
        'list_counts',
        'login_failures',
        'notifications',
        'project_members',
        'projects',
        'push_subscriptions',
        'reminders',
        'sessions',
        'task_counts',
        'task_labels',
        'tasks',
        'tombstones',
        'users',
        'webhook_deliveries',
        'webhooks',
      ]);
      expect(schema.constraints.map((c) => c.conname)).toEqual(
        expect.arrayContaining(['tasks_user_id_users_id_fk', 'tasks_title_length', 'tasks_description_length', 'users_email_unique']),
      );
      expect(schema.triggers.map((t) => t.tgname)).toContain('tasks_stamp_change_xid');
    } finally {
      await handle.close();
    }
  });
});
