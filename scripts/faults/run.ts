// npm run test:faults — does every acknowledged session log survive a killed server and a
// crashed database? Many clients post logs (with idempotency keys, retrying what got no answer
// as the phone's queue does) to the production server while it is killed with SIGKILL and
// restarted and, on PostgreSQL, while the database is stopped with `pg_ctl -m immediate` and
// restarted. Prints one JSON object; exits 1 if a log was lost, stored twice or half-written.
//   --db postgres|pglite|both   which database (default postgres: its own throwaway cluster)
//   --clients N                 concurrent clients (default 32)
//   --logs N                    logs per client (default 24)
//   --server-kills N            SIGKILLs of the server (default 2)
//   --db-crashes N              immediate stops of PostgreSQL (default 1; none on PGlite)
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { type Tally, planLogs, runClients } from './clients';
import { createCluster } from './cluster';
import { seedFaultPatients } from './seed';
import { buildExists, spawnServer, type ServerProcess, waitUntilReady } from './server';
import { verify } from './verify';

const { values: flags } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    clients: { type: 'string', default: '32' },
    logs: { type: 'string', default: '24' },
    'server-kills': { type: 'string', default: '2' },
    'db-crashes': { type: 'string', default: '1' },
  },
});
const CLIENTS = Number(flags.clients);
const LOGS = Number(flags.logs);
/** Under the link's burst allowance of 12 (lib/patient-portal/log-rate-limit.ts). */
const PER_LINK = 8;
const say = (msg: string) => process.stderr.write(`[faults] ${msg}\n`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function runOnce(kind: 'postgres' | 'pglite') {
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `rollcall-faults-${kind}-`));
  const cluster = kind === 'postgres' ? createCluster(await freePort()) : null;
  const serverKills = Number(flags['server-kills']);
  const dbCrashes = kind === 'postgres' ? Number(flags['db-crashes']) : 0;
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: crypto.randomBytes(32).toString('base64url') };
  if (cluster) env.DATABASE_URL = cluster.url;
  else Object.assign(env, { DATABASE_URL: '', PGLITE_DIR: path.join(work, 'pglite') });
  const open = () => openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });

  const setup = open();
  await migrateDatabase(setup);
  const links = await seedFaultPatients(setup.db, CLIENTS * Math.ceil(LOGS / PER_LINK));
  await setup.close();
  const plan = planLogs(links, CLIENTS, LOGS, PER_LINK);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(work, 'server.log');
  let server: ServerProcess = spawnServer(env, port, logFile);
  await waitUntilReady(base, server);
  say(`${kind}: ${CLIENTS} clients × ${LOGS} logs against ${base}`);

  const tally: Tally = { sent: 0, acknowledged: new Set(), retried: 0, rejected: [], unanswered: [] };
  const total = CLIENTS * LOGS;
  // The kinds alternate (server, database, server, ...), spread evenly over the run.
  const kinds: ('server' | 'database')[] = [];
  for (let s = serverKills, d = dbCrashes; s + d > 0;) {
    if (s > 0 && (kinds.at(-1) !== 'server' || d === 0)) {
      kinds.push('server');
      s--;
    } else {
      kinds.push('database');
      d--;
    }
  }
  const schedule = kinds.map((what, i) => ({ what, at: Math.round(((i + 1) * total) / (kinds.length + 1)) }));
  const events: { fault: string; afterAcknowledged: number; inFlight: number; downMs: number }[] = [];
  const deadline = Date.now() + 10 * 60_000;
  const clients = runClients(base, plan, tally, deadline);
  let clientsDone = false;
  void clients.finally(() => (clientsDone = true));
  for (const fault of schedule) {
    while (!clientsDone && tally.acknowledged.size < fault.at) await new Promise((r) => setTimeout(r, 20));
    if (clientsDone) break;
    const down = Date.now();
    const inFlight = tally.sent - tally.acknowledged.size - tally.rejected.length;
    if (fault.what === 'server') {
      server.child.kill('SIGKILL');
      await server.exited;
      server = spawnServer(env, port, logFile);
      await waitUntilReady(base, server);
    } else {
      cluster!.crash();
      await new Promise((r) => setTimeout(r, 1000));
      cluster!.start();
    }
    events.push({ fault: fault.what, afterAcknowledged: fault.at, inFlight, downMs: Date.now() - down });
    say(`${fault.what} fault after ${fault.at} acknowledged: back in ${Date.now() - down} ms`);
  }
  await clients;

  // A retry that arrives after the answer was lost (here: every fourth acknowledged log, sent
  // again to the restarted server) must be answered as a duplicate and store nothing.
  const replays = plan.flat().filter((log, i) => i % 4 === 0 && tally.acknowledged.has(log.key));
  let replayedAsDuplicate = 0;
  for (const log of replays) {
    const response = await fetch(`${base}/p/log`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `rc_patient=${log.link.token}` },
      body: JSON.stringify(log.body),
    });
    if (response.status === 200 && ((await response.json()) as { status?: string }).status === 'duplicate')
      replayedAsDuplicate++;
  }

  server.child.kill('SIGTERM');
  await server.exited;
  const check = open();
  const verdict = await verify(check.db, plan, tally);
  await check.close();
  cluster?.destroy();
  fs.rmSync(work, { recursive: true, force: true });
  return {
    database: kind === 'postgres' ? 'PostgreSQL (throwaway cluster, fsync on)' : 'PGlite (data folder)',
    clients: CLIENTS,
    logsPerClient: LOGS,
    faults: events,
    sent: tally.sent,
    acknowledged: tally.acknowledged.size,
    retried: tally.retried,
    replayed: replays.length,
    replayedAsDuplicate,
    ...verdict,
    rejected: tally.rejected.length,
    rejectedExamples: tally.rejected.slice(0, 3),
    unanswered: tally.unanswered.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

if (!buildExists()) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}
const kinds = flags.db === 'both' ? (['postgres', 'pglite'] as const) : [flags.db as 'postgres' | 'pglite'];
if (!kinds.every((k) => k === 'postgres' || k === 'pglite')) {
  console.error('--db is postgres, pglite or both');
  process.exit(1);
}
const results: Record<string, Awaited<ReturnType<typeof runOnce>>> = {};
for (const kind of kinds) results[kind] = await runOnce(kind);
const failed = Object.values(results).some(
  (r) =>
    r.lost > 0 ||
    r.duplicates > 0 ||
    r.halfWritten > 0 ||
    r.rejected > 0 ||
    r.unanswered > 0 ||
    r.stored !== r.sent ||
    r.replayedAsDuplicate !== r.replayed,
);
console.log(JSON.stringify(kinds.length === 1 ? results[kinds[0]!] : results, null, 2));
process.exit(failed ? 1 : 0);
