import 'server-only';
import { and, eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { Caller } from '@/lib/auth/caller';
import { SessionEnded } from '@/lib/auth/errors';
import { getDb, type Executor } from '@/lib/db';
import { isRetryable } from '@/lib/db/errors';
import { preparedStatement, statementKind, type Shape, type StatementKind } from '@/lib/db/prepared';
import { projectMembers, sessions, tasks, users } from '@/lib/db/schema';

export type { Caller };

/*
 * The caller's scope: the one way user data is read or written. A route gets a `Scope` from its
 * guard (lib/scope/route.ts), and domain code takes it instead of a bare user id:
 *
 * - Every statement on user data is a `scopedStatement`, whose SQL must contain the caller's
 *   live-session check (`liveSession()`, or `ownedByCaller()` / `callerAsOwner()` built on it):
 *   one that does not is refused when it is first built. A revoked session, a signed-out cookie
 *   or a deleted account is thus refused by the statement itself, on any instance, without a
 *   round trip of its own.
 * - `scope.run()` fills the caller's placeholders, and a row it returns proves the session live.
 * - `scope.transaction()` begins by locking the caller's session and user rows (FOR KEY SHARE):
 *   inside it, a revocation or an account deletion waits for the commit, so its statements may
 *   be plain SQL (bulk imports).
 * - `scope.confirm()` asks once when nothing has proved it yet; the route pipeline calls it
 *   before any answer, so an empty list or a refusal never goes to a session that has ended.
 *
 * lib/db's `getDb()` is not imported by domain code (eslint.config.mjs): there is no other way in.
 */

const USER_ID = sql.placeholder('userId');
const SESSION_ID = sql.placeholder('sessionId');

// Counts the scope checks built, so that `scopedStatement` can tell whether its SQL has one.
let checksBuilt = 0;

/** `where` predicate: the caller's session is live (its row is there, so its account is too). */
export function liveSession(): SQL {
  checksBuilt++;
  return sql`exists (select 1 from ${sessions} where ${sessions.id} = ${SESSION_ID} and ${sessions.userId} = ${USER_ID} and ${sessions.expiresAt} > now())`;
}

/** `where` predicate: the row belongs to the caller, whose session is live. */
export function ownedByCaller(userIdColumn: Column): SQL {
  return and(eq(userIdColumn, USER_ID), liveSession())!;
}

/**
 * The owner of a row an insert creates: the caller's id while the session is live, else null,
 * which the NOT NULL `user_id` refuses, so nothing is stored (and the pipeline answers `401`).
 */
export function callerAsOwner(): SQL {
  checksBuilt++;
  return sql`(select ${sessions.userId} from ${sessions} where ${sessions.id} = ${SESSION_ID} and ${sessions.userId} = ${USER_ID} and ${sessions.expiresAt} > now())`;
}

/**
 * The lists the caller sees, as a subquery of list ids: their Inbox (named by their own id) and
 * every project they are a member of (docs/api.md, "Who sees what").
 */
export function visibleLists(): SQL {
  return sql`(select ${USER_ID}::uuid union all select ${projectMembers.projectId} from ${projectMembers} where ${projectMembers.userId} = ${USER_ID})`;
}

/**
 * The same lists as rows `(list_id, rank)` in the caller's order: the Inbox first (rank `''`),
 * then their projects by their sidebar positions.
 */
export function visibleListsInOrder(): SQL {
  return sql`(select ${USER_ID}::uuid as list_id, ''::text collate "C" as rank
    union all select ${projectMembers.projectId}, ${projectMembers.position} from ${projectMembers} where ${projectMembers.userId} = ${USER_ID})`;
}

/** `where` predicate: the task is in a list the caller sees, and the caller's session is live. */
export function visibleTask(): SQL {
  return and(sql`${taskColumn(tasks.listId)} in ${visibleLists()}`, liveSession())!;
}

// A column of the statement's tasks row, qualified by hand: in a one-table statement drizzle
// writes columns bare, and inside a subquery of project_members a bare "project_id" is its own.
const taskColumn = (column: Column) => sql`${tasks}.${sql.identifier(column.name)}`;

/**
 * Whether the caller may change the task (no session check: a column beside one that has it): it
 * is in their Inbox, or in a project they own or edit; a viewer only reads.
 */
export function callerMayWrite(): SQL {
  return sql`(${taskColumn(tasks.listId)} = ${USER_ID} or exists (select 1 from ${projectMembers} where ${projectMembers.projectId} = ${taskColumn(tasks.projectId)}
    and ${projectMembers.userId} = ${USER_ID} and ${projectMembers.role} in ('owner', 'editor')))`;
}

/** `where` predicate: the caller may change the task, and the caller's session is live. */
export function writableTask(): SQL {
  return and(callerMayWrite(), liveSession())!;
}

/**
 * Whether the caller is a member of the project a `projectId` expression names, in one of
 * `roles` (any role without). No session check: a condition beside one that has it.
 */
export function callerHasRole(projectId: SQL, roles?: readonly ('owner' | 'editor' | 'viewer')[]): SQL {
  // Literals, not parameters: the roles are this closed set, and the plan is the same for every call.
  const inRoles = roles ? sql.raw(` and "me"."role" in (${roles.map((role) => `'${role}'`).join(', ')})`) : sql``;
  return sql`exists (select 1 from ${projectMembers} "me" where "me"."project_id" = ${projectId} and "me"."user_id" = ${USER_ID}${inRoles})`;
}

/**
 * Whether the caller may add tasks to the list a `project_id` expression names (null: their
 * Inbox). No session check: it decides an inserted row's owner, beside `callerAsOwner()`.
 */
export function callerMayWriteTo(projectId: SQL): SQL {
  return sql`(${projectId} is null or ${callerHasRole(projectId, ['owner', 'editor'])})`;
}

/** A prepared statement that returns rows. */
interface Rows<R> {
  execute(values?: Record<string, unknown>): Promise<R[]>;
}

/** A statement kind whose SQL checks the caller's scope; only these run through `scope.run()`. */
export interface ScopedStatement<S extends Shape, R> extends StatementKind<S, Rows<R>> {
  /** Whether a row it returns proves the session live: not for an aggregate, which always returns one. */
  readonly rowsProveSession: boolean;
}

/**
 * `statementKind` for user data: building one whose SQL does not check the caller's scope
 * throws. `aggregate`: it answers a row whatever its `where` lets through (`count(*)`), so its
 * rows prove nothing and the route pipeline asks (`scope.confirm()`).
 */
export function scopedStatement<S extends Shape, R>(
  kind: string,
  build: (db: Executor, shape: S, name: string) => Rows<R>,
  { aggregate = false }: { aggregate?: boolean } = {},
): ScopedStatement<S, R> {
  const checked = statementKind<S, Rows<R>>(kind, (db, shape, name) => {
    const before = checksBuilt;
    const statement = build(db, shape, name);
    if (checksBuilt === before) throw new Error(`The statement ${kind} does not check the caller's scope (lib/scope/scope.ts)`);
    return statement;
  });
  return { ...checked, rowsProveSession: !aggregate };
}

const confirmStatement = scopedStatement('confirm_scope', (db, _shape: Record<never, never>, name) =>
  db.select({ live: sql<number>`1` }).from(users).where(and(eq(users.id, USER_ID), liveSession())).limit(1).prepare(name),
);

// FOR KEY SHARE: a revocation or an account deletion (a DELETE) waits for the transaction; a
// touch of last_used_at or a password change (no key update) does not. The user row is locked
// first, as an account deletion locks it first: no deadlock between the two.
// With a timeout, the statements after it in the transaction are cancelled past it (SQLSTATE 57014).
const lockStatement = scopedStatement('lock_scope', (db, shape: { timeout: boolean }, name) =>
  db
    .select({ live: shape.timeout ? sql<string>`set_config('statement_timeout', ${sql.placeholder('timeout')}, true)` : sql<string>`'1'` })
    .from(users)
    .innerJoin(sessions, eq(sessions.userId, users.id))
    .where(and(eq(users.id, USER_ID), eq(sessions.id, SESSION_ID), liveSession()))
    .for('key share')
    .prepare(name),
);

/** How many times work the server rolled back (a deadlock) is tried in all. */
const RETRIES = 3;

/** Who a request acts for, and the only way its statements reach user data. */
export class Scope {
  #proven = false;

  private constructor(readonly caller: Caller) {}

  /** The scope of a caller whose credentials were verified (the guards in lib/scope/route.ts, scripts). */
  static of(caller: Caller): Scope {
    return new Scope(caller);
  }

  get userId(): string {
    return this.caller.userId;
  }

  /** The values of the scope's placeholders, for a statement run outside `run()`. */
  get values(): { userId: string; sessionId: string } {
    return { userId: this.caller.userId, sessionId: this.caller.sessionId };
  }

  /**
   * Runs a scoped statement with the caller's values; a row returned proves the session live. A
   * lone statement the server rolled back to break a deadlock runs again (inside a transaction,
   * the transaction does: see `transaction`).
   */
  async run<S extends Shape, R>(statement: ScopedStatement<S, R>, shape: S, values: Record<string, unknown> = {}, executor?: Executor): Promise<R[]> {
    const db = executor ?? (await getDb());
    for (let attempt = 1; ; attempt++) {
      try {
        const rows = await preparedStatement(db, statement, shape).execute({ ...values, ...this.values });
        if (rows.length > 0 && statement.rowsProveSession) this.#proven = true;
        return rows;
      } catch (err) {
        if (executor || attempt >= RETRIES || !isRetryable(err)) throw err;
      }
    }
  }

  /**
   * Runs `work` in a transaction that holds the caller's session: `SessionEnded` if it has ended.
   * `statementTimeoutMs` bounds each of its statements more tightly than the connection does.
   */
  async transaction<T>(work: (tx: Executor) => Promise<T>, { statementTimeoutMs }: { statementTimeoutMs?: number } = {}): Promise<T> {
    const db = await getDb();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#transactionOnce(db, work, statementTimeoutMs);
      } catch (err) {
        // Rolled back by the server to break a deadlock: nothing of it stayed, so run it again.
        if (attempt >= RETRIES || !isRetryable(err)) throw err;
      }
    }
  }

  async #transactionOnce<T>(db: Executor, work: (tx: Executor) => Promise<T>, statementTimeoutMs: number | undefined): Promise<T> {
    return db.transaction(async (tx) => {
      const timeout = statementTimeoutMs === undefined ? {} : { timeout: `${statementTimeoutMs}ms` };
      const [held] = await preparedStatement(tx, lockStatement, { timeout: statementTimeoutMs !== undefined }).execute({ ...timeout, ...this.values });
      if (!held) throw new SessionEnded();
      this.#proven = true;
      return work(tx);
    });
  }

  /** `SessionEnded` unless the session is live: asks the database only if nothing has shown it yet. */
  async confirm(): Promise<void> {
    if (this.#proven) return;
    const [live] = await preparedStatement(await getDb(), confirmStatement, {}).execute(this.values);
    if (!live) throw new SessionEnded();
    this.#proven = true;
  }
}
