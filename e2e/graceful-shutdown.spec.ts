import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { type DemoServer, startDemoServer } from './pg-demo-server';

// Issue 17 item 3: on SIGTERM the server stops taking connections, finishes what is in flight,
// closes the database and exits 0. Under a stream of session logs, every log the server said it
// stored is stored once, every answer that started arrived whole, and the server exits 0.
const PORT = 3405;
const CLIENTS = 8;

type Link = { token: string; exerciseIds: string[] };

/** A link for every patient with a plan (the demo has one live link only), by SQL: token → hash. */
async function linksForEveryPatient(server: DemoServer): Promise<Link[]> {
  const { rows } = await server.client.query<{ clinic_id: string; patient_id: string; exercise_ids: string[] }>(
    `select p.clinic_id, p.id as patient_id, array_agg(i.exercise_id::text) as exercise_ids
       from patients p join plans pl on pl.patient_id = p.id and pl.status = 'active'
       join lateral (select v.id from plan_versions v where v.plan_id = pl.id order by v.version desc limit 1) v on true
       join plan_items i on i.plan_version_id = v.id
      group by p.clinic_id, p.id`,
  );
  const links: Link[] = [];
  for (const row of rows) {
    const token = crypto.randomBytes(32).toString('base64url');
    await server.client.query(
      `insert into patient_links (clinic_id, patient_id, token_hash, label) values ($1, $2, $3, 'Shutdown test')`,
      [row.clinic_id, row.patient_id, crypto.createHash('sha256').update(token).digest('hex')],
    );
    links.push({ token, exerciseIds: row.exercise_ids });
  }
  return links;
}

type Outcome = { key: string; status: number } | { key: string; error: string };

test('SIGTERM under a stream of session logs: nothing acknowledged is lost, nothing is cut off, exit 0', async () => {
  test.setTimeout(180_000);
  const server = await startDemoServer(PORT);
  try {
    const links = await linksForEveryPatient(server);
    expect(links.length).toBeGreaterThan(8);
    const outcomes: Outcome[] = [];
    let signalled = false;
    let answeredAfterSignal = 0;

    async function client(n: number) {
      for (let i = 0; ; i++) {
        const link = links[(n + i * CLIENTS) % links.length]!;
        const key = crypto.randomUUID();
        const started = signalled;
        try {
          const res = await fetch(`${server.base}/p/log`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: `rc_patient=${link.token}` },
            body: JSON.stringify({
              idempotencyKey: key,
              performedAt: new Date(Date.now() - 60_000).toISOString(),
              itemsDone: link.exerciseIds.slice(0, 1),
              painBefore: 3,
              painAfter: 2,
            }),
          });
          // The whole body, or the fetch fails: an answer that started and broke off is a failure.
          const text = await res.text();
          if (res.ok) expect(JSON.parse(text)).toBeTruthy();
          outcomes.push({ key, status: res.status });
          if (signalled && !started) answeredAfterSignal++;
        } catch (error) {
          outcomes.push({ key, error: String((error as Error).cause ?? error) });
          if (signalled) return; // the server has gone: as the phone does, stop and retry later
        }
      }
    }

    const running = Array.from({ length: CLIENTS }, (_, n) => client(n));
    // Let the stream settle, then ask the server to stop while requests are in flight.
    await expect.poll(() => outcomes.filter((o) => 'status' in o && o.status === 201).length).toBeGreaterThan(40);
    signalled = true;
    server.child.kill('SIGTERM');
    const code = await server.exited;
    await Promise.all(running);

    expect(code).toBe(0);
    // Requests already running when the signal came were answered, not dropped.
    expect(answeredAfterSignal).toBeGreaterThan(0);
    const acknowledged = outcomes.filter((o) => 'status' in o && (o.status === 200 || o.status === 201));
    const failures = outcomes.filter((o) => 'error' in o);
    // Only "could not connect" / "connection closed before an answer" once it stopped: never a
    // half-sent answer (that would have failed in res.text()).
    for (const f of failures)
      expect((f as { error: string }).error).toMatch(/ECONNREFUSED|ECONNRESET|other side closed|SocketError/);
    const stored = await server.client.query<{ key: string; n: number }>(
      `select idempotency_key::text as key, count(*)::int as n from session_logs where idempotency_key = any($1::uuid[]) group by 1`,
      [acknowledged.map((o) => o.key)],
    );
    expect(stored.rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(stored.rows.length).toBe(acknowledged.length);
    console.log(
      JSON.stringify({
        sent: outcomes.length,
        acknowledged: acknowledged.length,
        answeredAfterSignal,
        refusedConnections: failures.length,
        stored: stored.rows.length,
        exitCode: code,
      }),
    );
  } finally {
    await server.stop();
  }
});
