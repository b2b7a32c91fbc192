import 'server-only';
import { eq, sql, type Column } from 'drizzle-orm';
import type { Caller } from '@/lib/auth/caller';

// The caller's scope, folded into every statement that reads or writes a user's rows (tasks,
// labels, …): its predicate, and the values that fill its placeholders. Whatever the guard learns
// to check per request (a live session) is added here once and reaches every such statement
// without a round trip of its own.

/** `where` predicate: the row belongs to the caller. */
export const ownedByCaller = (userIdColumn: Column) => eq(userIdColumn, sql.placeholder('userId'));

/** The values of `ownedByCaller`'s placeholders. */
export const callerValues = (caller: Caller) => ({ userId: caller.userId });
