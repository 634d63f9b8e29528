import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { patients, users } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { todayIn } from '@/lib/dates';
import type { Actor } from '@/lib/auth/guard';
import { revokeAllLinks } from '@/lib/patients/links';
import { endActivePlan } from '@/lib/plans/assign';
import type { PatientInput } from '@/lib/validation/patient';

const notFound = fail('not_found', 'That patient is not in your clinic.');

export async function findPatient(actor: Pick<Actor, 'clinicId'>, patientId: string) {
  const [row] = await db()
    .select({ patient: patients, practitionerName: users.name })
    .from(patients)
    .leftJoin(users, eq(users.id, patients.primaryPractitionerId))
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
    .limit(1);
  return row ? { ...row.patient, primaryPractitionerName: row.practitionerName } : null;
}

/** A practitioner named as primary must be an active member of the same clinic. */
async function checkPractitioner(actor: Actor, practitionerId: string | null): Promise<boolean> {
  if (!practitionerId) return true;
  const [row] = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, practitionerId), eq(users.clinicId, actor.clinicId), isNull(users.disabledAt)))
    .limit(1);
  return Boolean(row);
}

const badPractitioner = fail('invalid', 'Choose a practitioner from your clinic.', {
  primaryPractitionerId: ['Choose a practitioner from your clinic.'],
});

export async function createPatient(actor: Actor, input: PatientInput): Promise<Result<{ id: string }>> {
  if (!(await checkPractitioner(actor, input.primaryPractitionerId))) return badPractitioner;
  return db().transaction(async (tx) => {
    const [created] = await tx
      .insert(patients)
      .values({ ...input, clinicId: actor.clinicId, createdBy: actor.userId })
      .returning({ id: patients.id });
    if (!created) throw new Error('patient insert returned nothing');
    await audit(tx, actor, { action: 'patient.created', subjectType: 'patient', subjectId: created.id });
    return ok({ id: created.id });
  });
}

export async function updatePatient(actor: Actor, patientId: string, input: PatientInput): Promise<Result> {
  if (!(await checkPractitioner(actor, input.primaryPractitionerId))) return badPractitioner;
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(patients)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
      .returning({ id: patients.id });
    if (!updated[0]) return notFound;
    await audit(tx, actor, {
      action: 'patient.updated',
      subjectType: 'patient',
      subjectId: patientId,
      detail: { fields: Object.keys(input) },
    });
    return ok();
  });
}

/** Discharge ends the active plan today; reactivating brings the record back without a plan. */
export async function setPatientStatus(
  actor: Actor,
  patientId: string,
  status: 'active' | 'discharged',
): Promise<Result> {
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(patients)
      .set({ status, dischargedAt: status === 'discharged' ? new Date() : null, updatedAt: new Date() })
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
      .returning({ id: patients.id, timezone: patients.timezone });
    const row = updated[0];
    if (!row) return notFound;
    if (status === 'discharged') {
      // Discharge day is the plan's last day, as the confirmation says.
      await endActivePlan(tx, actor, patientId, todayIn(row.timezone));
      // A discharged patient's links stop working at once.
      await revokeAllLinks(tx, actor, patientId);
    }
    await audit(tx, actor, {
      action: `patient.${status === 'discharged' ? 'discharged' : 'reactivated'}`,
      subjectType: 'patient',
      subjectId: patientId,
    });
    return ok();
  });
}

export async function activePractitioners(actor: Actor) {
  return db()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.clinicId, actor.clinicId), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
