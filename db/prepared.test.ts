import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, dbHandle, executePrepared, rowsOf } from './client';

const square = (n: number) => sql`select ${n}::int * ${n}::int as v, ${`n${n}`}::text as label`;

describe('executePrepared (the hot statements, prepared once per connection)', () => {
  it('answers each call with its own parameters, many times over one text', async () => {
    const answers = await Promise.all(
      Array.from(
        { length: 40 },
        async (_, n) => rowsOf<{ v: number; label: string }>(await executePrepared(db(), square(n)))[0],
      ),
    );
    expect(answers).toEqual(Array.from({ length: 40 }, (_, n) => ({ v: n * n, label: `n${n}` })));
  });

  it('keeps two texts apart, and runs inside a transaction that can roll back', async () => {
    await db().execute(sql`create table if not exists prepared_probe (n int)`);
    await expect(
      db().transaction(async (tx) => {
        await executePrepared(tx, sql`insert into prepared_probe (n) values (${7}::int)`);
        const [row] = rowsOf<{ v: number }>(await executePrepared(tx, square(3)));
        expect(row?.v).toBe(9);
        if (dbHandle().kind === 'postgres') {
          // On PostgreSQL the statements are named on the transaction's connection.
          const names = rowsOf<{ name: string }>(await tx.execute(sql`select name from pg_prepared_statements`));
          expect(names.filter((r) => r.name.startsWith('rc_')).length).toBeGreaterThanOrEqual(2);
        }
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(rowsOf(await db().execute(sql`select * from prepared_probe`))).toHaveLength(0);
    await db().execute(sql`drop table prepared_probe`);
  });
});
