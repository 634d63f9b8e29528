import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/db/env';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle =
  | { kind: 'pglite'; db: Database; client: PGlite; location: string; close: () => Promise<void> }
  | { kind: 'postgres'; db: Database; client: pg.Pool; location: string; close: () => Promise<void> };

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

const MEMORY = 'memory://';

/**
 * PGlite has no lock of its own: two processes writing one data folder silently corrupt it.
 * A lock file beside the folder holds the owner's pid; a live owner makes us fail at once.
 */
function acquirePgliteLock(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLockOwner(lockPath);
      if (owner && owner.host === os.hostname() && isAlive(owner.pid)) {
        throw new DatabaseInUseError(
          `The embedded database at ${dir} is already open in process ${owner.pid}. ` +
            'PGlite cannot be shared between processes: stop that process first, ' +
            'or point PGLITE_DIR at another folder (or set DATABASE_URL to use PostgreSQL).',
        );
      }
      // The owner died without cleaning up: the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseInUseError(`Could not take the lock on ${lockPath}`);
}

function readLockOwner(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
      return { pid: parsed.pid, host: parsed.host };
  } catch {
    // unreadable or half-written: treat as stale
  }
  return null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
  const client = inMemory ? new PGlite() : new PGlite(dir);
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
