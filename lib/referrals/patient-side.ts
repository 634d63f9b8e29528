import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { alerts, clinics, patients, providers, referralEvents, referrals } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { todayIn } from '@/lib/dates';
import type { PatientAccess, PatientScope } from '@/lib/patient-portal/link-access';
import { OPEN_STATUSES } from './status';

/** A place the patient can go in person, as their phone shows it: contact details only, never internal notes. */
export type InPersonCare = {
  referralId: string | null;
  name: string;
  discipline: string;
  organisation: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  openingHours: string | null;
  /** The referral is still open and the patient may ask for the appointment. */
  canRequest: boolean;
  requested: boolean;
};

/**
 * The providers this patient was referred to (open referrals first, not cancelled ones), and
 * always the clinic itself, last.
 */
export async function inPersonCareOf(access: PatientScope): Promise<InPersonCare[]> {
  const [rows, [clinic]] = await Promise.all([
    db()
      .select({
        referralId: referrals.id,
        status: referrals.status,
        requestedAt: referrals.patientRequestedAt,
        name: providers.name,
        discipline: providers.discipline,
        organisation: providers.organisation,
        address: providers.address,
        phone: providers.phone,
        website: providers.website,
        openingHours: providers.openingHours,
        isClinic: providers.isClinic,
      })
      .from(referrals)
      .innerJoin(providers, and(eq(providers.id, referrals.providerId), eq(providers.clinicId, referrals.clinicId)))
      .where(
        and(
          eq(referrals.patientId, access.patientId),
          eq(referrals.clinicId, access.clinicId),
          inArray(referrals.status, ['sent', 'booked', 'seen', 'report_received']),
        ),
      )
      .orderBy(desc(referrals.createdAt)),
    db()
      .select({ name: clinics.name, phone: clinics.phone, address: clinics.address })
      .from(clinics)
      .where(eq(clinics.id, access.clinicId)),
  ]);
  const open = (s: string) => (OPEN_STATUSES as readonly string[]).includes(s);
  const referred: InPersonCare[] = rows
    .filter((r) => !r.isClinic)
    .sort((a, b) => Number(open(b.status)) - Number(open(a.status)))
    .map((r) => ({
      referralId: r.referralId,
      name: r.name,
      discipline: r.discipline,
      organisation: r.organisation,
      address: r.address,
      phone: r.phone,
      website: r.website,
      openingHours: r.openingHours,
      canRequest: open(r.status) && r.requestedAt === null,
      requested: r.requestedAt !== null,
    }));
  return [
    ...referred,
    {
      referralId: null,
      name: clinic?.name ?? 'Your clinic',
      discipline: 'clinic',
      organisation: null,
      address: clinic?.address ?? null,
      phone: clinic?.phone ?? null,
      website: null,
      openingHours: null,
      canRequest: false,
      requested: false,
    },
  ];
}

/**
 * The patient asks for the appointment they were referred to: recorded on the referral once,
 * with an alert for the practitioner, in one transaction. Asking again changes nothing.
 */
export async function requestAppointment(
  access: PatientAccess,
  referralId: string,
): Promise<Result<{ alerted: boolean }>> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({ status: referrals.status, requestedAt: referrals.patientRequestedAt, providerName: providers.name })
      .from(referrals)
      .innerJoin(providers, and(eq(providers.id, referrals.providerId), eq(providers.clinicId, referrals.clinicId)))
      .innerJoin(patients, and(eq(patients.id, referrals.patientId), eq(patients.clinicId, referrals.clinicId)))
      .where(
        and(
          eq(referrals.id, referralId),
          eq(referrals.patientId, access.patientId),
          eq(referrals.clinicId, access.clinicId),
        ),
      )
      .for('update', { of: referrals });
    if (!row) return fail('not_found', 'That referral is not yours.');
    if (!(OPEN_STATUSES as readonly string[]).includes(row.status))
      return fail('conflict', 'That referral is closed: call your clinic if you still need an appointment.');
    if (row.requestedAt) return ok({ alerted: false });
    const today = todayIn(access.timezone);
    await tx
      .update(referrals)
      .set({ patientRequestedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(referrals.id, referralId), isNull(referrals.patientRequestedAt)));
    await tx.insert(referralEvents).values({
      clinicId: access.clinicId,
      referralId,
      actorUserId: null,
      kind: 'patient_request',
      occurredOn: today,
    });
    await tx.insert(alerts).values({
      clinicId: access.clinicId,
      patientId: access.patientId,
      kind: 'appointment_request',
      referralId,
      reasons: [`Asked for an appointment with ${row.providerName}`],
    });
    await audit(tx, access, {
      action: 'referral.patient_requested',
      subjectType: 'referral',
      subjectId: referralId,
      patientId: access.patientId,
    });
    return ok({ alerted: true });
  });
}
