import 'server-only';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { clinics, handoutPrints, patientLinks, patients } from '@/db/schema';
import type { Actor } from '@/lib/auth/guard';
import type { PatientScope } from '@/lib/patient-portal/link-access';
import { patientToday } from '@/lib/patient-portal/today';
import { inPersonCareOf } from '@/lib/referrals/patient-side';
import { logGrid } from './log-grid';

/**
 * Everything a printed home-exercise handout shows, for the plan version in effect today (the
 * one the patient's phone shows): the same reading whether the practitioner or the patient prints.
 */
export async function handoutOf(scope: PatientScope, now = new Date()) {
  const [view, care, [extra]] = await Promise.all([
    patientToday(scope, now),
    inPersonCareOf(scope),
    db()
      .select({
        name: patients.name,
        status: patients.status,
        clinicAddress: clinics.address,
        clinicEmail: clinics.email,
        clinicTimezone: clinics.timezone,
      })
      .from(patients)
      .innerJoin(clinics, eq(clinics.id, patients.clinicId))
      .where(and(eq(patients.id, scope.patientId), eq(patients.clinicId, scope.clinicId))),
  ]);
  if (!extra) return null;
  return {
    patientName: extra.name,
    discharged: extra.status !== 'active',
    today: view.today,
    clinic: { ...view.clinic, address: extra.clinicAddress, email: extra.clinicEmail, timezone: extra.clinicTimezone },
    plan: view.plan,
    exercises: view.exercises,
    logDays: logGrid(view.today, view.exercises),
    care,
  };
}

export type Handout = NonNullable<Awaited<ReturnType<typeof handoutOf>>>;

/** The handout of a patient of the actor's clinic, or null for anyone else's. */
export async function practitionerHandout(actor: Actor, patientId: string, now = new Date()) {
  const [patient] = await db()
    .select({ timezone: patients.timezone })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
  if (!patient) return null;
  return handoutOf({ patientId, clinicId: actor.clinicId, timezone: patient.timezone }, now);
}

/** The patient's links that printed handouts carry and that still open the plan, newest first. */
export async function livePrintedLinks(actor: Actor, patientId: string, now = new Date()) {
  return db()
    .selectDistinct({ linkId: patientLinks.id, label: patientLinks.label, createdAt: patientLinks.createdAt })
    .from(handoutPrints)
    .innerJoin(patientLinks, eq(patientLinks.id, handoutPrints.patientLinkId))
    .where(
      and(
        eq(handoutPrints.clinicId, actor.clinicId),
        eq(handoutPrints.patientId, patientId),
        eq(patientLinks.clinicId, actor.clinicId),
        isNull(patientLinks.revokedAt),
        or(isNull(patientLinks.expiresAt), gt(patientLinks.expiresAt, now)),
      ),
    )
    .orderBy(desc(patientLinks.createdAt));
}
