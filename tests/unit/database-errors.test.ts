import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeDatabaseError, isDatabaseUnavailable, sqlState } from '@/lib/db/errors';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$secret';

function uniqueViolation() {
  return Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), { code: '23505' });
}

// What another bundle layer's copy of drizzle-orm throws: the same shape, a different class.
class ForeignDrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    override readonly cause: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params}`);
  }
}

describe.each([
  ['drizzle-orm’s own class', () => new DrizzleQueryError('insert into "users" …', ['ann@x.io', HASH], uniqueViolation())],
  ['another copy of the class (a server action’s bundle)', () => new ForeignDrizzleQueryError('insert into "users" …', ['ann@x.io', HASH], uniqueViolation())],
])('a failed query wrapped by %s', (_name, make) => {
  it('exposes the SQLSTATE of the driver error', () => {
    expect(sqlState(make())).toBe('23505');
  });

  it('is described for the log without the query parameters', () => {
    const line = describeDatabaseError(make());
    expect(line).toContain('[23505] duplicate key value');
    expect(line).not.toContain(HASH);
    expect(line).not.toContain('ann@x.io');
  });
});

describe('isDatabaseUnavailable', () => {
  it('counts a query the server never answered (pg and Neon query_timeout) as unavailable', () => {
    const timedOut = new DrizzleQueryError('select 1', [], new Error('Query read timeout'));
    expect(isDatabaseUnavailable(timedOut)).toBe(true);
  });

  it('does not count a query that was merely wrong', () => {
    expect(isDatabaseUnavailable(new DrizzleQueryError('insert …', [], uniqueViolation()))).toBe(false);
  });
});
