// The fault test's patients: one clinic, patients on a two-exercise plan that covers today, and
// one link each. Written with SQL like the benchmark's generator (scripts/bench.ts).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@/db/client';
import { hashToken } from '@/lib/patient-portal/link-access';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';

export type FaultLink = { token: string; patientId: string; exercises: string[] };

export async function seedFaultPatients(db: Database, patients: number): Promise<FaultLink[]> {
  await seedReference(db);
  const ids = await builtinIdsBySlug(db);
  const exercises = [ids.get('thoracic-extension')!, ids.get('upper-back-roll-bridge')!];
  const slug = `faults-${crypto.randomBytes(3).toString('hex')}`;
  const [clinic] = rowsOf<{ id: string }>(
    await db.execute(
      sql`insert into clinics (name, slug, timezone) values ('Fault test clinic', ${slug}, 'UTC') returning id`,
    ),
  );
  const clinicId = clinic!.id;
  await db.execute(sql`
    insert into patients (clinic_id, name, timezone, status)
    select ${clinicId}::uuid, 'Fault patient ' || n, 'UTC', 'active' from generate_series(1, ${patients}::int) as n`);
  await db.execute(sql`
    insert into plans (clinic_id, patient_id, start_date, status)
    select clinic_id, id, current_date - 10, 'active' from patients where clinic_id = ${clinicId}::uuid`);
  await db.execute(sql`
    insert into plan_versions (clinic_id, plan_id, version, effective_date, reason)
    select clinic_id, id, 1, start_date, 'Assigned' from plans where clinic_id = ${clinicId}::uuid`);
  await db.execute(sql`
    insert into plan_items (clinic_id, plan_version_id, position, exercise_id, sessions_per_day, days_of_week, hold_seconds, reps, sets)
    select v.clinic_id, v.id, x.pos, x.ex, 2, '{1,2,3,4,5,6,7}'::smallint[], 30, 3, 1
    from plan_versions v cross join (values (0, ${exercises[0]}::uuid), (1, ${exercises[1]}::uuid)) as x(pos, ex)
    where v.clinic_id = ${clinicId}::uuid`);
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select id from patients where clinic_id = ${clinicId}::uuid order by name`),
  );
  const links: FaultLink[] = [];
  for (const row of rows) {
    const token = crypto.randomBytes(32).toString('base64url');
    await db.execute(
      sql`insert into patient_links (clinic_id, patient_id, token_hash, label) values (${clinicId}::uuid, ${row.id}::uuid, ${hashToken(token)}, 'fault test')`,
    );
    links.push({ token, patientId: row.id, exercises });
  }
  return links;
}
