import crypto from 'node:crypto';
import { db } from '@/db/client';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';
import { lookupToken } from '@/lib/patient-portal/link-access';
import { createPatientLink } from '@/lib/patients/links';
import { assignPlan } from '@/lib/plans/assign';
import type { SymptomCode } from '@/lib/patient-portal/log-contract';
import { recordSessionLog } from '@/lib/patient-portal/record-log';
import { createClinicWithTeam, createScreenedPatient } from './factories';

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const EVERY_DAY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The built-in exercise the adherence fixtures prescribe (seeding the reference data first). */
export async function fixtureExercise(slug = 'thoracic-extension'): Promise<string> {
  await seedReference(db());
  return (await builtinIdsBySlug(db())).get(slug)!;
}

export const planItem = (exerciseId: string, sessionsPerDay: number, daysOfWeek: Weekday[]) => ({
  exerciseId,
  sessionsPerDay,
  daysOfWeek,
  holdSeconds: 30,
  reps: 3,
  sets: 1,
  patientNote: null,
});

/**
 * A clinic with one screened patient on a one-exercise plan from startDate, and logAt() to record
 * a session through the patient's own link, as the phone page does.
 */
export async function patientOnPlan(
  exerciseId: string,
  timezone: string,
  startDate: string,
  sessionsPerDay = 1,
  days = EVERY_DAY,
) {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner, { timezone });
  const plan = await assignPlan(team.practitioner, patientId, {
    templateId: null,
    startDate,
    endDate: null,
    items: [planItem(exerciseId, sessionsPerDay, days)],
    acknowledgements: {},
  });
  if (!plan.ok) throw new Error(plan.message);
  const link = await createPatientLink(team.practitioner, patientId, { label: 'x', expiresInDays: null });
  if (!link.ok) throw new Error('link');
  const found = await lookupToken(link.value.token);
  if (!found.ok) throw new Error('lookup');
  const logAt = async (
    iso: string,
    now: Date,
    pain: [number, number] = [3, 2],
    extra: { symptoms?: SymptomCode[]; itemsDone?: string[] } = {},
  ) => {
    const outcome = await recordSessionLog(
      found.value,
      {
        idempotencyKey: crypto.randomUUID(),
        performedAt: iso,
        itemsDone: extra.itemsDone ?? [exerciseId],
        painBefore: pain[0],
        painAfter: pain[1],
        symptoms: extra.symptoms ?? [],
        note: null,
      },
      now,
    );
    if (!outcome.ok) throw new Error(`${iso}: ${outcome.message}`);
  };
  return { ...team, patientId, planId: plan.value.planId, logAt };
}
