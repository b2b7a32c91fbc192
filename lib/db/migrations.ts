import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import type { Database } from './index';

// The journal table drizzle-kit itself uses, so `drizzle-kit migrate` and these scripts agree
// on what is applied. `applied_at` is ours: drizzle-kit only records the migration's own time.
const TABLE = sql`"drizzle"."__drizzle_migrations"`;
// Any constant: serialises concurrent migrate/rollback runs against one database.
const LOCK_ID = 7_418_202_611;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

export interface Migration {
  tag: string;
  /** drizzle-kit's `when`, stored as `created_at` in the journal table */
  when: number;
  hash: string;
  up: string[];
  /** null when the down file is missing */
  down: string[] | null;
}

interface JournalEntry {
  tag: string;
  when: number;
}

function splitStatements(text: string): string[] {
  return text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function downFile(folder: string, tag: string): string {
  return path.join(folder, `${tag}.down.sql`);
}

export function readMigrations(folder = MIGRATIONS_FOLDER): Migration[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const metas = readMigrationFiles({ migrationsFolder: folder });
  return journal.entries.map((entry, i) => {
    const meta = metas[i]!;
    const down = downFile(folder, entry.tag);
    return {
      tag: entry.tag,
      when: entry.when,
      hash: meta.hash,
      up: meta.sql.map((s) => s.trim()).filter(Boolean),
      down: existsSync(down) ? splitStatements(readFileSync(down, 'utf8')) : null,
    };
  });
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function lockedJournal(tx: Tx): Promise<Map<number, Date>> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_ID})`);
  await tx.execute(sql`create schema if not exists "drizzle"`);
  await tx.execute(sql`create table if not exists ${TABLE} (id serial primary key, hash text not null, created_at bigint)`);
  await tx.execute(sql`alter table ${TABLE} add column if not exists applied_at timestamptz default now()`);
  const { rows } = await tx.execute(sql`select created_at, applied_at from ${TABLE}`);
  return new Map(rows.map((r) => [Number(r.created_at), new Date(String(r.applied_at))]));
}

/** Applies every pending migration in one transaction. Returns the tags applied. */
export async function migrate(db: Database, folder = MIGRATIONS_FOLDER): Promise<string[]> {
  const migrations = readMigrations(folder);
  return db.transaction(async (tx) => {
    const applied = await lockedJournal(tx);
    const pending = migrations.filter((m) => !applied.has(m.when));
    for (const m of pending) {
      for (const statement of m.up) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into ${TABLE} (hash, created_at) values (${m.hash}, ${m.when})`);
    }
    return pending.map((m) => m.tag);
  });
}

/**
 * Undoes the last applied migration, or every migration applied after `to` (a tag; `to: null`
 * undoes them all). Each down script and its journal row go in one transaction.
 */
export async function rollback(db: Database, options: { to?: string | null } = {}, folder = MIGRATIONS_FOLDER) {
  const migrations = readMigrations(folder);
  const target = options.to === undefined ? undefined : options.to === null ? -1 : migrations.findIndex((m) => m.tag === options.to);
  if (target === -1 && options.to) throw new Error(`No migration tagged ${options.to}`);
  return db.transaction(async (tx) => {
    const applied = await lockedJournal(tx);
    const appliedMigrations = migrations.filter((m) => applied.has(m.when));
    const undo =
      target === undefined ? appliedMigrations.slice(-1) : appliedMigrations.filter((m) => migrations.indexOf(m) > target);
    for (const m of undo.reverse()) {
      if (!m.down) throw new Error(`${m.tag} has no down migration (${m.tag}.down.sql)`);
      for (const statement of m.down) await tx.execute(sql.raw(statement));
      await tx.execute(sql`delete from ${TABLE} where created_at = ${m.when}`);
    }
    return undo.map((m) => m.tag);
  });
}

export interface MigrationStatus {
  tag: string;
  appliedAt: Date | null;
}

export async function migrationStatus(db: Database, folder = MIGRATIONS_FOLDER): Promise<MigrationStatus[]> {
  const migrations = readMigrations(folder);
  const applied = await db.transaction((tx) => lockedJournal(tx));
  return migrations.map((m) => ({ tag: m.tag, appliedAt: applied.get(m.when) ?? null }));
}

/** Problems that should fail `db:check`: a missing down file, two migrations in one place. */
export function checkMigrations(folder = MIGRATIONS_FOLDER): string[] {
  const migrations = readMigrations(folder);
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const m of migrations) {
    if (!m.down) problems.push(`${m.tag}: missing ${path.relative(process.cwd(), downFile(folder, m.tag))}`);
    const place = m.tag.split('_')[0]!;
    const other = seen.get(place) ?? seen.get(String(m.when));
    if (other) problems.push(`${m.tag}: claims the same place as ${other}`);
    seen.set(place, m.tag);
    seen.set(String(m.when), m.tag);
  }
  return problems;
}
