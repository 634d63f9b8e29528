import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, dbHandle, openDatabase, rowsOf } from './client';
import { migrateDatabase } from './migrate';
import { hasAnyClinic, seedDemo } from '@/scripts/seed/demo';
import { clinics, users } from './schema';

describe('migrations', () => {
  it('are idempotent: applying them again changes nothing', async () => {
    await migrateDatabase(dbHandle());
    const [row] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`information_schema.tables`)
      .where(sql`table_schema = 'public' and table_name = 'users'`);
    expect(row?.n).toBe(1);
  });

  it('store the stored figures at fillfactor 50, so a refresh updates rows in place (HOT)', async () => {
    // Measured on the bench database: at the default, 2,715 of 50,000 refresh updates were HOT and
    // the table grew to 22 MB for 2,000 rows; at 50, 24,000 of 24,000 and 1.9 MB (migration 0015).
    const [row] = rowsOf<{ options: string[] | null }>(
      await db().execute(sql`select reloptions as options from pg_class where oid = 'patient_figures'::regclass`),
    );
    expect(row?.options).toContain('fillfactor=50');
  });

  it.runIf(dbHandle().kind === 'postgres')(
    'are safe when several instances start at once (advisory lock)',
    async () => {
      const url = process.env.DATABASE_URL;
      const instances = Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url }));
      try {
        await expect(Promise.all(instances.map((h) => migrateDatabase(h)))).resolves.toHaveLength(4);
      } finally {
        await Promise.all(instances.map((h) => h.close()));
      }
    },
  );
});

describe('the demo seed', () => {
  it('creates two clinics and three practitioners once, and is safe to run again', async () => {
    await seedDemo(db());
    const again = await seedDemo(db());
    expect(again).toEqual({ clinics: 0, users: 0, patients: 0 });
    expect(await hasAnyClinic(db())).toBe(true);
    const demo = await db()
      .select({ slug: clinics.slug, email: users.email, role: users.role })
      .from(users)
      .innerJoin(clinics, sql`${clinics.id} = ${users.clinicId}`)
      .where(sql`${clinics.slug} in ('harbour', 'northside')`);
    expect(demo).toHaveLength(3);
    expect(
      demo
        .filter((d) => d.slug === 'harbour')
        .map((d) => d.role)
        .sort(),
    ).toEqual(['admin', 'practitioner']);
  });
});
