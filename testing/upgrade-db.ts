import fs from 'node:fs';
import path from 'node:path';
import { type DbHandle, openDatabase } from '@/db/client';
import { MIGRATIONS_FOLDER, migrateDatabase } from '@/db/migrate';
import { migrationsUpTo } from './migration-steps';
import { createThrowawayDatabase } from './throwaway';

/** Data at schema step k as that step's own seed wrote it (npm run db:upgrade-fixtures). */
export const fixture = (k: number) =>
  fs.readFileSync(path.join(MIGRATIONS_FOLDER, '..', 'upgrade-fixtures', `${String(k).padStart(4, '0')}.sql`), 'utf8');

/** The databases an upgrade is tested on: PGlite always, PostgreSQL when TEST_DATABASE_URL names a server. */
export const UPGRADE_TARGETS = [
  { name: 'PGlite', enabled: true },
  { name: 'PostgreSQL', enabled: Boolean(process.env.TEST_DATABASE_URL) },
];

/** A database of its own for one target (not the test run's), and how to get rid of it. */
export async function openTarget(name: string): Promise<{ handle: DbHandle; close: () => Promise<void> }> {
  if (name === 'PGlite') {
    const handle = openDatabase({ databaseUrl: '', pgliteDir: 'memory://' });
    return { handle, close: () => handle.close() };
  }
  const database = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!, 'rollcall_upgrades');
  const handle = openDatabase({ databaseUrl: database.url });
  return {
    handle,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

export type Row = Record<string, unknown>;
export type TableState = { columns: string[]; rows: Row[] };
export type State = Map<string, TableState>;

export const exec = async (handle: DbHandle, text: string) => {
  if (handle.kind === 'pglite') await handle.client.exec(text);
  else await handle.client.query(text);
};
export const query = async <T>(handle: DbHandle, text: string): Promise<T[]> =>
  handle.kind === 'pglite'
    ? ((await handle.client.query<T>(text)).rows as T[])
    : ((await handle.client.query(text)).rows as T[]);

/** Back to an empty database: what a fresh one is, without paying for initdb again. */
export const reset = (handle: DbHandle) =>
  exec(handle, 'drop schema if exists drizzle cascade; drop schema public cascade; create schema public;');

/** Loads a data-only dump as pg_restore --disable-triggers would: the rows as they were, triggers and checks of references off. */
export async function load(handle: DbHandle, text: string) {
  try {
    await exec(handle, `begin; set local session_replication_role = replica;\n${text}\ncommit;`);
  } catch (error) {
    await exec(handle, 'rollback');
    throw error;
  }
}

export async function migrateTo(handle: DbHandle, k: number) {
  const steps = migrationsUpTo(k);
  try {
    await migrateDatabase(handle, steps.folder);
  } finally {
    steps.remove();
  }
}

/** Every public table's rows (as jsonb, so values compare exactly), ordered by primary key. */
export async function state(handle: DbHandle): Promise<State> {
  const tables = await query<{ table_name: string; columns: string[]; pk: string[] | null }>(
    handle,
    `select t.table_name,
            (select array_agg(c.column_name::text order by c.ordinal_position) from information_schema.columns c
              where c.table_schema = 'public' and c.table_name = t.table_name) as columns,
            (select array_agg(k.column_name::text order by k.ordinal_position) from information_schema.table_constraints tc
               join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
              where tc.table_schema = 'public' and tc.table_name = t.table_name and tc.constraint_type = 'PRIMARY KEY') as pk
       from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE' order by 1`,
  );
  const result: State = new Map();
  for (const t of tables) {
    const order = (t.pk ?? t.columns).map((c) => `"${c}"`).join(', ');
    const [r] = await query<{ rows: Row[] }>(
      handle,
      `select coalesce(jsonb_agg(to_jsonb(x) order by ${order}), '[]') as rows from (select * from public."${t.table_name}" order by ${order}) x`,
    );
    result.set(t.table_name, { columns: t.columns, rows: r?.rows ?? [] });
  }
  return result;
}

/** The schema as information_schema and the catalogs describe it, and the migrations bookkeeping. */
export async function schema(handle: DbHandle) {
  return {
    columns: await query(
      handle,
      `select table_schema, table_name, column_name, data_type, is_nullable, column_default, is_generated
         from information_schema.columns where table_schema in ('public', 'drizzle') order by 1, 2, 3`,
    ),
    constraints: await query(
      handle,
      `select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def from pg_constraint
        where connamespace = 'public'::regnamespace order by 1, 2`,
    ),
    triggers: await query(handle, `select tgname from pg_trigger where not tgisinternal order by 1`),
    functions: await query(
      handle,
      `select proname from pg_proc where pronamespace = 'public'::regnamespace order by 1`,
    ),
    indexes: await query(handle, `select indexname from pg_indexes where schemaname = 'public' order by 1`),
    migrations: await query(handle, `select id, hash, created_at::text from drizzle.__drizzle_migrations order by id`),
  };
}

/** A database that was at step k, holding that step's data, upgraded to this build's latest. */
export async function upgradedFrom(handle: DbHandle, k: number): Promise<void> {
  await reset(handle);
  await migrateTo(handle, k);
  await load(handle, fixture(k));
  await migrateDatabase(handle);
}
