import type pg from 'pg';
import { DEMO_PATIENT_LINK } from '../../scripts/seed/demo-accounts';
import type { ClinicIds } from '../../testing/access-registry';

async function one<T extends Record<string, unknown>>(client: pg.Client, sql: string, params: unknown[]): Promise<T> {
  const { rows } = await client.query<T>(sql, params);
  if (!rows[0]) throw new Error(`the demo seed has no row for: ${sql}`);
  return rows[0];
}

/** Clinic A (Harbour, the demo clinic): the records the matrix aims at. */
export async function clinicAIds(client: pg.Client): Promise<ClinicIds> {
  const { clinicId } = await one<{ clinicId: string }>(
    client,
    `select id as "clinicId" from clinics where slug = 'harbour'`,
    [],
  );
  const maria = await one<{ patientId: string; planId: string; planVersionId: string; version: number }>(
    client,
    `select p.id as "patientId", pl.id as "planId", v.id as "planVersionId", v.version
       from patients p join plans pl on pl.patient_id = p.id and pl.status = 'active'
       join plan_versions v on v.plan_id = pl.id
      where p.clinic_id = $1 and p.name = $2 order by v.version desc limit 1`,
    [clinicId, DEMO_PATIENT_LINK.patientName],
  );
  const { linkId } = await one<{ linkId: string }>(
    client,
    `select id as "linkId" from patient_links where patient_id = $1 and revoked_at is null limit 1`,
    [maria.patientId],
  );
  const { alertId } = await one<{ alertId: string }>(
    client,
    `select id as "alertId" from alerts where clinic_id = $1 limit 1`,
    [clinicId],
  );
  const referral = await one<{ referralId: string; referralPatientId: string; referralPlanVersionId: string }>(
    client,
    `select r.id as "referralId", r.patient_id as "referralPatientId", v.id as "referralPlanVersionId"
       from referrals r join patients p on p.id = r.patient_id
       join plans pl on pl.patient_id = p.id join plan_versions v on v.plan_id = pl.id
      where p.clinic_id = $1 and p.id <> $2 order by v.version desc limit 1`,
    [clinicId, maria.patientId],
  );
  const { referralExerciseId } = await one<{ referralExerciseId: string }>(
    client,
    `select exercise_id as "referralExerciseId" from plan_items
      where plan_version_id = $1 and exercise_id not in (select exercise_id from plan_items where plan_version_id = $2)
      limit 1`,
    [referral.referralPlanVersionId, maria.planVersionId],
  );
  const { providerId } = await one<{ providerId: string }>(
    client,
    `select id as "providerId" from providers where clinic_id = $1 and archived_at is null limit 1`,
    [clinicId],
  );
  const { templateId } = await one<{ templateId: string }>(
    client,
    `select id as "templateId" from plan_templates where clinic_id = $1 limit 1`,
    [clinicId],
  );
  const { libraryExerciseId } = await one<{ libraryExerciseId: string }>(
    client,
    `select id as "libraryExerciseId" from exercises where clinic_id is null and slug = 'thoracic-extension'`,
    [],
  );
  const { customExerciseId } = await one<{ customExerciseId: string }>(
    client,
    `select id as "customExerciseId" from exercises where clinic_id = $1 limit 1`,
    [clinicId],
  );
  const { memberId } = await one<{ memberId: string }>(
    client,
    `select id as "memberId" from users where clinic_id = $1 and role = 'practitioner' limit 1`,
    [clinicId],
  );
  return {
    clinicId,
    ...maria,
    linkId,
    alertId,
    ...referral,
    referralExerciseId,
    providerId,
    templateId,
    libraryExerciseId,
    customExerciseId,
    memberId,
  };
}

/**
 * Every id that belongs to clinic A: a row another clinic's request wrote or removed must hold
 * none of them.
 */
export async function clinicAIdSet(client: pg.Client, clinicId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `select $1::text as id
     union select id::text from users where clinic_id = $1::uuid
     union select id::text from patients where clinic_id = $1::uuid
     union select id::text from providers where clinic_id = $1::uuid
     union select id::text from plan_templates where clinic_id = $1::uuid
     union select id::text from exercises where clinic_id = $1::uuid
     union select pl.id::text from plans pl join patients p on p.id = pl.patient_id where p.clinic_id = $1::uuid
     union select r.id::text from referrals r join patients p on p.id = r.patient_id where p.clinic_id = $1::uuid
     union select id::text from alerts where clinic_id = $1::uuid`,
    [clinicId],
  );
  return rows.map((r) => r.id);
}

/**
 * Names that must not reach someone outside clinic A: its patients', practitioners' and
 * providers' names and its own, less any another clinic also has (the seed's directory lists some
 * of the same providers). `except` leaves out the caller's own name (a patient's phone page).
 */
export async function clinicANames(client: pg.Client, clinicId: string, except: string[] = []): Promise<string[]> {
  const names = (sql: string) => client.query<{ name: string }>(sql, [clinicId]).then((r) => r.rows.map((x) => x.name));
  const of = (op: '=' | '<>') =>
    names(`select name from patients where clinic_id ${op} $1
           union select name from users where clinic_id ${op} $1
           union select name from providers where clinic_id ${op} $1
           union select name from clinics where id ${op} $1`);
  const [mine, others] = await Promise.all([of('='), of('<>')]);
  const shared = new Set(others);
  return mine.filter((n) => !shared.has(n) && !except.includes(n));
}

/** The names of clinic A's patients other than `patientName`. */
export async function otherPatientNames(client: pg.Client, clinicId: string, patientName: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select name from patients where clinic_id = $1 and name <> $2`,
    [clinicId, patientName],
  );
  return rows.map((r) => r.name);
}
