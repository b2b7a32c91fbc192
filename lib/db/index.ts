import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '@/lib/env';
import { migrate } from './migrations';
import * as schema from './schema';

export type Driver = 'pglite' | 'pg' | 'neon';

// All three drivers answer raw queries with `{ rows }`; this HKT lets `db.execute` say so.
export interface RowsResult extends PgQueryResultHKT {
  type: { rows: Record<string, unknown>[] };
}
export type Database = PgDatabase<RowsResult, typeof schema>;
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Where a statement runs: the app's database, or a transaction a caller already opened. */
export type Executor = Database | Transaction;

/** How long the app's pool waits for the answer to one query before giving up. */
export const QUERY_TIMEOUT_MS = 5_000;

/**
 * The server cancels an app statement after this long: a little before the client gives up,
 * so that a request that gave up never leaves its query running. pg and Neon send it as a
 * startup parameter. PGlite accepts it and ignores it (wasm has no timer signals): there, the
 * search strategy alone bounds a slow query. A pooler that drops startup parameters
 * (PgBouncer) needs `ALTER ROLE … SET statement_timeout` instead.
 */
export const STATEMENT_TIMEOUT_MS = 4_000;

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  poolStats?: () => PoolStats;
  close: () => Promise<void>;
}

export interface DatabaseOptions {
  url?: string;
  driver?: Driver;
  /** PGlite folder, or `memory://`. */
  dataDir?: string;
  /** PGlite: start from a `dumpDataDir()` snapshot instead of an empty folder. */
  loadDataDir?: Blob;
  poolMax?: number;
  neonWsProxy?: string;
  /** PGlite: apply pending migrations on open (the zero-set-up default). */
  autoMigrate?: boolean;
  /**
   * pg and Neon: fail a query unanswered for this long, as unavailable, and have the server
   * cancel it a second earlier (`STATEMENT_TIMEOUT_MS`). The app's handle sets it; scripts (a
   * migration may build an index for minutes) wait as long as it takes.
   */
  queryTimeoutMs?: number;
}

export function pickDriver(url: string | undefined, explicit?: Driver): Driver {
  if (explicit) return explicit;
  if (!url) return 'pglite';
  const { hostname, protocol } = new URL(url);
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL (got ${protocol})`);
  }
  return hostname.endsWith('.neon.tech') ? 'neon' : 'pg';
}

// The same options suit pg's Pool and Neon's (a fork of it). A connection that errors while
// idle (server restart, pg_terminate_backend) is removed by the pool itself.
function poolConfig(url: string, max: number, queryTimeoutMs: number | undefined) {
  return {
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    // connectionTimeoutMillis covers only connecting: a server (or network) that hangs after
    // that would hold the request forever.
    ...(queryTimeoutMs && { query_timeout: queryTimeoutMs, statement_timeout: Math.min(STATEMENT_TIMEOUT_MS, queryTimeoutMs) }),
    // TCP keepalives let the OS notice a peer that vanished without closing the connection.
    keepAlive: true,
    maxLifetimeSeconds: 3_600,
  };
}

/** What pg's and Neon's clients share (`readyForQuery` is not in their types, but in both). */
interface PgLikeClient {
  readyForQuery?: boolean;
  end(): Promise<void>;
}

interface PgLikePool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'release', listener: (err: Error | undefined, client: PgLikeClient) => void): unknown;
  end(): Promise<void>;
}

function watchPool(pool: PgLikePool) {
  pool.on('error', (err) => console.warn('[db] idle connection dropped:', err.message));
  // A transaction whose query timed out is released by Drizzle as if all were well, with that
  // query (and the transaction) still open on the server: ending the connection there makes the
  // pool drop it, the server roll the transaction back, and no later request run inside it.
  pool.on('release', (err, client) => {
    if (!err && client.readyForQuery === false) client.end().catch(() => {});
  });
  return {
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

/** Opens a new database handle. Most code wants `getDb()` instead. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const driver = pickDriver(options.url, options.driver);
  const poolMax = options.poolMax ?? 20;

  if (driver === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { drizzle } = await import('drizzle-orm/pglite');
    let dataDir = options.dataDir ?? 'memory://';
    if (!dataDir.includes('://')) {
      dataDir = path.resolve(/*turbopackIgnore: true*/ dataDir);
      mkdirSync(dataDir, { recursive: true });
    }
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
    const db = drizzle({ client, schema }) as unknown as Database;
    if (options.autoMigrate ?? true) await migrate(db);
    return { db, driver, close: () => client.close() };
  }

  if (!options.url) throw new Error(`The ${driver} driver needs DATABASE_URL`);

  if (driver === 'neon') {
    const { Pool, neonConfig } = await import('@neondatabase/serverless');
    const { default: ws } = await import('ws');
    const { drizzle } = await import('drizzle-orm/neon-serverless');
    neonConfig.webSocketConstructor = ws;
    const proxy = options.neonWsProxy;
    if (proxy) {
      // Development and tests: a local WebSocket-to-TCP proxy in front of plain PostgreSQL.
      neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = false;
      neonConfig.pipelineTLS = false;
      neonConfig.pipelineConnect = false;
    }
    const pool = new Pool(poolConfig(options.url, poolMax, options.queryTimeoutMs));
    return { db: drizzle({ client: pool, schema }) as unknown as Database, driver, ...watchPool(pool) };
  }

  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new Pool(poolConfig(options.url, poolMax, options.queryTimeoutMs));
  return { db: drizzle({ client: pool, schema }) as unknown as Database, driver, ...watchPool(pool) };
}

// One handle per process, kept on globalThis so that `next dev` hot reloads reuse it (and,
// for PGlite, so that one folder is never opened twice: PGlite does not lock it).
const holder = globalThis as unknown as { __todoDatabase?: Promise<DatabaseHandle> };

export function databaseOptionsFromEnv(): DatabaseOptions {
  const e = env();
  return {
    url: e.DATABASE_URL,
    driver: e.DATABASE_DRIVER,
    dataDir: e.PGLITE_DATA_DIR,
    poolMax: e.DB_POOL_MAX,
    neonWsProxy: e.NEON_WS_PROXY,
  };
}

/** The process's database, opened (and for PGlite, migrated) on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.__todoDatabase) {
    const opening = openDatabase({ ...databaseOptionsFromEnv(), queryTimeoutMs: QUERY_TIMEOUT_MS });
    // A failed open (say, a bad URL) is retried by the next caller instead of cached forever.
    opening.catch(() => {
      if (holder.__todoDatabase === opening) holder.__todoDatabase = undefined;
    });
    holder.__todoDatabase = opening;
  }
  return holder.__todoDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Tests: make `getDb()` answer with this handle (or with this failed open). */
export function replaceDatabase(handle: DatabaseHandle | Promise<DatabaseHandle> | undefined): void {
  holder.__todoDatabase = handle && Promise.resolve(handle);
}

/** Closes the process's database, if it was opened (graceful shutdown, scripts). */
export async function closeDatabase(): Promise<void> {
  const opening = holder.__todoDatabase;
  holder.__todoDatabase = undefined;
  if (opening) await (await opening).close();
}

