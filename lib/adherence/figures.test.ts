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
