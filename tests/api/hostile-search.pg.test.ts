import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, QUERY_TIMEOUT_MS } from '@/lib/db';
import { errorResponse } from '@/lib/http/errors';
import { Scope } from '@/lib/scope/scope';
import { SearchTooSlow } from '@/lib/tasks/errors';
import { boundedSearch } from '@/lib/tasks/search';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { problemOf } from '@/tests/helpers/requests';

// PostgreSQL only: PGlite accepts statement_timeout and ignores it.
const database = withTestDatabase();

describe('a query that runs too long', () => {
  it("is cancelled by the server on the app's connections (statement_timeout 4 s), not left running", async () => {
    const app = await openDatabase({ driver: 'pg', url: database.current.url!, queryTimeoutMs: QUERY_TIMEOUT_MS, poolMax: 1 });
    try {
      const { rows } = await app.db.execute(sql`show statement_timeout`);
      expect(rows[0]).toEqual({ statement_timeout: '4s' });
    } finally {
      await app.close();
    }
  });

  it('inside a search is cancelled after 900 ms and answers 503 with Retry-After', async () => {
    const user = await createTestUser();
    const started = performance.now();
    const search = boundedSearch(Scope.of({ userId: user.id, sessionId: user.sessionId }), (tx) => tx.execute(sql`select pg_sleep(3)`));
    await expect(search).rejects.toBeInstanceOf(SearchTooSlow);
    expect(performance.now() - started).toBeLessThan(2_500);
    const response = await errorResponse(new SearchTooSlow(), new Request('http://localhost/api/x/tasks?q=a'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect((await problemOf(response)).detail).toMatch(/search took too long/);
  });
});
