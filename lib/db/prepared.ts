import 'server-only';
import { createHash } from 'node:crypto';
import type { Executor } from '@/lib/db';

// Drizzle builds a statement's SQL anew on every call; a prepared statement is built once per
// executor and shape, with placeholders for the values, and PostgreSQL keeps it parsed and
// planned per connection. The cache key is the shape itself, and `build` sees nothing else, so
// two shapes can never share a statement.

/** Everything that changes a statement's SQL (which fields, which filters, which order). */
export type Shape = Readonly<Record<string, string | boolean | readonly string[]>>;

/** A statement of one kind: `build` makes its SQL from the shape alone, the values go in later. */
export interface StatementKind<S extends Shape, P> {
  readonly kind: string;
  build(executor: Executor, shape: S, name: string): P;
}

export function statementKind<S extends Shape, P>(kind: string, build: StatementKind<S, P>['build']): StatementKind<S, P> {
  return { kind, build };
}

const cache = new WeakMap<Executor, Map<string, unknown>>();

function keyOf(kind: string, shape: Shape): string {
  const parts = Object.keys(shape)
    .sort()
    .map((field) => `${field}=${String(shape[field])}`);
  return `${kind}(${parts.join(';')})`;
}

/**
 * The statement of `kind` for `shape` on `executor`, built the first time it is asked for. Its
 * server-side name is a digest of the key: unique per shape, within PostgreSQL's 63 bytes.
 */
export function preparedStatement<S extends Shape, P>(executor: Executor, kind: StatementKind<S, P>, shape: S): P {
  let statements = cache.get(executor);
  if (!statements) cache.set(executor, (statements = new Map()));
  const key = keyOf(kind.kind, shape);
  let statement = statements.get(key) as P | undefined;
  if (!statement) {
    const name = `${kind.kind}_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
    statements.set(key, (statement = kind.build(executor, shape, name)));
  }
  return statement;
}
