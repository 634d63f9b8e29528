import crypto from 'node:crypto';

/**
 * Every row of every table, as text. Rate-limit counters and the audit trail (its rows and its
 * per-clinic chain heads) are left out: a refused request is meant to count against a limit and
 * to be recorded.
 */
export type Snapshot = Map<string, Set<string>>;

const EXCLUDED = new Set(['rate_limits', 'audit_events', 'audit_chain_heads']);

/** A pg client or a PGlite instance. */
type Queryable = { query: <T>(sql: string) => Promise<{ rows: T[] }> };

export async function snapshot(client: Queryable, excluded: ReadonlySet<string> = EXCLUDED): Promise<Snapshot> {
  const tables = await client.query<{ name: string }>(
    `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name, tablename
       from pg_tables where schemaname in ('public', 'drizzle') order by 1`,
  );
  const result: Snapshot = new Map();
  for (const { name } of tables.rows) {
    if (excluded.has(name.split('.')[1]!.replaceAll('"', ''))) continue;
    const rows = await client.query<{ row: string }>(`select t::text as row from ${name} t`);
    result.set(name, new Set(rows.rows.map((r) => r.row)));
  }
  return result;
}

/** Per table: its row count and a checksum of its rows, to print beside a failure. */
export function checksums(s: Snapshot): Record<string, string> {
  return Object.fromEntries(
    [...s].map(([table, rows]) => [
      table,
      `${rows.size} rows, ${crypto
        .createHash('sha256')
        .update([...rows].sort().join('\n'))
        .digest('hex')
        .slice(0, 12)}`,
    ]),
  );
}

/** Rows that appeared or went (an update is both), by table. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Set<string>();
    for (const row of rows) if (!old.has(row)) out.push(`${table} + ${row}`);
    for (const row of old) if (!rows.has(row)) out.push(`${table} - ${row}`);
  }
  for (const table of before.keys()) if (!after.has(table)) out.push(`${table} dropped`);
  return out;
}
