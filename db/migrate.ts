import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { DbHandle } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

// Any constant works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 727_001;

type Migration = { tag: string; hash: string; when: number; statements: string[] };
type Applied = { hash: string; created_at: string | number | null };

/** A migration error whose message was written for the operator: it names no row's data. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  readonly safeForOperator = true;
}

/** The database holds migrations this build does not have: running would skip or repeat them. */
export class DatabaseAheadError extends MigrationError {
  override name = 'DatabaseAheadError';
}

/** A pending migration failed; every pending one ran in one transaction, so none of them stayed. */
export class MigrationFailedError extends MigrationError {
  override name = 'MigrationFailedError';
  constructor(
    message: string,
    readonly migration: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

function readMigrations(folder: string): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return readMigrationFiles({ migrationsFolder: folder }).map((m, i) => ({
    tag: journal.entries[i]?.tag ?? `#${i}`,
    hash: m.hash,
    when: m.folderMillis,
    statements: m.sql,
  }));
}

/** The database's own words (its first line, no control characters) and its SQLSTATE; never a row's detail. */
function databaseError(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof message === 'string') {
      const line = (message.split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 300);
      return `${line} (SQLSTATE ${code})`;
    }
  }
  return error instanceof Error ? error.name : String(error);
}

function refuseIfAhead(applied: Applied[], migrations: Migration[]): void {
  const last = migrations.at(-1);
  const known = new Map(migrations.map((m) => [m.hash, m]));
  const lastKnown = `this build knows migrations up to ${last?.tag ?? '(none)'}`;
  const newer = applied.filter((a) => last && Number(a.created_at) > last.when);
  if (newer.length)
    throw new DatabaseAheadError(
      `This database was migrated by a newer version of RollCall (${newer.length} migration(s) later than this build's); ` +
        `${lastKnown}. Nothing was changed. Run the newer version or restore a backup taken before the upgrade.`,
    );
  const strange = applied.filter((a) => !known.has(a.hash));
  if (strange.length) {
    const at = migrations.find((m) => m.when === Number(strange[0]?.created_at));
    throw new DatabaseAheadError(
      `This database holds ${strange.length} migration(s) this build does not know` +
        (at ? ` (${at.tag} differs from the one that was applied)` : '') +
        `: it was migrated by another version of RollCall; ${lastKnown}. Nothing was changed. ` +
        'Run the version that migrated it or restore a backup taken before the upgrade.',
    );
  }
}

/**
 * Applies pending migrations, all of them in one transaction: if one fails, none stays and the
 * database is as it was. Refuses a database migrated by a build this one does not know. On
 * PostgreSQL an advisory lock serialises instances that start together, so the second one waits
 * and then finds nothing left to do.
 */
export async function migrateDatabase(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const migrations = readMigrations(migrationsFolder);
  if (handle.kind === 'pglite') {
    await applyPending(drizzlePglite(handle.client), migrations);
    return;
  }
  const conn = await handle.client.connect();
  try {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await applyPending(drizzlePg(conn), migrations);
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    conn.release();
  }
}

// drizzle's own migrator keeps its bookkeeping in drizzle.__drizzle_migrations and applies what
// is newer than the last row; ours keeps both, adds the checks, and names the migration that failed.
async function applyPending(db: PgDatabase<PgQueryResultHKT>, migrations: Migration[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const result = await tx.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at`);
    const applied = ((result as { rows?: Applied[] }).rows ?? result) as Applied[];
    refuseIfAhead(applied, migrations);
    const lastApplied = applied.length ? Number(applied.at(-1)?.created_at) : -Infinity;
    const pending = migrations.filter((m) => m.when > lastApplied);
    const current = migrations.filter((m) => m.when <= lastApplied).at(-1)?.tag ?? 'no migrations';
    for (const m of pending) {
      try {
        for (const statement of m.statements) await tx.execute(sql.raw(statement));
        await tx.execute(
          sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.when})`,
        );
      } catch (error) {
        throw new MigrationFailedError(
          `migration ${m.tag} failed: ${databaseError(error)}. Nothing was changed: the pending migrations ` +
            `(${pending.map((p) => p.tag).join(', ')}) run in one transaction, which was rolled back, so the ` +
            `database is still at ${current}. Fix the cause and start again, or restore the backup taken before the upgrade.`,
          m.tag,
          { cause: error },
        );
      }
    }
  });
}
