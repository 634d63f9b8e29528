import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { alerts, providers, referrals } from '@/db/schema';
import { lookupToken, type PatientAccess } from '@/lib/patient-portal/link-access';
import { createPatientLink } from '@/lib/patients/links';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { createReferralSchema, moveReferralSchema } from '@/lib/validation/referral';
import { rosterFigures } from '@/lib/adherence/figures';
import { inPersonCareOf, requestAppointment } from './patient-side';
import { createReferral, moveReferral } from './referrals';

async function referredPatient() {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner, {});
  const [provider] = await db()
    .insert(providers)
    .values({
      clinicId: team.clinic.id,
      name: 'Bayside Osteopathy',
      discipline: 'osteopath',
      phone: '+1 503 555 0111',
      address: '9 Bay Road, Portland, OR',
      internalNotes: 'Slow to send reports: chase after two weeks.',
    })
    .returning({ id: providers.id });
  const made = await createReferral(
    team.practitioner,
    createReferralSchema.parse({
      patientId,
      providerId: provider!.id,
      reason: 'Stiff mid-back not easing with home work.',
      urgency: 'routine',
      request: 'assess',
      send: 'on',
    }),
  );
  if (!made.ok) throw new Error(made.message);
  const link = await createPatientLink(team.practitioner, patientId, { label: 'phone', expiresInDays: null });
  if (!link.ok) throw new Error('link');
  const found = await lookupToken(link.value.token);
  if (!found.ok) throw new Error('lookup');
  return { ...team, patientId, referralId: made.value.id, access: found.value as PatientAccess };
}

describe('the patient’s in-person care', () => {
  it('lists the providers they were referred to and always the clinic, never internal notes', async () => {
    const p = await referredPatient();
    const care = await inPersonCareOf(p.access);
    expect(care.map((c) => c.name)).toEqual(['Bayside Osteopathy', p.clinic.name]);
    expect(care[0]).toMatchObject({ phone: '+1 503 555 0111', canRequest: true, requested: false });
    expect(JSON.stringify(care)).not.toContain('chase after');
  });

  it('asking for an appointment records it once and alerts the practitioner once', async () => {
    const p = await referredPatient();
    expect(await requestAppointment(p.access, p.referralId)).toEqual({ ok: true, value: { alerted: true } });
    expect(await requestAppointment(p.access, p.referralId)).toEqual({ ok: true, value: { alerted: false } });
    const raised = await db().select().from(alerts).where(eq(alerts.patientId, p.patientId));
    expect(raised).toMatchObject([
      {
        kind: 'appointment_request',
        referralId: p.referralId,
        reasons: ['Asked for an appointment with Bayside Osteopathy'],
        status: 'open',
      },
    ]);
    const [row] = await db().select().from(referrals).where(eq(referrals.id, p.referralId));
    expect(row?.patientRequestedAt).not.toBeNull();
    expect((await inPersonCareOf(p.access))[0]).toMatchObject({ canRequest: false, requested: true });
    // It is an alert to act on, not a red flag: the roster's red-flag count stays 0.
    const [figures] = await rosterFigures(p.clinic.id, { patientIds: [p.patientId] });
    expect(figures?.openRedFlags).toBe(0);
    expect(figures?.reasons).not.toContain('red_flag');
  });

  it('a closed referral cannot be asked for; another patient’s referral is not found', async () => {
    const p = await referredPatient();
    await moveReferral(p.practitioner, moveReferralSchema.parse({ referralId: p.referralId, to: 'cancelled' }));
    expect(await requestAppointment(p.access, p.referralId)).toMatchObject({ ok: false, code: 'conflict' });
    const other = await referredPatient();
    expect(await requestAppointment(other.access, p.referralId)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db().select().from(alerts).where(eq(alerts.patientId, p.patientId))).toHaveLength(0);
    expect((await inPersonCareOf(other.access)).map((c) => c.name)).not.toContain(p.clinic.name);
  });
});
