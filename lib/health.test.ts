import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, openDatabase, rowsOf } from '@/db/client';
import { databaseIsReachable, databaseIsWritable, healthReport, migrationState } from './health';

/** A copy of the migrations folder whose journal names one migration more than the database has. */
function folderWithOneMore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollcall-migrations-'));
  const source = path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(source, 'utf8')) as { entries: { when: number; tag: string }[] };
  journal.entries.push({ ...journal.entries.at(-1)!, when: journal.entries.at(-1)!.when + 1, tag: '9999_next' });
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  return dir;
}

describe('health check', () => {
  it('reports the database reachable after a real query', async () => {
    expect(await databaseIsReachable()).toBe(true);
  });

  it('reports it unreachable when the server does not answer', async () => {
    const nowhere = openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      expect(await databaseIsReachable(2000, nowhere.db)).toBe(false);
      expect(await healthReport(nowhere.db, true)).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await nowhere.close();
    }
  });

  it('says when the build ships a migration the database does not have yet, or the database is ahead', async () => {
    expect(await migrationState(db(), folderWithOneMore())).toMatchObject({ state: 'pending' });
    const last = rowsOf<{ created_at: string }>(
      await db().execute(sql`select max(created_at)::text as created_at from drizzle.__drizzle_migrations`),
    )[0]!.created_at;
    await db().execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer', ${Number(last) + 1})`,
    );
    try {
      expect(await migrationState()).toMatchObject({ state: 'ahead' });
      expect(await healthReport(db(), true)).toMatchObject({ status: 'unavailable', migrations: 'ahead' });
    } finally {
      await db().execute(sql`delete from drizzle.__drizzle_migrations where hash = 'newer'`);
    }
  });

  it('says when the database refuses writes', async () => {
    // A read-only transaction stands in for a standby or a disk that refuses writes.
    // (The refused write aborts it; PGlite then reports the rollback, PostgreSQL does not.)
    let inReadOnly: boolean | undefined;
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`set transaction read only`);
        inReadOnly = await databaseIsWritable(tx);
      })
      .catch(() => undefined);
    expect(inReadOnly).toBe(false);
    expect(await databaseIsWritable()).toBe(true);
  });
});
