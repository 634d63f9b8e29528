import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, providers, referralEvents, referrals } from '@/db/schema';
import { todayIn, shiftDate } from '@/lib/dates';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { createReferralSchema, moveReferralSchema, recordReportSchema } from '@/lib/validation/referral';
import { providersForReferral } from '@/lib/directory/providers';
import { createReferral, moveReferral, recordReport, referralsOfPatient } from './referrals';
import { stalledReferrals } from './stalled';

async function clinicWithPatientAndProvider() {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner, {});
  const [provider] = await db()
    .insert(providers)
    .values({ clinicId: team.clinic.id, name: 'Dr Lena Ortiz', discipline: 'physician', phone: '+1 503 555 0100' })
    .returning({ id: providers.id });
  return { ...team, patientId, providerId: provider!.id };
}

const referralForm = (patientId: string, providerId: string, patch: Record<string, string> = {}) =>
  createReferralSchema.parse({
    patientId,
    providerId,
    reason: 'Severe osteoporosis: roller work is not safe; please assess.',
    urgency: 'soon',
    request: 'assess_and_report',
    patientInformed: 'on',
    send: 'on',
    ...patch,
  });

const statusOf = async (id: string) =>
  (await db().select({ status: referrals.status }).from(referrals).where(eq(referrals.id, id)))[0]?.status;

describe('referrals', () => {
  it('refers a patient, sent today, with its first step and an audit entry', async () => {
    const c = await clinicWithPatientAndProvider();
    const created = await createReferral(c.practitioner, referralForm(c.patientId, c.providerId));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [row] = await db().select().from(referrals).where(eq(referrals.id, created.value.id));
    expect(row).toMatchObject({ status: 'sent', sentOn: todayIn('UTC'), urgency: 'soon', patientInformed: true });
    const events = await db().select().from(referralEvents).where(eq(referralEvents.referralId, created.value.id));
    expect(events).toMatchObject([{ kind: 'status', fromStatus: null, toStatus: 'sent' }]);
    const logged = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, created.value.id), eq(auditEvents.action, 'referral.created')));
    expect(logged).toHaveLength(1);
    expect((await providersForReferral(c.practitioner)).map((p) => p.name)).toEqual([c.clinic.name, 'Dr Lena Ortiz']);
  });

  it('moves only by steps that make sense, each with its day, author and note; a closed referral never moves', async () => {
    const c = await clinicWithPatientAndProvider();
    const draft = await createReferral(c.practitioner, referralForm(c.patientId, c.providerId, { send: '' }));
    if (!draft.ok) throw new Error(draft.message);
    const id = draft.value.id;
    const move = (to: string, extra: Record<string, string> = {}) =>
      moveReferral(c.practitioner, moveReferralSchema.parse({ referralId: id, to, ...extra }));
    expect(await statusOf(id)).toBe('draft');
    expect(await move('seen')).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'A referral that is draft cannot be marked seen.',
    });
    expect(await move('sent')).toMatchObject({ ok: true });
    expect(await move('booked', { note: 'Tuesday 9:00', on: shiftDate(todayIn('UTC'), -1) })).toMatchObject({
      ok: true,
    });
    expect(await move('report_received')).toMatchObject({ ok: false, code: 'conflict' });
    expect(await move('seen', { on: shiftDate(todayIn('UTC'), 1) })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await move('seen')).toMatchObject({ ok: true });
    const reported = await recordReport(
      c.practitioner,
      recordReportSchema.parse({
        referralId: id,
        findings: 'T-score −3.1.',
        recommendations: 'No roller work.',
        reportOn: todayIn('UTC'),
      }),
    );
    expect(reported).toEqual({ ok: true });
    expect(await statusOf(id)).toBe('report_received');
    expect(await move('cancelled')).toMatchObject({
      ok: false,
      message: 'This referral is report received: it cannot change any more.',
    });
    const [patientView] = await referralsOfPatient(c.practitioner, c.patientId);
    expect(patientView?.events.map((e) => `${e.fromStatus ?? '∅'}→${e.toStatus}`)).toEqual([
      '∅→draft',
      'draft→sent',
      'sent→booked',
      'booked→seen',
      'seen→report_received',
    ]);
    expect(patientView?.events[2]).toMatchObject({ note: 'Tuesday 9:00', occurredOn: shiftDate(todayIn('UTC'), -1) });
    expect(patientView).toMatchObject({ reportFindings: 'T-score −3.1.', bookedOn: shiftDate(todayIn('UTC'), -1) });

    // Declined is final too: no "seen" after "declined".
    const other = await createReferral(c.practitioner, referralForm(c.patientId, c.providerId));
    if (!other.ok) throw new Error(other.message);
    expect(
      await moveReferral(c.practitioner, moveReferralSchema.parse({ referralId: other.value.id, to: 'declined' })),
    ).toMatchObject({ ok: true });
    expect(
      await moveReferral(c.practitioner, moveReferralSchema.parse({ referralId: other.value.id, to: 'seen' })),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expect(await statusOf(other.value.id)).toBe('declined');
  });

  it('refuses bad input field by field, an archived provider, and keeps an open referral readable after archiving', async () => {
    const c = await clinicWithPatientAndProvider();
    const errors = (patch: Record<string, string>) => {
      const parsed = createReferralSchema.safeParse({
        patientId: c.patientId,
        providerId: c.providerId,
        reason: 'x',
        urgency: 'routine',
        request: 'treat',
        ...patch,
      });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    };
    expect(errors({})).toEqual([]);
    expect(errors({ providerId: '' })).toEqual(['providerId']);
    expect(errors({ reason: '   ' })).toEqual(['reason']);
    expect(errors({ urgency: 'whenever' })).toEqual(['urgency']);
    expect(errors({ request: 'fix' })).toEqual(['request']);
    const open = await createReferral(c.practitioner, referralForm(c.patientId, c.providerId));
    if (!open.ok) throw new Error(open.message);
    await db().update(providers).set({ archivedAt: new Date() }).where(eq(providers.id, c.providerId));
    expect(await createReferral(c.practitioner, referralForm(c.patientId, c.providerId))).toMatchObject({
      ok: false,
      fieldErrors: { providerId: [expect.stringMatching(/archived/)] },
    });
    const [still] = await referralsOfPatient(c.practitioner, c.patientId);
    expect(still).toMatchObject({ id: open.value.id, provider: { name: 'Dr Lena Ortiz', archived: true } });
  });

  it('unauthorized access: another clinic cannot refer, move, report on or read a clinic’s referrals', async () => {
    const a = await clinicWithPatientAndProvider();
    const b = await clinicWithPatientAndProvider();
    const made = await createReferral(a.practitioner, referralForm(a.patientId, a.providerId));
    if (!made.ok) throw new Error(made.message);
    expect(await createReferral(b.admin, referralForm(a.patientId, b.providerId))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await createReferral(b.admin, referralForm(b.patientId, a.providerId))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(
      await moveReferral(b.admin, moveReferralSchema.parse({ referralId: made.value.id, to: 'cancelled' })),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(
      await recordReport(
        b.admin,
        recordReportSchema.parse({ referralId: made.value.id, findings: 'x', reportOn: todayIn('UTC') }),
      ),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await statusOf(made.value.id)).toBe('sent');
    expect(await referralsOfPatient(b.admin, a.patientId)).toEqual([]);
    expect((await providersForReferral(b.admin)).map((p) => p.id)).not.toContain(a.providerId);
  });
});

