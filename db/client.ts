import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/db/env';
import { acquirePgliteLock } from './pglite-lock';
import { openDurablePglite } from './pglite-durable';
import * as schema from './schema';

export { DatabaseInUseError } from './pglite-lock';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle =
  | { kind: 'pglite'; db: Database; client: PGlite; location: string; close: () => Promise<void> }
  | { kind: 'postgres'; db: Database; client: pg.Pool; location: string; close: () => Promise<void> };

const MEMORY = 'memory://';

export function openDatabase(options: { databaseUrl?: string; pgliteDir?: string } = {}): DbHandle {
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: env().DATABASE_POOL_MAX });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    return { kind: 'postgres', db, client: pool, location: redactUrl(databaseUrl), close: () => pool.end() };
  }
  const dir = options.pgliteDir ?? env().PGLITE_DIR;
  const inMemory = dir === MEMORY;
  const release = inMemory ? () => {} : acquirePgliteLock(dir);
  if (!inMemory) fs.mkdirSync(dir, { recursive: true });
  const client = inMemory ? new PGlite() : openDurablePglite(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    client,
    location: inMemory ? MEMORY : dir,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable)';
  }
}

// One connection (pool) per process, kept across hot reloads and shared by proxy and app bundles.
const g = globalThis as { __rollcallDb?: DbHandle };

export function dbHandle(): DbHandle {
  g.__rollcallDb ??= openDatabase();
  return g.__rollcallDb;
}

/** The app's database. Opens lazily so importing this module never touches the data folder. */
export function db(): Database {
  return dbHandle().db;
}

export async function closeDb(): Promise<void> {
  const handle = g.__rollcallDb;
  g.__rollcallDb = undefined;
  await handle?.close();
}

export { schema };

/** The rows of a raw `db().execute(sql…)` result: node-postgres wraps them in `rows`, PGlite's drizzle driver too, older paths return the array. */
export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? result) as T[];

const dialect = new PgDialect();

/**
 * Runs a raw statement the app sends many times a second (the phone's session log) as a named
 * prepared statement: on PostgreSQL each pooled connection parses and plans it once, then only
 * binds and executes it, which saves the database ~1.3 ms of planning and the server resending
 * ~4 KB of text on every call (docs/benchmarks.md, issue 18). The name is the text's hash, so
 * two texts never share a name. PGlite has no named statements and runs it as usual. Works on
 * `db()` and inside a transaction alike.
 */
export function executePrepared(database: Pick<Database, '_'>, statement: SQL): Promise<unknown> {
  const built = dialect.sqlToQuery(statement);
  const name = `rc_${crypto.createHash('sha1').update(built.sql).digest('hex').slice(0, 24)}`;
  return database._.session.prepareQuery(built, undefined, name, false).execute();
}
