// npm run bench:audit — what the audit chain costs a write, on the PostgreSQL server named by
// DATABASE_URL (a throwaway database; PGlite when unset): N audit inserts one after another with
// the chain trigger and without it, then 16 concurrent writers in one clinic (they take turns at
// the chain head) and in 16 clinics. Prints one JSON object of figures.
//   --inserts N   inserts per measurement (default 1000)
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createThrowawayDatabase } from '@/testing/throwaway';

const { values: flags } = parseArgs({ options: { inserts: { type: 'string', default: '1000' } } });
const N = Number(flags.inserts);
const WRITERS = 16;

const serverUrl = process.env.DATABASE_URL;
const throwaway = serverUrl ? await createThrowawayDatabase(serverUrl, 'rollcall_bench_audit') : null;
if (throwaway) process.env.DATABASE_URL = throwaway.url;
else process.env.PGLITE_DIR = 'memory://';

const { closeDb, db, dbHandle } = await import('@/db/client');
const { migrateDatabase } = await import('@/db/migrate');
const { auditEvents, clinics } = await import('@/db/schema');
const { sql } = await import('drizzle-orm');

const round = (x: number) => Number(x.toFixed(3));

async function newClinic(i: number) {
  const [c] = await db()
    .insert(clinics)
    .values({ name: `Bench ${i}`, slug: `bench-audit-${i}-${Date.now()}`, timezone: 'UTC' })
    .returning({ id: clinics.id });
  return c!.id;
}

const row = (clinicId: string, i: number) => ({
  clinicId,
  action: 'patient.viewed',
  subjectType: 'patient',
  subjectId: crypto.randomUUID(),
  patientId: crypto.randomUUID(),
  detail: { view: 'record', i },
  clientAddress: '203.0.113.9',
});

/** ms per insert, one after another (each its own transaction, as a page view is). */
async function sequential(clinicId: string, numbered = false): Promise<number> {
  const start = performance.now();
  // Without the trigger the rows must be numbered here, or they would collide on (clinic, seq).
  for (let i = 0; i < N; i++)
    await db()
      .insert(auditEvents)
      .values({ ...row(clinicId, i), ...(numbered ? { seq: i + 1 } : {}) });
  return (performance.now() - start) / N;
}

/** Inserts per second with WRITERS at once, each in its own transaction. */
async function concurrent(clinicIds: string[]): Promise<number> {
  const per = Math.ceil(N / WRITERS);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < per; i++)
        await db()
          .insert(auditEvents)
          .values(row(clinicIds[w % clinicIds.length]!, i));
    }),
  );
  return (per * WRITERS) / ((performance.now() - start) / 1000);
}

try {
  await migrateDatabase(dbHandle());
  const warm = await newClinic(0);
  await sequential(warm);
  const chained = await sequential(await newClinic(1));
  const oneClinic = await concurrent([await newClinic(2)]);
  const ids = await Promise.all(Array.from({ length: WRITERS }, (_, i) => newClinic(10 + i)));
  const manyClinics = await concurrent(ids);
  // The same inserts with the chain trigger off: what the chain itself adds.
  await db().execute(sql`alter table audit_events disable trigger audit_events_chain`);
  const plain = await sequential(await newClinic(3), true);
  await db().execute(sql`alter table audit_events enable trigger audit_events_chain`);
  console.log(
    JSON.stringify(
      {
        database: dbHandle().kind,
        inserts: N,
        msPerInsert: { chained: round(chained), withoutChain: round(plain), chainCost: round(chained - plain) },
        concurrentInsertsPerSecond: {
          writers: WRITERS,
          oneClinic: Math.round(oneClinic),
          sixteenClinics: Math.round(manyClinics),
        },
      },
      null,
      2,
    ),
  );
} finally {
  await closeDb();
  await throwaway?.drop();
}
