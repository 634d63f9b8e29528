import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import { ACTIONS } from '../testing/access-registry';
import { actionIds, callAction, signIn } from './isolation/actions-over-http';
import { type RunningServer, type TestDatabase, createTestDatabase, seedDemo, startServer } from './pg-demo-server';

// Issue 17 item 4: two production servers on different ports, one PostgreSQL database. Whatever
// one of them knows (limits, sign-outs, stored logs, migrations) the other must know too.
const [dana, sam] = DEMO_ACCOUNTS;

test.describe('two servers on one PostgreSQL database', () => {
  let database: TestDatabase;
  let one: RunningServer;
  let two: RunningServer;
  let client: pg.Client;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    database = await createTestDatabase();
    // Both start on the empty database at once: each migrates it before it listens.
    one = startServer(database, 3406);
    two = startServer(database, 3407);
    await Promise.all([one.ready, two.ready]);
    seedDemo(database);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  test.afterAll(async () => {
    await client?.end();
    await Promise.all([one?.stop(), two?.stop()]);
    await database?.drop();
  });

  test('migrations started on both at once are applied once', async () => {
    const journal = JSON.parse(fs.readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };
    const { rows } = await client.query<{ n: number; distinct: number }>(
      `select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`,
    );
    expect(rows[0]).toEqual({ n: journal.entries.length, distinct: journal.entries.length });
  });

  test('a session signed out on one server is refused by the other', async () => {
    const cookie = await signIn(one.base, dana.email, dana.password);
    const visit = (base: string) => fetch(`${base}/dashboard`, { headers: { cookie }, redirect: 'manual' });
    expect((await visit(two.base)).status).toBe(200);
    const signOut = ACTIONS.find((a) => a.name === 'signOutAction')!;
    await callAction(one.base, '/dashboard', actionIds().get(`${signOut.file}#${signOut.name}`)!, {}, cookie);
    const after = await visit(two.base);
    expect(after.status).toBe(307);
    expect(after.headers.get('location')).toContain('/login');
  });

  test('limits count the sum of both: link guessing and failed sign-ins', async () => {
    const guess = (base: string) =>
      fetch(`${base}/p/${crypto.randomBytes(32).toString('base64url')}`, { redirect: 'manual' }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push(await guess(i % 2 ? two.base : one.base));
    expect(statuses.every((s) => s === 303)).toBe(true);
    expect(await guess(one.base)).toBe(429);
    expect(await guess(two.base)).toBe(429);

    // 5 wrong passwords for one account from one address, 3 on one server and 2 on the other:
    // neither saw 5, yet the right password is now refused on both.
    const attempt = async (base: string, password: string) => {
      try {
        await signIn(base, sam.email, password);
        return 'signed in';
      } catch {
        return 'refused';
      }
    };
    expect(await attempt(two.base, sam.password)).toBe('signed in');
    for (const base of [one.base, one.base, one.base, two.base, two.base])
      expect(await attempt(base, 'not-the-password')).toBe('refused');
    expect(await attempt(one.base, sam.password)).toBe('refused');
    expect(await attempt(two.base, sam.password)).toBe('refused');
  });

  test('a log retried on the other server is stored once', async () => {
    const { rows } = await client.query<{ exercise_id: string }>(
      `select i.exercise_id from patients p
         join plans pl on pl.patient_id = p.id and pl.status = 'active'
         join plan_versions v on v.plan_id = pl.id
         join plan_items i on i.plan_version_id = v.id
        where p.name = $1 order by v.version desc limit 1`,
      [DEMO_PATIENT_LINK.patientName],
    );
    const log = {
      idempotencyKey: crypto.randomUUID(),
      performedAt: new Date(Date.now() - 60_000).toISOString(),
      itemsDone: [rows[0]!.exercise_id],
      painBefore: 3,
      painAfter: 2,
    };
    const post = (base: string) =>
      fetch(`${base}/p/log`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `rc_patient=${DEMO_PATIENT_LINK.token}` },
        body: JSON.stringify(log),
      }).then((r) => r.status);
    expect(await post(one.base)).toBe(201);
    expect(await post(two.base)).toBe(200);
    const stored = await client.query(`select 1 from session_logs where idempotency_key = $1`, [log.idempotencyKey]);
    expect(stored.rowCount).toBe(1);
  });
});
