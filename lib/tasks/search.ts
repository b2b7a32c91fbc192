import 'server-only';
import type { Executor } from '@/lib/db';
import { sqlState } from '@/lib/db/errors';
import type { Scope } from '@/lib/scope/scope';
import { SearchTooSlow } from '@/lib/tasks/errors';

// The list's `q`: a case-insensitive substring of the title or the description, with a bounded
// worst case. A client picks both the text and `q`, so it can build a search to be slow on
// purpose (docs/abuse-design.md §1).

/**
 * `q` as a regular expression that matches itself (every character but letters, digits and
 * space escaped), for `~*`: a case-insensitive substring, as ILIKE was, but matched by
 * PostgreSQL's DFA in time linear in the text, where ILIKE's matcher is O(text × q) (a `q`
 * built to be slow took 13 s in the database). The trigram indexes serve `~*` too.
 */
export function regexSubstring(text: string): string {
  return text.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c}`);
}

/** The server cancels a search after this long: `503`, not a worker tied up for seconds. */
export const SEARCH_TIMEOUT_MS = 900;

const QUERY_CANCELED = '57014';

/**
 * Runs a search's statements under `SEARCH_TIMEOUT_MS` (the connection's own bound is 4 s);
 * `SearchTooSlow` past it. PGlite ignores statement_timeout: there, only `~*` bounds it.
 */
export async function boundedSearch<T>(scope: Scope, work: (executor: Executor) => Promise<T>): Promise<T> {
  try {
    return await scope.transaction(work, { statementTimeoutMs: SEARCH_TIMEOUT_MS });
  } catch (err) {
    if (sqlState(err) === QUERY_CANCELED) throw new SearchTooSlow();
    throw err;
  }
}