describe('the dashboard’s referrals group', () => {
  it('shows open urgent ones, sent 7+ days and not booked, seen 14+ days with no report; nothing else', async () => {
    const c = await clinicWithPatientAndProvider();
    const today = todayIn('UTC');
    const make = async (patch: Partial<typeof referrals.$inferInsert>) => {
      const [row] = await db()
        .insert(referrals)
        .values({
          clinicId: c.clinic.id,
          patientId: c.patientId,
          providerId: c.providerId,
          reason: 'x',
          urgency: 'routine',
          request: 'assess',
          status: 'sent',
          ...patch,
        })
        .returning({ id: referrals.id });
      return row!.id;
    };
    const urgent = await make({ urgency: 'urgent', status: 'booked', sentOn: shiftDate(today, -1) });
    const notBooked = await make({ sentOn: shiftDate(today, -7) });
    await make({ sentOn: shiftDate(today, -6) }); // six days: not yet
    const noReport = await make({ status: 'seen', sentOn: shiftDate(today, -30), seenOn: shiftDate(today, -14) });
    await make({ status: 'seen', seenOn: shiftDate(today, -13) }); // thirteen days: not yet
    await make({ status: 'report_received', seenOn: shiftDate(today, -40), urgency: 'urgent' }); // closed
    await make({ status: 'cancelled', sentOn: shiftDate(today, -20), urgency: 'urgent' }); // closed
    const rows = await stalledReferrals(c.practitioner);
    expect(rows.map((r) => [r.id, r.why])).toEqual([
      [urgent, 'urgent'],
      [noReport, 'no_report'],
      [notBooked, 'not_booked'],
    ]);
    const b = await clinicWithPatientAndProvider();
    expect(await stalledReferrals(b.admin)).toEqual([]);
  });
});
