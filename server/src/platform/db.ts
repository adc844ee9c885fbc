import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './db-lock.js';

/** The one database handle type services see; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  /** Dashboard and export reads: a replica's pool when DATABASE_READ_URL is set, else the same handle as db. */
  readDb: Db;
  kind: DatabaseKind;
  /** Only for the embedded database: the PGlite instance (dump, close). */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../db/migrations',
);

const currentTransaction = new AsyncLocalStorage<Db>();

/**
 * The ambient transaction: while a `db.transaction(fn)` runs, every query made through the *main* handle in
 * the same async flow (a service called with `ctx` from inside the transaction) joins that transaction.
 * Without this, PGlite deadlocks (its single connection waits for the open transaction) and PostgreSQL
 * reads outside the transaction, missing its own uncommitted rows. Other requests are unaffected.
 */
function withAmbientTransaction(root: Db): Db {
  return new Proxy(root, {
    get(target, prop) {
      const base = currentTransaction.getStore() ?? target;
      if (prop === 'transaction') {
        const begin = base.transaction.bind(base);
        return (fn: (tx: Db) => Promise<unknown>, config?: Parameters<Db['transaction']>[1]) =>
          begin((tx) => currentTransaction.run(tx as unknown as Db, () => fn(tx as unknown as Db)), config);
      }
      const value: unknown = Reflect.get(base, prop, base);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(base) : value;
    },
  });
}

/** True inside a `db.transaction(fn)` flow: a query prepared now would be bound to that transaction. */
export function inAmbientTransaction(): boolean {
  return currentTransaction.getStore() !== undefined;
}

let statementCounter: { count: number } | undefined;

/** Drizzle's logger hook, used only to count the statements a piece of work issues (N+1 tests). */
const statementLogger = {
  logQuery() {
    if (statementCounter) statementCounter.count++;
  },
};

/**
 * Runs `fn` and counts every SQL statement issued through Drizzle meanwhile, by anyone: for tests that run
 * one request at a time (an AsyncLocalStorage scope does not survive Fastify's inject, so this is global).
 */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  if (statementCounter) throw new Error('countStatements does not nest');
  const counter = { count: 0 };
  statementCounter = counter;
  try {
    const result = await fn();
    return { result, statements: counter.count };
  } finally {
    statementCounter = undefined;
  }
}

// Two drivers picked at start-up: Drizzle's node-postgres driver over PGlite's pg adapter hangs.
export function wrapPglite(client: PGlite): Db {
  return withAmbientTransaction(drizzlePglite({ client, casing: 'snake_case', logger: statementLogger }) as unknown as Db);
}

export function wrapPool(pool: pg.Pool): Db {
  return withAmbientTransaction(drizzlePg({ client: pool, casing: 'snake_case', logger: statementLogger }) as unknown as Db);
}

// Return timestamps and dates as strings where Postgres sends them; numeric stays string; int8 → number.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  /** Read replica (PostgreSQL only). */
  databaseReadUrl?: string;
  dataDir: string;
  /** A pre-migrated data dir dump to start from (tests). */
  loadDataDir?: Blob;
  /** Embedded database in memory, no lock (tests). */
  inMemory?: boolean;
  poolMax?: number;
}

/** Opens PGlite (default) or a PostgreSQL server when a URL is given. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 });
    pool.on('error', () => {
      /* idle client errors surface on the next query */
    });
    await pool.query('select 1');
    const db = wrapPool(pool);
    if (!opts.databaseReadUrl) return { db, readDb: db, kind: 'postgres', pool, close: () => pool.end() };
    const readPool = new pg.Pool({ connectionString: opts.databaseReadUrl, max: opts.poolMax ?? 10 });
    readPool.on('error', () => {
      /* as above */
    });
    try {
      await readPool.query('select 1');
    } catch (e) {
      await Promise.all([pool.end(), readPool.end()]);
      throw e;
    }
    return {
      db,
      readDb: wrapPool(readPool),
      kind: 'postgres',
      pool,
      close: async () => {
        await Promise.all([pool.end(), readPool.end()]);
      },
    };
  }
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (opts.inMemory) {
    client = await PGlite.create({ loadDataDir: opts.loadDataDir });
  } else {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    lock = acquireDataDirLock(opts.dataDir);
    try {
      client = await PGlite.create(path.join(opts.dataDir, 'pglite'), { loadDataDir: opts.loadDataDir });
    } catch (e) {
      lock.release();
      throw e;
    }
  }
  let closed = false;
  const db = wrapPglite(client);
  return {
    db,
    readDb: db,
    kind: 'pglite',
    pglite: client,
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      lock?.release();
    },
  };
}

/** Applies the generated SQL migrations (idempotent). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migratePg(database.db as never, { migrationsFolder });
  }
}

/**
 * The handle for a heavy read (dashboards, exports): the replica when one is configured, except inside a
 * transaction, where a read must see the transaction's own writes.
 */
export function readHandle(ctx: { db: Db; readDb?: Db }): Db {
  return currentTransaction.getStore() ? ctx.db : (ctx.readDb ?? ctx.db);
}

/** Runs raw SQL and returns its rows (both drivers answer with `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
