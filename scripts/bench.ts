// npm run bench — the performance benchmark. Prepares its own database (a throwaway database on
// the PostgreSQL server named by DATABASE_URL, else a fresh PGlite folder), seeds a clinic
// network with a generator, starts the production server and prints one JSON object of figures.
//   --clinics N     clinics in all, the measured one included (default 21)
//   --patients N    active patients per clinic (default 2000)
//   --days N        days of history per patient (default 90)
//   --seconds N     seconds per HTTP measurement (default 10)
//   --no-build      use the existing production build
//   --keep          keep the generated database afterwards
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createThrowawayDatabase } from '@/testing/throwaway';

const { values: flags } = parseArgs({
  options: {
    clinics: { type: 'string', default: '21' },
    patients: { type: 'string', default: '2000' },
    days: { type: 'string', default: '90' },
    seconds: { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
    // Leave the generated database in place (its URL goes to stderr), e.g. to EXPLAIN queries.
    keep: { type: 'boolean', default: false },
  },
});
const CLINICS = Number(flags.clinics);
const PATIENTS = Number(flags.patients);
const DAYS = Number(flags.days);
const SECONDS = Number(flags.seconds);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const root = process.cwd();
const run = crypto.randomBytes(3).toString('hex');
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

// --- the database -----------------------------------------------------------------------------
const serverUrl = process.env.DATABASE_URL;
let dropDatabase: (() => Promise<void>) | null = null;
const serverEnv: Record<string, string> = {};
if (serverUrl) {
  const database = await createThrowawayDatabase(serverUrl, 'rollcall_bench');
  process.env.DATABASE_URL = database.url;
  serverEnv.DATABASE_URL = database.url;
  dropDatabase = database.drop;
} else {
  const dir = path.join(root, '.data', `bench-${run}`);
  process.env.PGLITE_DIR = path.join(dir, 'pglite');
  serverEnv.PGLITE_DIR = process.env.PGLITE_DIR;
  serverEnv.DATABASE_URL = '';
  dropDatabase = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const { closeDb, db, dbHandle, rowsOf } = await import('@/db/client');
const { migrateDatabase } = await import('@/db/migrate');
const { builtinIdsBySlug, seedReference } = await import('@/scripts/seed/reference');
const { hashPassword } = await import('@/lib/auth/password');
const { hashToken } = await import('@/lib/patient-portal/link-access');
const { adherenceByPatient } = await import('@/lib/adherence/adherence');
const { LOG_LIMITS } = await import('@/lib/patient-portal/log-rate-limit');
/** Patient links for the write measurement: twice the 600/s target over its warm-up and run, at
 * the logs a link may store in a burst (12 in 10 minutes). */
const LINKS = Math.ceil((2 * 600 * (SECONDS + Math.min(SECONDS, 5))) / LOG_LIMITS.burst.points);
const { sql } = await import('drizzle-orm');

const ms = (t: number) => Number(t.toFixed(2));
/** Nearest-rank percentile of already sorted figures. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return ms(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  ) ?? 0;

const password = `bench-${run}-password`;
const email = `bench-admin-${run}@bench.example.com`;
const patientTokens: string[] = [];
let measuredClinicId = '';
let measuredPatientId = '';
let rawSql: { median_ms: number; runs: number; patients: number } | null = null;
/** The exercises every generated plan holds: a session log names the ones done. */
let planExercises: string[] = [];

try {
  const started = Date.now();
  await migrateDatabase(dbHandle());
  await seedReference(db());
  const ids = await builtinIdsBySlug(db());
  const [ex1, ex2] = [ids.get('thoracic-extension')!, ids.get('upper-back-roll-bridge')!];
  planExercises = [ex1, ex2];
  const hash = await hashPassword(password);
  const zones = [
    'America/Los_Angeles',
    'America/New_York',
    'Europe/London',
    'Europe/Berlin',
    'Pacific/Auckland',
    'Asia/Tokyo',
    'Australia/Sydney',
  ];

  // Clinics, staff and patients.
  await db().execute(sql`
    insert into clinics (name, slug, timezone)
    select 'Bench clinic ' || i, ${`bench-${run}-`} || i, (${`{${zones.join(',')}}`}::text[])[1 + i % ${zones.length}::int]
    from generate_series(0, ${CLINICS - 1}::int) as i`);
  const clinicRows = rowsOf<{ id: string; slug: string }>(
    await db().execute(sql`select id, slug from clinics where slug like ${`bench-${run}-%`} order by slug`),
  );
  measuredClinicId = clinicRows.find((c) => c.slug === `bench-${run}-0`)!.id;
  await db().execute(sql`
    insert into users (clinic_id, name, email, password_hash, role, discipline)
    select c.id, 'Practitioner ' || n, case when c.id = ${measuredClinicId}::uuid and n = 0 then ${email} else 'bench-' || ${run} || '-' || c.slug || '-' || n || '@bench.example.com' end,
           ${hash}, case when n = 0 then 'admin' else 'practitioner' end, 'physical_therapist'
    from clinics c cross join generate_series(0, 4) as n
    where c.slug like ${`bench-${run}-%`}`);
  await db().execute(sql`
    insert into patients (clinic_id, name, timezone, status, primary_practitioner_id)
    select c.id, 'Patient ' || n, (${`{${zones.join(',')}}`}::text[])[1 + n % ${zones.length}::int], 'active',
           (select u.id from users u where u.clinic_id = c.id order by u.email offset (n % 5) limit 1)
    from clinics c cross join generate_series(1, ${PATIENTS}::int) as n
    where c.slug like ${`bench-${run}-%`}`);
  log(`patients: ${CLINICS * PATIENTS} (${Math.round((Date.now() - started) / 1000)} s)`);

  // One plan each, changed twice: versions at the start, +30 and +60 days.
  await db().execute(sql`
    insert into plans (clinic_id, patient_id, start_date, status)
    select p.clinic_id, p.id, (now() at time zone p.timezone)::date - ${DAYS}::int, 'active'
    from patients p join clinics c on c.id = p.clinic_id where c.slug like ${`bench-${run}-%`}`);
  await db().execute(sql`
    insert into plan_versions (clinic_id, plan_id, version, effective_date, reason)
    select pl.clinic_id, pl.id, v, pl.start_date + (v - 1) * 30, case v when 1 then 'Assigned' else 'Progressed' end
    from plans pl join clinics c on c.id = pl.clinic_id cross join generate_series(1, 3) as v
    where c.slug like ${`bench-${run}-%`} and pl.start_date + (v - 1) * 30 <= current_date`);
  await db().execute(sql`
    insert into plan_items (clinic_id, plan_version_id, position, exercise_id, sessions_per_day, days_of_week, hold_seconds, reps, sets)
    select v.clinic_id, v.id, x.pos, x.ex, case when v.version = 3 then 2 else 1 end, '{1,2,3,4,5}'::smallint[], 30 + v.version * 10, 3, 1
    from plan_versions v join clinics c on c.id = v.clinic_id
    cross join (values (0, ${ex1}::uuid), (1, ${ex2}::uuid)) as x(pos, ex)
    where c.slug like ${`bench-${run}-%`}`);
  log(`plans and versions (${Math.round((Date.now() - started) / 1000)} s)`);

  // About 90 days of logs at realistic adherence (weekdays, 60 % of prescribed sessions).
  await db().execute(sql`
    insert into session_logs (clinic_id, patient_id, plan_id, plan_version_id, performed_at, local_day, items_done, pain_before, pain_after, symptoms, idempotency_key, payload_hash)
    select pl.clinic_id, pl.patient_id, pl.id,
           (select v.id from plan_versions v where v.plan_id = pl.id and v.effective_date <= g.d::date order by v.version desc limit 1),
           (g.d::date + time '08:00') at time zone p.timezone, g.d::date, array[${ex1}::uuid, ${ex2}::uuid],
           3 + floor(random() * 3)::int, 2 + floor(random() * 3)::int, '{}', gen_random_uuid(), md5(random()::text)
    from plans pl
    join patients p on p.id = pl.patient_id
    join clinics c on c.id = pl.clinic_id
    cross join lateral generate_series(pl.start_date, (now() at time zone p.timezone)::date - 1, interval '1 day') as g(d)
    where c.slug like ${`bench-${run}-%`} and extract(isodow from g.d) < 6 and random() < 0.6`);
  // patients.last_session_at comes from the session_logs trigger, as it does for the app's writes.
  // As a live database would be after autovacuum: statistics, and the triggers' dead rows gone.
  await db().execute(sql`vacuum analyze`);
  // And the load's dirty pages written out now, so no checkpoint is flushing gigabytes of them
  // while the pages are measured (the 100-clinic load writes ~4 GB).
  await db().execute(sql`checkpoint`);
  const [{ n: logCount }] = rowsOf<{ n: number }>(
    await db().execute(sql`select count(*)::int as n from session_logs`),
  ) as [{ n: number }];
  log(`session logs: ${logCount} (${Math.round((Date.now() - started) / 1000)} s)`);

  // A link for every patient of the measured clinic. Each link may store 12 logs in 10 minutes
  // (lib/patient-portal/log-rate-limit.ts), so the write measurement needs hundreds of links: with
  // the 64 this bench used to make, all but the first 768 writes were refused with 429 and the
  // figure measured refusals. The cookie is the token itself (lib/patient-portal/session.ts).
  const linkPatients = rowsOf<{ id: string }>(
    await db().execute(sql`select id from patients where clinic_id = ${measuredClinicId}::uuid order by id`),
  );
  // A clinic of 500 patients had only 6,000 writes' worth of links for the ~6,600 of the warm-up
  // and the measurement: 79 were refused. So there are at least LINKS links, several a patient
  // when the clinic is small, and the first is the measured patient's.
  measuredPatientId = linkPatients[0]!.id;
  const hashes: string[] = [];
  const linkOwners: string[] = [];
  for (let k = 0; k < Math.max(LINKS, linkPatients.length); k++) {
    const token = crypto.randomBytes(32).toString('base64url');
    patientTokens.push(token);
    hashes.push(hashToken(token));
    linkOwners.push(linkPatients[k % linkPatients.length]!.id);
  }
  await db().execute(sql`
    insert into patient_links (clinic_id, patient_id, token_hash, label)
    select ${measuredClinicId}::uuid, p, h, 'bench'
    from unnest(${`{${linkOwners.join(',')}}`}::uuid[], ${`{${hashes.join(',')}}`}::text[]) as t(p, h)`);

  // The roster's adherence figures computed from scratch (read and counted), in this process.
  await adherenceByPatient(measuredClinicId);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await adherenceByPatient(measuredClinicId);
    times.push(performance.now() - t);
  }
  rawSql = { median_ms: median(times), runs: times.length, patients: PATIENTS };
  log(`raw adherence figures: ${rawSql.median_ms} ms`);
  (globalThis as { __benchLogCount?: number }).__benchLogCount = logCount;
} catch (error) {
  await closeDb();
  await dropDatabase?.();
  throw error;
} finally {
  await closeDb();
}

// --- the server -------------------------------------------------------------------------------
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const env = {
  ...process.env,
  ...serverEnv,
  NEXT_TELEMETRY_DISABLED: '1',
  LOG_LEVEL: 'warn',
  AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
};
if (!flags['no-build'] || !fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (build.status !== 0) {
    if (!flags.keep) await dropDatabase?.();
    process.exit(build.status ?? 1);
  }
}
// The production start (npm run serve), with WEB_CONCURRENCY server processes if given.
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const server = spawn(process.execPath, [tsxCli, 'scripts/start.ts', '--no-build'], {
  stdio: 'ignore',
  env: { ...env, PORT: String(PORT) },
});
const serverProcesses = serverEnv.DATABASE_URL ? Number(process.env.WEB_CONCURRENCY ?? 1) : 1;

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy');
}

