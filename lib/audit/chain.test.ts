import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Database, db, dbHandle, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { auditEvents } from '@/db/schema';
import { audit } from '@/lib/audit';
import { seedDemo } from '@/scripts/seed/demo';
import { createClinicWithTeam } from '@/testing/factories';
import { GENESIS_HASH, verifyAuditChains } from './chain';

const run = promisify(execFile);

async function clinicWithEvents(count: number) {
  const { clinic, admin } = await createClinicWithTeam();
  for (let i = 0; i < count; i++) {
    await audit(db(), admin, { action: 'test.event', subjectType: 'clinic', subjectId: clinic.id, detail: { i } });
  }
  const rows = await db()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.clinicId, clinic.id))
    .orderBy(asc(auditEvents.seq));
  return { clinic, admin, rows };
}

const brokenIn = async (clinicId: string) =>
  (await verifyAuditChains(db())).broken.filter((b) => b.clinicId === clinicId);

/** What someone with the database's superuser could do: switch the guard off, change rows, switch it on. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db().transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

describe('the audit chain', () => {
  it('verifies on the demo data, each clinic numbered from 1 and linked from the genesis hash', async () => {
    await seedDemo(db());
    const { clinic, rows } = await clinicWithEvents(3);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
    const report = await verifyAuditChains(db());
    expect(report).toMatchObject({ ok: true, broken: [] });
    expect(report.rows).toBeGreaterThanOrEqual(3);
    expect(await brokenIn(clinic.id)).toEqual([]);
  });

  it('ignores what an insert says about its place in the chain', async () => {
    const { clinic, admin } = await createClinicWithTeam();
    await db().insert(auditEvents).values({
      clinicId: clinic.id,
      actorUserId: admin.userId,
      action: 'test.forged',
      subjectType: 'clinic',
      seq: 99,
      prevHash: 'x',
      hash: 'y',
    });
    const [row] = await db().select().from(auditEvents).where(eq(auditEvents.clinicId, clinic.id));
    expect(row).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(row!.hash).not.toBe('y');
  });

  it('the database refuses UPDATE and DELETE, even of no rows', async () => {
    const { clinic } = await clinicWithEvents(1);
    const refusal = (query: PromiseLike<unknown>) =>
      Promise.resolve(query).then(
        () => 'allowed',
        (e: Error & { cause?: Error }) => (e.cause ?? e).message,
      );
    expect(
      await refusal(db().update(auditEvents).set({ action: 'x' }).where(eq(auditEvents.clinicId, clinic.id))),
    ).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(db().delete(auditEvents).where(eq(auditEvents.clinicId, clinic.id)))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(db().execute(sql`delete from audit_events where false`))).toMatch(/append-only/);
    expect(await db().select().from(auditEvents).where(eq(auditEvents.clinicId, clinic.id))).toHaveLength(1);
  });

  it('names an edited row', async () => {
    const { clinic, rows } = await clinicWithEvents(3);
    await tamper(sql`update audit_events set subject_id = 'someone-else' where id = ${rows[1]!.id}`);
    expect(await brokenIn(clinic.id)).toEqual([
      { clinicId: clinic.id, id: String(rows[1]!.id), reason: expect.stringMatching(/edited/) },
    ]);
  });

  it('names the row after a removed one, and notices the newest rows removed', async () => {
    const middle = await clinicWithEvents(3);
    await tamper(sql`delete from audit_events where id = ${middle.rows[1]!.id}`);
    expect(await brokenIn(middle.clinic.id)).toEqual([
      { clinicId: middle.clinic.id, id: String(middle.rows[2]!.id), reason: expect.stringMatching(/missing/) },
    ]);

    const newest = await clinicWithEvents(3);
    await tamper(sql`delete from audit_events where id = ${newest.rows[2]!.id}`);
    expect(await brokenIn(newest.clinic.id)).toEqual([
      {
        clinicId: newest.clinic.id,
        id: String(newest.rows[1]!.id),
        reason: expect.stringMatching(/newest rows removed/),
      },
    ]);
  });

  it('two clinics writing at once each keep one unbroken chain', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    // On PostgreSQL these run on separate connections and meet at the chain head's lock.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db().transaction(async (tx) => {
          const actor = i % 2 ? a.admin : b.admin;
          await audit(tx, actor, { action: 'test.concurrent', subjectType: 'clinic', subjectId: actor.clinicId });
          await audit(tx, actor, { action: 'test.concurrent', subjectType: 'clinic', subjectId: actor.clinicId });
        }),
      ),
    );
    for (const clinicId of [a.clinic.id, b.clinic.id]) {
      const rows = await db()
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.clinicId, clinicId))
        .orderBy(asc(auditEvents.seq));
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await brokenIn(clinicId)).toEqual([]);
    }
  });

  it('a failed change leaves no audit row and no gap', async () => {
    const { clinic, admin } = await clinicWithEvents(1);
    await expect(
      db().transaction(async (tx) => {
        await audit(tx, admin, { action: 'test.rolled_back', subjectType: 'clinic' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await audit(db(), admin, { action: 'test.after', subjectType: 'clinic' });
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.clinicId, clinic.id))
      .orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => [r.seq, r.action])).toEqual([
      [1, 'test.event'],
      [2, 'test.after'],
    ]);
    expect(await brokenIn(clinic.id)).toEqual([]);
  });
});

describe('npm run audit:verify', () => {
  it('prints the report and exits 0, then 1 naming the row once one is edited', async () => {
    // Its own database, since the script opens one the way every script does.
    const testUrl = process.env.DATABASE_URL;
    const dir = testUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'rollcall-audit-'));
    const handle = testUrl ? dbHandle() : openDatabase({ databaseUrl: '', pgliteDir: dir! });
    let database: Database = handle.db;
    if (dir) await migrateDatabase(handle);
    if (dir) await seedDemo(database);
    const [{ id: clinicId } = { id: '' }] = await database
      .execute(sql`select id::text as id from clinics limit 1`)
      .then((r) => (r as { rows?: { id: string }[] }).rows ?? []);
    await audit(database, { clinicId, userId: null }, { action: 'test.script', subjectType: 'clinic' });
    await audit(database, { clinicId, userId: null }, { action: 'test.script', subjectType: 'clinic' });
    if (dir) await handle.close();

    const env = { ...process.env, ...(dir ? { DATABASE_URL: '', PGLITE_DIR: dir } : {}) };
    const verify = () =>
      run('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/audit-verify.ts'], { env }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const before = await verify();
    const parsed = JSON.parse(before.out) as {
      ok: boolean;
      rows: number;
      clinics: number;
      broken: { clinicId: string }[];
    };
    // On a shared PostgreSQL test database other tests' clinics are there too; only ours must hold.
    expect(parsed.broken.filter((b) => b.clinicId === clinicId)).toEqual([]);
    if (dir) expect(before).toMatchObject({ code: 0 });
    expect(parsed.rows).toBeGreaterThanOrEqual(2);

    const reopened = dir ? openDatabase({ databaseUrl: '', pgliteDir: dir }) : handle;
    database = reopened.db;
    const [edited] = await database
      .execute(
        sql`select id::text as id from audit_events where clinic_id = ${clinicId}::uuid and action = 'test.script' order by seq limit 1`,
      )
      .then((r) => (r as { rows?: { id: string }[] }).rows ?? []);
    await database.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await tx.execute(sql`update audit_events set action = 'test.nothing_happened' where id = ${edited!.id}::bigint`);
      await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    });
    if (dir) await reopened.close();

    const after = await verify();
    expect(after.code).toBe(1);
    expect((JSON.parse(after.out) as { ok: boolean; broken: unknown[] }).broken).toContainEqual({
      clinicId,
      id: edited!.id,
      reason: expect.stringMatching(/edited/),
    });
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
