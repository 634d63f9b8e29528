// npm run bench:roster — how long one roster page takes with a large clinic.
// Prepares its own database: a fresh in-memory PGlite, or BENCH_DATABASE_URL (a server URL on
// which a throwaway database is created and dropped). Prints one JSON object of figures.
//   --patients N   patients in the measured clinic (default 5000)
//   --runs N       timed runs per query (default 30)
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createThrowawayDatabase } from '@/testing/throwaway';

const { values } = parseArgs({
  options: { patients: { type: 'string', default: '5000' }, runs: { type: 'string', default: '30' } },
});
const patientCount = Number(values.patients);
const runs = Number(values.runs);

const serverUrl = process.env.BENCH_DATABASE_URL;
let dropDatabase: (() => Promise<void>) | null = null;
if (serverUrl) {
  const database = await createThrowawayDatabase(serverUrl, 'rollcall_bench');
  process.env.DATABASE_URL = database.url;
  dropDatabase = database.drop;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}

const { closeDb, db, dbHandle } = await import('@/db/client');
const { migrateDatabase } = await import('@/db/migrate');
const { clinics, patients, users } = await import('@/db/schema');
const { rosterPage } = await import('@/lib/roster/roster-page');
const { parseRosterQuery } = await import('@/lib/validation/patient');

try {
  await migrateDatabase(dbHandle());
  const [clinic] = await db()
    .insert(clinics)
    .values({ name: 'Bench clinic', slug: `bench-${Date.now()}`, timezone: 'UTC' })
    .returning();
  const [other] = await db()
    .insert(clinics)
    .values({ name: 'Other clinic', slug: `other-${Date.now()}`, timezone: 'UTC' })
    .returning();
  const staff = await db()
    .insert(users)
    .values(
      Array.from({ length: 8 }, (_, i) => ({
        clinicId: clinic!.id,
        name: `Practitioner ${i}`,
        email: `bench-${i}-${crypto.randomBytes(3).toString('hex')}@bench.example.com`,
        passwordHash: 'x',
      })),
    )
    .returning({ id: users.id });
  const first = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea'];
  const last = ['Adams', 'Brown', 'Chen', 'Diaz', 'Evans', 'Fox', 'Garcia', 'Hughes', 'Ito', 'Jones', 'Khan', 'Lopez'];
  const batch = 1000;
  for (const clinicId of [clinic!.id, other!.id]) {
    for (let start = 0; start < patientCount; start += batch) {
      await db()
        .insert(patients)
        .values(
          Array.from({ length: Math.min(batch, patientCount - start) }, (_, j) => {
            const n = start + j;
            return {
              clinicId,
              name: `${first[n % first.length]} ${last[Math.floor(n / first.length) % last.length]} ${n}`,
              timezone: 'UTC',
              status: n % 10 === 0 ? ('discharged' as const) : ('active' as const),
              primaryPractitionerId: clinicId === clinic!.id ? staff[n % staff.length]!.id : null,
              lastSessionAt: n % 3 ? new Date(Date.now() - (n % 90) * 86_400_000) : null,
            };
          }),
        );
    }
  }
  const actor = {
    userId: staff[0]!.id,
    clinicId: clinic!.id,
    role: 'admin' as const,
    name: 'Bench',
    email: 'bench@example.com',
    mustChangePassword: false,
  };
  const queries: Record<string, Record<string, string>> = {
    'first page by name': {},
    'page 100 by name (size 25)': { page: '100' },
    'sorted by last session desc': { sort: 'last_session', dir: 'desc' },
    'sorted by 7-day adherence': { sort: 'adherence7' },
    'sorted by open alerts desc': { sort: 'alerts', dir: 'desc' },
    'search "lopez"': { q: 'lopez' },
    'my patients, all statuses': { practitioner: 'me', status: 'all' },
  };
  const results: Record<string, { median_ms: number; p95_ms: number; rows: number; total: number }> = {};
  for (const [label, params] of Object.entries(queries)) {
    const query = parseRosterQuery(params);
    await rosterPage(actor, query);
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof rosterPage>> | null = null;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      last = await rosterPage(actor, query);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results[label] = {
      median_ms: Number(times[Math.floor(times.length / 2)]!.toFixed(2)),
      p95_ms: Number(times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!.toFixed(2)),
      rows: last?.rows.length ?? 0,
      total: last?.total ?? 0,
    };
  }
  console.log(
    JSON.stringify(
      {
        database: dbHandle().kind,
        patients_in_clinic: patientCount,
        other_clinic_patients: patientCount,
        runs,
        results,
      },
      null,
      2,
    ),
  );
} finally {
  await closeDb();
  await dropDatabase?.();
}
