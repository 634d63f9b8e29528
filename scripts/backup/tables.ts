import type { DbHandle } from '@/db/client';

type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

function queryOf(handle: DbHandle): Query {
  return handle.kind === 'pglite'
    ? (sql) => handle.client.query<Record<string, unknown>>(sql)
    : (sql) => handle.client.query(sql);
}

/** Every table of the app's schemas with its row count: what a backup holds, printed by both scripts. */
export async function tableCounts(handle: DbHandle): Promise<Record<string, number>> {
  const query = queryOf(handle);
  const tables = await query(
    `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name
       from pg_tables where schemaname in ('public', 'drizzle') order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows as { name: string }[]) {
    const { rows } = await query(`select count(*)::int as n from ${name}`);
    counts[name] = (rows[0] as { n: number }).n;
  }
  return counts;
}

export const totalRows = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