async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE}/dashboard` }),
  });
  const session = (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('authjs.session-token='));
  if (!session) throw new Error('bench sign-in failed');
  return session;
}

/**
 * Runs autocannon and records every response's time, so p95 is exact (autocannon's own summary
 * gives p90 and p97.5 only).
 */
async function measure(options: autocannon.Options) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, res) => (error ? reject(error) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const figures = {
    p50_ms: percentile(times, 50),
    p90_ms: percentile(times, 90),
    p95_ms: percentile(times, 95),
    p99_ms: percentile(times, 99),
  };
  return { result, figures };
}

async function load(url: string, connections: number, headers: Record<string, string>) {
  const { result, figures } = await measure({ url, connections, duration: SECONDS, headers });
  if (result.non2xx > 0) log(`${url}: ${result.non2xx} non-2xx answers`);
  return { ...figures, rps: result.requests.average, requests: result.requests.total, non2xx: result.non2xx };
}

/**
 * The dashboard reads stored figures (lib/adherence/figures.ts) while they are current; this times the
 * first page view after every patient's figures went out of date (as after midnight), so the
 * whole roster is recomputed inside the request. PostgreSQL only: PGlite's folder is the server's.
 */
async function coldDashboard(session: string) {
  if (!serverEnv.DATABASE_URL) return null;
  const { Client } = (await import('pg')).default;
  const client = new Client({ connectionString: serverEnv.DATABASE_URL });
  await client.connect();
  const times: number[] = [];
  try {
    for (let k = 0; k < 5; k++) {
      await client.query('update patients set figures_version = figures_version + 1 where clinic_id = $1', [
        measuredClinicId,
      ]);
      const t = performance.now();
      const res = await fetch(`${BASE}/dashboard`, { headers: { cookie: session } });
      await res.text();
      if (!res.ok) log(`cold dashboard: ${res.status}`);
      times.push(performance.now() - t);
    }
  } finally {
    await client.end();
  }
  return { median_ms: median(times), runs: times.length };
}

try {
  await waitForHealth();
  const session = await signIn();
  // The phone page is opened once through its link, as a patient does; the writes use the cookies.
  await fetch(`${BASE}/p/${patientTokens[0]}`, { redirect: 'manual' });
  const patientCookies = patientTokens.map((t) => `rc_patient=${t}`);
  const practitioner = { cookie: session };
  const phone = { cookie: patientCookies[0]! };
  /** One page measured as every page is: warmed up unrecorded, then 1 and 8 clients. */
  async function page(url: string, headers: Record<string, string>) {
    await load(url, 1, headers);
    return { c1: await load(url, 1, headers), c8: await load(url, 8, headers) };
  }
  // The floor: the cheapest signed-in dynamic page (the practitioner's own profile: the proxy,
  // the session check, the app shell's two reads and one small query) and the cheapest route
  // handler (the health check: one `select 1`). Every page's throughput is given as a fraction
  // of the first, every write's of the second, measured in this run: absolute figures drift by a
  // quarter from one run to the next on these machines, the ratios much less.
  const floorPage = await page(`${BASE}/settings/profile`, practitioner);
  const dashboard = await page(`${BASE}/dashboard`, practitioner);
  const dashboardCold = await coldDashboard(session);
  // A patient's page as the practitioner sees it (plan, screening, logs, alerts, links), its
  // 12-week progress page, and the patient's own phone page behind their link.
  const record = await page(`${BASE}/patients/${measuredPatientId}`, practitioner);
  const progress = await page(`${BASE}/patients/${measuredPatientId}/progress`, practitioner);
  const phonePage = await page(`${BASE}/p`, phone);
  await load(`${BASE}/api/health`, 16, {});
  const floorRoute = await load(`${BASE}/api/health`, 16, {});

  // Session logs from the patients' phones, each with a new idempotency key, 16 at a time.
  let i = 0;
  const writeLoad = (duration: number) =>
    measure({
      url: `${BASE}/p/log`,
      connections: 16,
      duration,
      method: 'POST',
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const cookie = patientCookies[i++ % patientCookies.length]!;
            return {
              ...req,
              headers: { ...req.headers, cookie, 'content-type': 'application/json' },
              body: JSON.stringify({
                idempotencyKey: crypto.randomUUID(),
                performedAt: new Date().toISOString(),
                itemsDone: planExercises,
                painBefore: 2,
                painAfter: 2,
                symptoms: [],
              }),
            };
          },
        },
      ],
    });
  // Like the pages above, the write path is warmed up first, unrecorded: on a fresh server its
  // first 8 s ran at 267-275 requests/s against 330-450 after, whichever build was measured.
  await writeLoad(Math.min(SECONDS, 5));
  const { result: writes, figures: writeFigures } = await writeLoad(SECONDS);
  const dashboardP50 = dashboard.c1.p50_ms ?? 0;
  const write = {
    rps: writes.requests.average,
    ...writeFigures,
    non2xx: writes.non2xx,
    requests: writes.requests.total,
  };
  const ratio = (rps: number, floor: number) => (floor > 0 ? Number((rps / floor).toFixed(2)) : null);
  const ofFloor = (p: { c8: { rps: number } }) => ratio(p.c8.rps, floorPage.c8.rps);
  // Each target, and whether this run met it.
  const targets = [
    ['dashboard c8 throughput / floor page', ofFloor(dashboard), '>=', 0.5],
    ['dashboard c8 p95 ms', dashboard.c8.p95_ms, '<', 150],
    ['dashboard first view after the figures went stale ms', dashboardCold?.median_ms ?? null, '<', 250],
    ['patient page c8 throughput / floor page', ofFloor(record), '>=', 0.5],
    ['patient page c8 p95 ms', record.c8.p95_ms, '<', 150],
    ['progress page c8 throughput / floor page', ofFloor(progress), '>=', 0.5],
    ['progress page c8 p95 ms', progress.c8.p95_ms, '<', 150],
    ['phone page c8 throughput / floor page', ofFloor(phonePage), '>=', 0.7],
    ['phone page c8 p50 ms', phonePage.c8.p50_ms, '<', 50],
    ['session-log write c16 req/s', write.rps, '>=', 600],
    ['session-log write c16 p95 ms', write.p95_ms, '<', 50],
    ['session-log write c16 non-2xx', write.non2xx, '<', 1],
  ].map(([figure, value, op, target]) => ({
    figure,
    value,
    target: `${op} ${target}`,
    met: typeof value === 'number' ? (op === '<' ? value < Number(target) : value >= Number(target)) : null,
  }));
  console.log(
    JSON.stringify(
      {
        database: serverUrl ? 'postgresql' : 'pglite',
        machine: { cpus: (await import('node:os')).cpus().length, server_processes: serverProcesses },
        sizes: {
          clinics: CLINICS,
          patients_per_clinic: PATIENTS,
          days: DAYS,
          session_logs: (globalThis as { __benchLogCount?: number }).__benchLogCount,
        },
        adherence_sql: rawSql,
        floor: { page: floorPage, route_c16: floorRoute },
        dashboard: { ...dashboard, cold: dashboardCold, c8_of_floor: ofFloor(dashboard) },
        patient_page: { ...record, c8_of_floor: ofFloor(record) },
        progress_page: { ...progress, c8_of_floor: ofFloor(progress) },
        patient_phone_page: { ...phonePage, c8_of_floor: ofFloor(phonePage) },
        session_log_write: { c16: write, c16_of_floor_route: ratio(write.rps, floorRoute.rps) },
        ratio_dashboard_p50_to_sql_median: rawSql ? Number((dashboardP50 / rawSql.median_ms).toFixed(2)) : null,
        targets,
      },
      null,
      2,
    ),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  if (flags.keep) log(`kept the database: ${serverEnv.DATABASE_URL || serverEnv.PGLITE_DIR}`);
  else await dropDatabase?.();
}
