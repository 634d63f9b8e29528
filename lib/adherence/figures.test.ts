import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { alerts, patientFigures, patients, sessionLogs } from '@/db/schema';
import { createClinicWithTeam } from '@/testing/factories';
import { fixtureExercise, patientOnPlan, planItem } from '@/testing/on-plan';
import { adherenceByPatient } from './adherence';
import { rosterFigures } from './figures';
import { adjustPlan } from '@/lib/plans/assign';

let exerciseId: string;
beforeAll(async () => {
  exerciseId = await fixtureExercise();
});

const stored = async (patientId: string) =>
  (await db().select().from(patientFigures).where(eq(patientFigures.patientId, patientId)))[0];

/** What the roster query computes from scratch, for comparison with what was stored. */
async function fromScratch(clinicId: string, now: Date) {
  const [raw] = await adherenceByPatient(clinicId, { now });
  // Only the attention rules read this one; it is not stored.
  const { prescribedDays7: _judged, ...figures } = raw!;
  return figures;
}

describe('stored adherence figures', () => {
  it('are computed when first asked, reused while nothing changed, and recomputed after every kind of change', async () => {
    let now = new Date('2026-06-15T12:00:00Z');
    const p = await patientOnPlan(exerciseId, 'Europe/London', '2026-06-01', 1, [1, 2, 3, 4, 5]);
    await p.logAt('2026-06-12T12:00:00Z', now);

    expect(await stored(p.patientId)).toBeUndefined();
    const [first] = await rosterFigures(p.clinic.id, { now });
    expect(first).toMatchObject({ ...(await fromScratch(p.clinic.id, now)), completed7: 1, prescribed7: 4 }); // today (Monday) has nothing logged yet
    const row = await stored(p.patientId);
    expect(row).toMatchObject({ today: '2026-06-15', completed7: 1 });

    // Asked again with nothing changed: the stored row is used as it is.
    const [again] = await rosterFigures(p.clinic.id, { now });
    expect(again).toEqual(first);
    expect((await stored(p.patientId))?.computedAt).toEqual(row?.computedAt);

    // A new session log (through the patient's link) moves the version.
    await p.logAt('2026-06-15T08:00:00Z', now);
    const [afterLog] = await rosterFigures(p.clinic.id, { now });
    expect(afterLog).toMatchObject({ completed7: 2, lastSessionDay: '2026-06-15', daysSinceLastSession: 0 });
    expect(afterLog).toMatchObject(await fromScratch(p.clinic.id, now));

    // A new plan version from today (a Monday): twice a day, Tuesday to Friday, so nothing is due today.
    const changed = await adjustPlan(p.practitioner, p.planId, {
      effectiveDate: '2026-06-15',
      reason: 'Twice a day, not on Mondays',
      items: [planItem(exerciseId, 2, [2, 3, 4, 5])],
      acknowledgements: {},
    });
    expect(changed.ok).toBe(true);
    const [afterPlan] = await rosterFigures(p.clinic.id, { now });
    expect(afterPlan).toMatchObject({ prescribed7: 4, completed7: 1 });
    expect(afterPlan).toMatchObject(await fromScratch(p.clinic.id, now));

    // The patient's day turns over: a new day, nothing else changed.
    now = new Date('2026-06-16T12:00:00Z');
    const [nextDay] = await rosterFigures(p.clinic.id, { now });
    expect(nextDay).toMatchObject({ today: '2026-06-16', daysSinceLastSession: 1 });
    expect(nextDay).toMatchObject(await fromScratch(p.clinic.id, now));

    // A new timezone moves the day boundaries (it is already Wednesday in Auckland).
    await db().update(patients).set({ timezone: 'Pacific/Auckland' }).where(eq(patients.id, p.patientId));
    const [moved] = await rosterFigures(p.clinic.id, { now });
    expect(moved).toMatchObject({ today: '2026-06-17' });
    expect(moved).toMatchObject(await fromScratch(p.clinic.id, now));

    // A log removed outside the app (say, by hand in psql) still counts as a change.
    await db().delete(sessionLogs).where(eq(sessionLogs.patientId, p.patientId));
    const [emptied] = await rosterFigures(p.clinic.id, { now });
    expect(emptied).toMatchObject({ completed7: 0, lastSessionDay: null, daysSinceLastSession: null });
  });

  it('count open red flags live, whatever was stored', async () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const p = await patientOnPlan(exerciseId, 'UTC', '2026-06-01');
    await p.logAt('2026-06-15T08:00:00Z', now, [3, 9]);
    expect((await rosterFigures(p.clinic.id, { now }))[0]?.openRedFlags).toBe(1);
    await db().update(alerts).set({ status: 'acknowledged' }).where(eq(alerts.patientId, p.patientId));
    expect((await rosterFigures(p.clinic.id, { now }))[0]?.openRedFlags).toBe(0);
  });

  it('are computed once when several readers ask together', async () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const p = await patientOnPlan(exerciseId, 'UTC', '2026-06-01');
    await p.logAt('2026-06-14T08:00:00Z', now);
    const answers = await Promise.all(Array.from({ length: 4 }, () => rosterFigures(p.clinic.id, { now })));
    for (const a of answers) expect(a).toEqual(answers[0]);
    const rows = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(patientFigures)
      .where(eq(patientFigures.patientId, p.patientId));
    expect(rows[0]?.n).toBe(1);
  });

  it('keep the session log trigger’s last session on the patient', async () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const p = await patientOnPlan(exerciseId, 'UTC', '2026-06-01');
    await p.logAt('2026-06-14T08:00:00Z', now);
    await p.logAt('2026-06-12T08:00:00Z', now); // an older session sent late does not move it back
    const [patient] = await db()
      .select({ last: patients.lastSessionAt })
      .from(patients)
      .where(eq(patients.id, p.patientId));
    expect(patient?.last?.toISOString()).toBe('2026-06-14T08:00:00.000Z');
  });

  it('unauthorized access: another clinic’s patients are never read or computed', async () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const a = await patientOnPlan(exerciseId, 'UTC', '2026-06-01');
    const b = await createClinicWithTeam();
    expect(await rosterFigures(b.clinic.id, { now })).toEqual([]);
    expect(await rosterFigures(b.clinic.id, { now, patientIds: [a.patientId] })).toEqual([]);
    expect(await stored(a.patientId)).toBeUndefined();
    expect((await rosterFigures(a.clinic.id, { now })).map((r) => r.patientId)).toEqual([a.patientId]);
  });
});

describe('a whole roster gone stale', () => {
  it('is recomputed (in parts on PostgreSQL), each patient stored once and as from scratch', async () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const p = await patientOnPlan(exerciseId, 'Europe/London', '2026-06-01', 1, [1, 2, 3, 4, 5]);
    await p.logAt('2026-06-12T12:00:00Z', now);
    // 259 more patients on the same plan, past the size that is split, with a log every other day.
    await db().execute(sql`
      insert into patients (clinic_id, name, timezone, status, primary_practitioner_id)
      select ${p.clinic.id}::uuid, 'Bulk patient ' || n, 'Europe/London', 'active', ${p.practitioner.userId}::uuid
      from generate_series(1, 259) as n`);
    await db().execute(sql`
      insert into plans (clinic_id, patient_id, start_date, status)
      select clinic_id, id, '2026-06-01', 'active' from patients where clinic_id = ${p.clinic.id}::uuid and name like 'Bulk patient %'`);
    await db().execute(sql`
      insert into plan_versions (clinic_id, plan_id, version, effective_date, reason)
      select pl.clinic_id, pl.id, 1, '2026-06-01', 'Assigned' from plans pl
      join patients pa on pa.id = pl.patient_id where pa.name like 'Bulk patient %' and pl.clinic_id = ${p.clinic.id}::uuid`);
    await db().execute(sql`
      insert into plan_items (clinic_id, plan_version_id, position, exercise_id, sessions_per_day, days_of_week, hold_seconds, reps, sets)
      select v.clinic_id, v.id, 0, ${exerciseId}::uuid, 1, '{1,2,3,4,5}'::smallint[], 30, 3, 1 from plan_versions v
      join plans pl on pl.id = v.plan_id join patients pa on pa.id = pl.patient_id
      where pa.name like 'Bulk patient %' and v.clinic_id = ${p.clinic.id}::uuid`);
    await db().execute(sql`
      insert into session_logs (clinic_id, patient_id, plan_id, plan_version_id, performed_at, local_day, items_done, pain_before, pain_after, symptoms, idempotency_key, payload_hash)
      select v.clinic_id, pl.patient_id, pl.id, v.id, d + time '09:00', d::date, array[${exerciseId}::uuid], 3, 2, '{}', gen_random_uuid(), md5(pl.patient_id::text || d::text)
      from plan_versions v join plans pl on pl.id = v.plan_id join patients pa on pa.id = pl.patient_id
      cross join generate_series('2026-06-01'::date, '2026-06-14'::date, interval '2 days') as d
      where pa.name like 'Bulk patient %' and v.clinic_id = ${p.clinic.id}::uuid`);

    const figures = await rosterFigures(p.clinic.id, { now });
    expect(figures).toHaveLength(260);
    const scratch = new Map((await adherenceByPatient(p.clinic.id, { now })).map((r) => [r.patientId, r]));
    for (const f of figures) {
      const { prescribedDays7: _judged, ...expected } = scratch.get(f.patientId)!;
      expect(f).toMatchObject(expected);
    }
    const rows = await db()
      .select({ patientId: patientFigures.patientId })
      .from(patientFigures)
      .where(eq(patientFigures.clinicId, p.clinic.id));
    expect(rows).toHaveLength(260);
    expect(figures.find((f) => f.patientId !== p.patientId)).toMatchObject({ completed7: 2, prescribed7: 4 });
  });
});
